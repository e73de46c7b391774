from django.conf import settings
from django.db import models
from wagtail.search import index

from search.text import compound_parts, fold

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
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    document = models.OneToOneField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
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
    # Folded text (umlauts spelled out, lower case) and the trailing parts of compounds.
    title_norm = models.TextField(blank=True, editable=False)
    title_parts = models.TextField(blank=True, editable=False)
    body_norm = models.TextField(blank=True, editable=False)
    body_parts = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

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

    def prepare(self):
        """Fill the folded and compound columns from title, summary and body."""
        self.title = (self.title or "")[:255]
        self.body = (self.body or "")[:MAX_BODY_CHARS]
        text = f"{self.summary}\n{self.body}"
        self.title_norm = fold(self.title)
        self.title_parts = compound_parts(self.title)
        self.body_norm = fold(text)
        self.body_parts = compound_parts(text)
