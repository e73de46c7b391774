from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.core.blocks import BodyBlock
from cms.core.constants import INTRO_FEATURES, FederalState
from cms.core.models.mixins import GeoLocationMixin, SectionContactMixin
from cms.core.pageviews import PageViews
from meetings.models import MeetingPage


def validate_founding_year(value):
    if value > timezone.now().year:
        raise ValidationError("Das Gründungsjahr darf nicht in der Zukunft liegen.")


class RegionIndexPage(SectionContactMixin, Page):
    """The regional dialogue: introduces the programme and lists the model regions."""

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("contact")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["regions.RegionPage"]

    class Meta:
        verbose_name = "Übersicht Modellregionen"
        verbose_name_plural = "Übersichten Modellregionen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = (
            RegionPage.objects.child_of(self).live().public().select_related("initiative").order_by("title")
        )
        context["contact"] = self.contact
        return context


class RegionPage(GeoLocationMixin, SectionContactMixin, Page):
    """One model region of the regional industry dialogue."""

    federal_state = models.CharField("Bundesland", max_length=2, choices=FederalState.choices)
    summary = models.TextField(
        "Kurzbeschreibung", max_length=400, help_text="Ein bis zwei Sätze für Übersichten und Suchergebnisse."
    )
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)
    initiative = models.ForeignKey(
        "regions.InitiativePage",
        verbose_name="Initiative der Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="model_regions",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("federal_state"),
        FieldPanel("summary"),
        FieldPanel("initiative"),
        FieldPanel("body"),
        InlinePanel("partners", heading="Partner", label="Partner"),
        FieldPanel("contact"),
        MultiFieldPanel([GeoLocationMixin.location_panel], heading="Lage auf der Karte"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("federal_state"),
        index.RelatedFields("initiative", [index.SearchField("title")]),
    ]

    parent_page_types = ["regions.RegionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Modellregion"
        verbose_name_plural = "Modellregionen"

    def clean(self):
        super().clean()
        errors = self.location_errors()
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = complete_partners(self.partners.select_related("organisation"))
        # A draft initiative has no public URL yet, so it is left out.
        context["initiative"] = self.initiative if self.initiative and self.initiative.live else None
        context["related_meetings"] = (
            MeetingPage.objects.live().public().filter(related_regions=self).order_by("-date")
            if self.pk
            else MeetingPage.objects.none()
        )
        return context


def complete_partners(partners):
    """The partner rows with their organisation chosen (a draft's row may not have one yet)."""
    return [partner for partner in partners if partner.organisation_id]


class RegionPartner(Orderable):
    page = ParentalKey(RegionPage, verbose_name="Seite", on_delete=models.CASCADE, related_name="partners")
    # Required (blank=False) when publishing; NULL in the database only so that a draft – Wagtail's
    # autosave, too – can be saved while a new row has nothing chosen yet (see MeetingSpeaker.person).
    organisation = models.ForeignKey(
        "core.Organisation", verbose_name="Organisation", null=True, on_delete=models.CASCADE
    )
    role = models.CharField("Rolle", max_length=160, blank=True, help_text="z. B. „Projektpartner“")

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "Partner"
        verbose_name_plural = "Partner"


class InitiativeIndexPage(Page):
    """Directory of regional industry alliances and initiatives, filterable without JavaScript."""

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)
    per_page = models.PositiveSmallIntegerField(
        "Einträge pro Seite", default=20, validators=[MinValueValidator(5), MaxValueValidator(100)]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["regions.InitiativePage"]
    page_views = PageViews()

    class Meta:
        verbose_name = "Verzeichnis der Initiativen"
        verbose_name_plural = "Verzeichnisse der Initiativen"

    def get_context(self, request, *args, **kwargs):
        """One page of the filtered directory (regions.views.directory_context)."""
        context = super().get_context(request, *args, **kwargs)
        return self.page_views("context", self, request, context)


class InitiativePage(SectionContactMixin, Page):
    """A regional industry alliance or initiative."""

    class Kind(models.TextChoices):
        ALLIANCE = "alliance", "Bündnis"
        DIALOGUE = "dialogue", "Dialog"
        INITIATIVE = "initiative", "Initiative"
        SOCIAL_PARTNERS = "social_partners", "Sozialpartnerinitiative"
        COMPETENCE_CENTRE = "competence_centre", "Kompetenzzentrum"

    federal_state = models.CharField("Bundesland", max_length=2, choices=FederalState.choices)
    city = models.CharField("Ort oder Region", max_length=160, blank=True)
    kind = models.CharField("Art", max_length=20, choices=Kind.choices)
    founded_year = models.PositiveSmallIntegerField(
        "Gründungsjahr",
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), validate_founding_year],
    )
    summary = models.TextField(
        "Kurzbeschreibung", max_length=400, help_text="Ein bis zwei Sätze für das Verzeichnis und die Suche."
    )
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)
    website = models.URLField("Website", blank=True)
    is_good_practice = models.BooleanField(
        "Good-Practice-Beispiel",
        default=False,
        help_text="Als Beispiel erfolgreicher regionaler Arbeit ausgewählt.",
    )
    good_practice_criteria = ParentalManyToManyField(
        "core.GoodPracticeCriterion", verbose_name="Erfüllte Good-Practice-Kriterien", blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("founded_year")]),
        FieldRowPanel([FieldPanel("federal_state"), FieldPanel("city")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("website"),
        InlinePanel("partners", heading="Partnerorganisationen", label="Partnerorganisation"),
        MultiFieldPanel(
            [
                FieldPanel("is_good_practice"),
                FieldPanel("good_practice_criteria", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Good Practice",
        ),
        FieldPanel("contact"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("federal_state"),
        index.FilterField("kind"),
        index.FilterField("is_good_practice"),
        index.RelatedFields("partners", [index.RelatedFields("organisation", [index.SearchField("name")])]),
    ]

    parent_page_types = ["regions.InitiativeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Initiative"
        verbose_name_plural = "Initiativen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = complete_partners(self.partners.select_related("organisation"))
        context["criteria"] = self.good_practice_criteria.all()
        context["model_regions"] = (
            self.model_regions.live().public() if self.pk else RegionPage.objects.none()
        )
        return context


class InitiativePartner(Orderable):
    page = ParentalKey(
        InitiativePage, verbose_name="Seite", on_delete=models.CASCADE, related_name="partners"
    )
    # Required (blank=False) when publishing; NULL in the database only so that a draft – Wagtail's
    # autosave, too – can be saved while a new row has nothing chosen yet (see MeetingSpeaker.person).
    organisation = models.ForeignKey(
        "core.Organisation", verbose_name="Organisation", null=True, on_delete=models.CASCADE
    )
    role = models.CharField("Rolle", max_length=160, blank=True, help_text="z. B. „Gründungsmitglied“")

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "Partnerorganisation"
        verbose_name_plural = "Partnerorganisationen"
