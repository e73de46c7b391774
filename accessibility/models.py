"""BITV 2.0 pages: the accessibility statement with its feedback form, and the Leichte Sprache section.

The pages describe content; the feedback form's views are in accessibility/views.py, registered in the
statement page's ``page_views`` (cms.core.pageviews).
"""

import datetime

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import BodyBlock
from cms.core.constants import INTRO_FEATURES
from cms.core.models.mixins import SectionContactMixin
from cms.core.pageviews import PageViews

EASY_LANGUAGE_TEMPLATE = "accessibility/easy_language_page.html"
TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]

DEFAULT_NON_ACCESSIBLE = (
    "<p>Uns sind zurzeit keine Inhalte bekannt, die nicht barrierefrei sind. Wenn Ihnen eine Barriere "
    "auffällt, melden Sie sie uns bitte.</p>"
)
DEFAULT_ENFORCEMENT = (
    "<p>Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie die "
    "Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes (BGG) einschalten. Sie hilft, "
    "Streit über Barrieren ohne Gericht beizulegen. Das Verfahren ist kostenlos; Sie brauchen keinen "
    "Rechtsbeistand.</p>"
    "<p>Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der "
    "Bundesregierung für die Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin, "
    "Telefon 030 18 527-2805, E-Mail info@schlichtungsstelle-bgg.de, "
    '<a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a></p>'
)


class AccessibilityStatementPage(RoutablePageMixin, SectionContactMixin, Page):
    """The "Erklärung zur Barrierefreiheit" (BITV 2.0 § 7) with the feedback form; thanks at ``danke/``."""

    class Compliance(models.TextChoices):
        FULL = "full", "vollständig vereinbar"
        PARTIAL = "partial", "teilweise vereinbar"
        NONE = "none", "nicht vereinbar"

    intro = RichTextField(
        "Einleitung",
        features=INTRO_FEATURES,
        blank=True,
        default=(
            "<p>Wir sind bemüht, unsere Website im Einklang mit dem Behindertengleichstellungsgesetz (BGG) "
            "und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu "
            "machen.</p>"
        ),
    )
    compliance = models.CharField(
        "Stand der Vereinbarkeit",
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text="Wie weit die Website die Anforderungen der BITV 2.0 erfüllt.",
    )
    compliance_text = RichTextField("Erläuterung zum Stand", features=TEXT_FEATURES, blank=True)
    non_accessible_content = RichTextField(
        "Nicht barrierefreie Inhalte",
        features=TEXT_FEATURES,
        default=DEFAULT_NON_ACCESSIBLE,
        help_text="Was nicht barrierefrei ist, warum, und welche zugänglichen Alternativen es gibt.",
    )
    prepared_on = models.DateField("Erstellt am", default=datetime.date.today)
    reviewed_on = models.DateField("Zuletzt überprüft am", default=datetime.date.today)
    method = models.CharField(
        "Grundlage der Bewertung",
        max_length=255,
        default="Selbstbewertung mit automatischen Prüfungen (axe-core) und Tests mit der Tastatur",
    )
    feedback_intro = RichTextField(
        "Text zum Feedback",
        features=INTRO_FEATURES,
        blank=True,
        default=(
            "<p>Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in einer anderen Form? "
            "Schreiben Sie uns über das Formular oder an die Kontaktadresse. Wir antworten in der Regel "
            "innerhalb von zwei Wochen.</p>"
        ),
    )
    enforcement = RichTextField("Schlichtungsverfahren", features=TEXT_FEATURES, default=DEFAULT_ENFORCEMENT)
    thank_you_text = RichTextField(
        "Text nach dem Absenden",
        features=INTRO_FEATURES,
        blank=True,
        default="<p>Vielen Dank für Ihre Rückmeldung. Die Redaktion kümmert sich darum.</p>",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("compliance"), FieldPanel("compliance_text")], heading="Stand"),
        FieldPanel("non_accessible_content"),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("reviewed_on"), FieldPanel("method")],
            heading="Erstellung dieser Erklärung",
        ),
        MultiFieldPanel(
            [FieldPanel("feedback_intro"), FieldPanel("contact"), FieldPanel("thank_you_text")],
            heading="Feedback und Kontakt",
        ),
        FieldPanel("enforcement"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("non_accessible_content"),
    ]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Erklärung zur Barrierefreiheit"
        verbose_name_plural = "Erklärungen zur Barrierefreiheit"

    page_views = PageViews()

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.page_views("statement", request, self)

    @path("danke/", name="thanks")
    def thanks_view(self, request):
        return self.page_views("thanks", request, self)


class AccessibilityFeedback(models.Model):
    """A barrier reported through the statement's form; editors note what they did about it."""

    page = models.ForeignKey(
        AccessibilityStatementPage,
        verbose_name="Erklärung",
        null=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    created_at = models.DateTimeField("Eingegangen am", auto_now_add=True)
    name = models.CharField("Name", max_length=120, blank=True)
    email = models.EmailField("E-Mail-Adresse", blank=True)
    page_url = models.CharField("Betroffene Seite", max_length=500, blank=True)
    message = models.TextField("Beschreibung der Barriere", max_length=4000)
    done = models.BooleanField("Erledigt", default=False)
    # The form's one-time token: a double click stores the feedback once (cms.core.forms).
    submission_token = models.UUIDField(
        "Formular-Kennung", null=True, blank=True, unique=True, editable=False
    )
    note = models.TextField("Notiz der Redaktion", blank=True)

    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("page_url", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("done"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Rückmeldung zur Barrierefreiheit"
        verbose_name_plural = "Rückmeldungen zur Barrierefreiheit"

    def __str__(self):
        if not self.created_at:
            return "Rückmeldung"
        return f"Rückmeldung vom {timezone.localtime(self.created_at):%d.%m.%Y %H:%M}"


class EasyLanguageBase(Page):
    """Text in Leichte Sprache: short sentences, one idea per line (shared by the index and its pages)."""

    intro = RichTextField("Einleitung", features=["bold", "link"], blank=True)
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True


class EasyLanguageIndexPage(EasyLanguageBase):
    """The start of the "Leichte Sprache" section, listing its pages."""

    template = EASY_LANGUAGE_TEMPLATE  # Wagtail names a template after each concrete class
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["accessibility.EasyLanguagePage"]

    class Meta:
        verbose_name = "Leichte Sprache (Startseite)"
        verbose_name_plural = "Leichte Sprache (Startseiten)"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context


class EasyLanguagePage(EasyLanguageBase):
    """A text in Leichte Sprache, below the section's start."""

    template = EASY_LANGUAGE_TEMPLATE
    parent_page_types = ["accessibility.EasyLanguageIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Seite in Leichter Sprache"
        verbose_name_plural = "Seiten in Leichter Sprache"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section"] = self.get_parent()
        return context
