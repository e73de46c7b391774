from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
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
    """The programme overview: three focus areas, the current Woche der Industrie in figures (counted
    from its published events, so they follow the week by themselves) and the latest meeting report."""

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)
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
        InlinePanel(
            "partner_organisations",
            heading="Partner im Bündnis",
            label="Partner",
            help_text=(
                "Die Organisationen im Streifen „Partner im Dialog“, in dieser Reihenfolge: "
                "mit Logo, wo eines hinterlegt ist, sonst mit ihrem Anfangsbuchstaben."
            ),
            max_num=24,
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
        # The current Woche der Industrie in figures, counted from its published events (one query).
        event_week = current_week()
        context["event_week"] = event_week
        context["event_totals"] = event_week.totals() if event_week else None
        context["focus_areas"] = self.focus_areas_following(event_week)
        context["latest_meeting"] = (
            MeetingPage.objects.live().public().select_related("host").order_by("-date").first()
        )
        news_index = self.news_index
        context["latest_news"] = news_index.get_news()[: self.latest_news_count] if news_index else []
        context["partners"] = self.partners()
        return context

    def focus_areas_following(self, event_week):
        """The focus areas; one that links to a Woche der Industrie links to the current week, so the
        card does not keep pointing to last year's week when the next one goes live."""
        areas = self.focus_areas.select_related("link_page", "image").prefetch_related("image__renditions")
        areas = list(areas)
        if event_week is not None:
            for area in areas:
                target = area.link_page
                if target is not None and target.content_type_id == event_week.content_type_id:
                    area.link_page = event_week
        return areas

    def partners(self):
        """The organisations of the partner strip, chosen and ordered by the editors ("Partner im
        Bündnis"), with their logos and the logos' renditions in two queries in all. An organisation
        chosen twice is shown once (no unique constraint: reordering rows in the admin swaps them)."""
        entries = self.partner_organisations.filter(organisation__isnull=False)
        entries = entries.select_related("organisation__logo").prefetch_related(
            "organisation__logo__renditions"
        )
        partners = {entry.organisation_id: entry.organisation for entry in entries}
        return list(partners.values())


class FocusArea(Orderable):
    page = ParentalKey(HomePage, verbose_name="Seite", on_delete=models.CASCADE, related_name="focus_areas")
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


class HomePartner(Orderable):
    """One organisation of the home page's partner strip."""

    page = ParentalKey(
        HomePage, verbose_name="Seite", on_delete=models.CASCADE, related_name="partner_organisations"
    )
    # Required (blank=False) when publishing; NULL in the database only so that a draft – Wagtail's
    # autosave, too – can be saved while a new row has nothing chosen yet (see MeetingSpeaker.person).
    organisation = models.ForeignKey(
        Organisation, verbose_name="Organisation", null=True, on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = "Partner im Bündnis"
        verbose_name_plural = "Partner im Bündnis"

    def __str__(self):
        return str(self.organisation) if self.organisation_id else "Partner ohne Organisation"


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
