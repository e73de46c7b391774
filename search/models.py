from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.search import index

from cms.core.text import compact, fold
from search.analysis import index_fields

# Cap of the plain text kept per entry (for highlighting and the index); long PDFs are cut here.
MAX_BODY_CHARS = 100_000


class SearchEntry(index.Indexed, models.Model):
    """One search result: a live, public page or a document, with its text prepared for the search.

    The table is the site search's own index (see docs/search.md). On PostgreSQL the migration
    adds a generated ``search_vector`` column (``german`` configuration) with a GIN index; on
    SQLite the folded text columns are searched with LIKE. Entries are kept up to date by the
    signal handlers in ``search.indexing``; ``manage.py update_search_entries`` rebuilds them.
    """

    # kind, federal_state and year have no B-tree index on purpose: with one, PostgreSQL answers a
    # filtered search ("art=initiative") through it and tests the text match row by row, reading every
    # large search_vector from TOAST (77 ms instead of 15 ms at 12,000 entries, docs/search.md). The
    # GIN index finds the matches, the facet filters are checked in the narrow rows.
    kind = models.CharField("Art", max_length=30)
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name="Seite",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    document = models.OneToOneField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name="Dokument",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    parent_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Gehört zu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Bei Präsentationen das Treffen, bei Dokumenten die Seite, die sie anbietet.",
    )
    title = models.CharField("Titel", max_length=255)
    summary = models.TextField("Kurzfassung", blank=True)
    body = models.TextField("Text", blank=True)
    federal_state = models.CharField("Bundesland", max_length=2, blank=True)
    year = models.PositiveSmallIntegerField("Jahr", null=True, blank=True)
    # The folded title (suggestions) and the analysed columns (search.analysis.index_fields).
    title_norm = models.TextField("Titel, vereinheitlicht", blank=True, editable=False)
    title_terms = models.TextField("Titel, Suchbegriffe", blank=True, editable=False)
    title_parts = models.TextField("Titel, Wortteile", blank=True, editable=False)
    body_terms = models.TextField("Text, Suchbegriffe", blank=True, editable=False)
    body_parts = models.TextField("Text, Wortteile", blank=True, editable=False)
    updated_at = models.DateTimeField("Aktualisiert am", auto_now=True)

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("federal_state"),
        index.FilterField("year"),
    ]
    # Only an external search server (Elasticsearch/OpenSearch) indexes these entries itself; the
    # database backends use the columns of this table directly.
    search_auto_update = getattr(settings, "SEARCH_EXTERNAL_BACKEND", False)

    class Meta:
        verbose_name = "Sucheintrag"
        verbose_name_plural = "Sucheinträge"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=False) | models.Q(document__isnull=False),
                name="search_entry_page_or_document",
            )
        ]

    def __str__(self):
        return self.title

    def prepare(self, kind_label=""):
        """Fill the folded and analysed columns from title, summary and body."""
        self.title = (self.title or "")[:255]
        self.body = (self.body or "")[:MAX_BODY_CHARS]
        self.title_norm = fold(self.title)
        for name, value in index_fields(self.title, f"{self.summary}\n{self.body}", kind_label).items():
            setattr(self, name, value)


class SearchSynonym(models.Model):
    """Spellings that mean the same for the site search, maintained by the editors (snippet
    "Suchbegriffe: Synonyme"): a query for one of them also finds the others ("Logo" finds
    "Signet", "BaWü" finds "Baden-Württemberg", "F&E" finds "Forschung und Entwicklung")."""

    terms = models.TextField(
        "Gleichbedeutende Begriffe",
        help_text=(
            "Ein Begriff je Zeile (oder durch Kommas getrennt), z. B. „Logo“, „Signet“. Eine Suche nach "
            "einem davon findet auch die anderen. Groß- und Kleinschreibung, Umlaut-Schreibweisen und "
            "Bindestriche spielen keine Rolle."
        ),
    )
    note = models.CharField("Notiz", max_length=255, blank=True, help_text="Nur für die Redaktion.")

    panels = [
        HelpPanel(
            content=(
                "Synonyme wirken sofort auf die Suche: Suche, Treffer und „Meinten Sie …?“. "
                "Wortformen („Regionen“ – „Region“) braucht es nicht, die findet die Suche selbst."
            )
        ),
        FieldPanel("terms"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "Synonym der Suche"
        verbose_name_plural = "Synonyme der Suche"

    def __str__(self):
        return " = ".join(self.variants())

    def variants(self):
        """The distinct spellings, in the editors' order."""
        seen, found = set(), []
        for line in self.terms.replace(",", "\n").replace(";", "\n").splitlines():
            term = " ".join(line.split())
            if term and compact(term) and compact(term) not in seen:
                seen.add(compact(term))
                found.append(term)
        return found

    def clean(self):
        if len(self.variants()) < 2:
            raise ValidationError({"terms": "Bitte mindestens zwei verschiedene Begriffe angeben."})
