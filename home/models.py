from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.core.blocks import BodyBlock
from cms.core.constants import INTRO_FEATURES
from cms.core.models import Organisation
from cms.core.models.mixins import SectionContactMixin
from events.weeks import current_week
from meetings.models import MeetingPage
from news.models import NewsIndexPage


class HomePage(SectionContactMixin, Page):
    """The programme overview: three focus areas, key figures and the latest meeting report."""

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)
    key_figures_heading = models.CharField(
        "Überschrift der Kennzahlen",
        max_length=160,
        blank=True,
        default="Die Woche der Industrie 2016 in Zahlen",
    )
    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name="Bild der Startseite",
        help_text="Groß neben der Einleitung; den Bildausschnitt bestimmt der Fokuspunkt des Bildes.",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name="Weitere Inhalte", blank=True, use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        InlinePanel("focus_areas", heading="Arbeitsschwerpunkte", label="Schwerpunkt", max_num=6),
        MultiFieldPanel(
            [FieldPanel("key_figures_heading"), InlinePanel("key_figures", label="Kennzahl", max_num=6)],
            heading="Kennzahlen",
        ),
        FieldPanel("body"),
        FieldPanel("contact"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "regions.RegionIndexPage",
        "regions.InitiativeIndexPage",
        "meetings.MeetingIndexPage",
        "meetings.ForumIndexPage",
        "events.EventIndexPage",  # materials and the order form belong under a week, not here
        "news.NewsIndexPage",
        "accessibility.AccessibilityStatementPage",
        "accessibility.EasyLanguageIndexPage",
        "legal.ImpressumPage",
        "legal.PrivacyPage",
    ]
    latest_news_count = 3

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    @cached_property
    def news_index(self):
        index = NewsIndexPage.objects.child_of(self).live().first() if self.pk else None
        # Checked only when there is an index: .public() would cost a query on every home page view.
        return index if index and not index.get_view_restrictions().exists() else None

    def feed_links(self):
        return self.news_index.feed_links() if self.news_index else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The current Woche der Industrie with its totals computed from the published events.
        event_week = current_week()
        context["event_week"] = event_week
        context["event_totals"] = event_week.totals() if event_week else None
        context["focus_areas"] = self.focus_areas.select_related("link_page", "image").prefetch_related(
            "image__renditions"
        )
        context["latest_meeting"] = (
            MeetingPage.objects.live().public().select_related("host").order_by("-date").first()
        )
        news_index = self.news_index
        context["latest_news"] = news_index.get_news()[: self.latest_news_count] if news_index else []
        context["partners"] = self.partners()
        return context

    partner_count = 12

    def partners(self):
        """The organisations in the alliance's work (the partner strip), without the association
        itself (the organisation of the home page's contact): logos where given, else a text mark."""
        organisations = Organisation.objects.select_related("logo").order_by("name")
        own = self.contact.organisation_id if self.contact_id and self.contact else None
        if own:
            organisations = organisations.exclude(pk=own)
        return list(organisations[: self.partner_count])


class FocusArea(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="focus_areas")
    title = models.CharField("Titel", max_length=160)
    text = models.TextField("Kurzbeschreibung", max_length=600)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Verlinkte Seite", null=True, blank=True, on_delete=models.SET_NULL
    )
    image = models.ForeignKey(
        "core.CustomImage",
        verbose_name="Bild",
        help_text="Oben in der Karte; schmückend, der Titel sagt, worum es geht.",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("link_page"), FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = "Arbeitsschwerpunkt"
        verbose_name_plural = "Arbeitsschwerpunkte"


class KeyFigure(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField("Wert", max_length=40, help_text="z. B. „370“ oder „120.000“")
    label = models.CharField("Bezeichnung", max_length=120, help_text="z. B. „Veranstaltungen“")
    qualifier = models.CharField("Zusatz", max_length=60, blank=True, help_text="z. B. „mehr als“")

    panels = [FieldPanel("qualifier"), FieldPanel("value"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "Kennzahl"
        verbose_name_plural = "Kennzahlen"

    def __str__(self):
        return f"{self.qualifier} {self.value} {self.label}".strip()


class StandardPage(Page):
    """A generic content page (about us, imprint, privacy …)."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "Inhaltsseite"
        verbose_name_plural = "Inhaltsseiten"
