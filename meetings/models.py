from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.caching.restrictions import public_only
from cms.core import feeds
from cms.core.blocks import BodyBlock
from cms.core.constants import INTRO_FEATURES
from cms.core.models.mixins import SectionContactMixin
from cms.core.pageviews import PageViews
from meetings.feeds import MeetingReportFeed, forum_calendar_response


class MeetingIndexPage(feeds.ListingFeedsMixin, RoutablePageMixin, Page):
    """Reports of the meetings of regional industry alliances, newest first, filterable by year.

    Serves RSS and Atom feeds of the reports at rss/ and atom/.
    """

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["meetings.MeetingPage"]
    per_page = 12
    feed_class = MeetingReportFeed
    feed_title = "Berichte der Treffen"
    page_views = PageViews()

    class Meta:
        verbose_name = "Übersicht Treffen"
        verbose_name_plural = "Übersichten Treffen"

    def get_context(self, request, *args, **kwargs):
        """One page of the reports, filtered by year (meetings.views.reports_context)."""
        context = super().get_context(request, *args, **kwargs)
        return self.page_views("context", self, request, context)

    def get_reports(self):
        return MeetingPage.objects.child_of(self).live().public().order_by("-date", "-pk")


class MeetingPage(Page):
    """The report of one meeting, with speakers and presentations to download."""

    number = models.PositiveSmallIntegerField(
        "Nummer in der Reihe", null=True, blank=True, help_text="z. B. 3 für das „3. Treffen“."
    )
    date = models.DateField("Datum")
    venue = models.CharField("Ort", max_length=255, blank=True, help_text="z. B. „DIHK, Berlin“")
    host = models.ForeignKey(
        "core.Organisation",
        verbose_name="Gastgeber",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_meetings",
    )
    summary = models.TextField(
        "Kurzfassung", max_length=500, help_text="Zwei bis drei Sätze für Übersichten und Suchergebnisse."
    )
    body = StreamField(BodyBlock(), verbose_name="Bericht", blank=True, use_json_field=True)
    related_regions = ParentalManyToManyField(
        "regions.RegionPage", verbose_name="Modellregionen", blank=True, related_name="meetings"
    )
    related_initiatives = ParentalManyToManyField(
        "regions.InitiativePage", verbose_name="Initiativen", blank=True, related_name="meetings"
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
                FieldPanel("venue"),
                FieldPanel("host"),
            ],
            heading="Eckdaten",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("speakers", heading="Referentinnen und Referenten", label="Beitrag"),
        InlinePanel("presentations", heading="Präsentationen", label="Präsentation"),
        MultiFieldPanel(
            [FieldPanel("related_regions"), FieldPanel("related_initiatives")], heading="Verknüpfungen"
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("date"),
        index.RelatedFields("host", [index.SearchField("name")]),
        index.RelatedFields(
            "speakers",
            [
                index.SearchField("talk_title"),
                index.RelatedFields(
                    "person", [index.SearchField("first_name"), index.SearchField("last_name")]
                ),
            ],
        ),
    ]

    parent_page_types = ["meetings.MeetingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Bericht eines Treffens"
        verbose_name_plural = "Berichte von Treffen"

    @property
    def heading(self):
        return self.title

    def get_speakers(self):
        return self.speakers.select_related("person", "person__organisation", "organisation")

    def get_presentations(self):
        # Rows without a file (only in a draft) are left out.
        return [item for item in self.presentations.select_related("document", "speaker") if item.document_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = self.get_speakers()
        context["presentations"] = self.get_presentations()
        # Only published, public pages are linked (works for previews too, where these are in-memory lists).
        context["related_regions"] = public_only(self.related_regions.all())
        context["related_initiatives"] = public_only(self.related_initiatives.all())
        return context

    def feed_links(self):
        return feeds.parent_feed_links(self, MeetingIndexPage)


class MeetingSpeaker(Orderable):
    page = ParentalKey(MeetingPage, verbose_name="Seite", on_delete=models.CASCADE, related_name="speakers")
    # Required (blank=False) when publishing; NULL in the database only so that a draft – Wagtail's
    # autosave, too – can be saved while a new row has no person chosen yet (Wagtail defers required
    # fields of drafts unless the database refuses the empty value: that autosave failed with 400).
    person = models.ForeignKey(
        "core.Person", verbose_name="Person", null=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name="Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leer lassen, um die Organisation der Person zu verwenden.",
    )
    role = models.CharField(
        "Funktion",
        max_length=255,
        blank=True,
        help_text="Leer lassen, um die Funktion der Person zu verwenden.",
    )
    talk_title = models.CharField("Thema des Beitrags", max_length=255, blank=True)

    panels = [FieldPanel("person"), FieldPanel("organisation"), FieldPanel("role"), FieldPanel("talk_title")]

    class Meta(Orderable.Meta):
        verbose_name = "Beitrag"
        verbose_name_plural = "Beiträge"

    def __str__(self):
        return str(self.person) if self.person_id else (self.talk_title or "Beitrag ohne Person")

    @cached_property
    def speaker_organisation(self):
        return self.organisation or (self.person.organisation if self.person_id else None)

    @property
    def speaker_role(self):
        return self.role or (self.person.role if self.person_id else "")


class MeetingPresentation(Orderable):
    page = ParentalKey(
        MeetingPage, verbose_name="Seite", on_delete=models.CASCADE, related_name="presentations"
    )
    # Required (blank=False) when publishing; NULL in the database only so that a draft – Wagtail's
    # autosave, too – can be saved while a new row has nothing chosen yet (see MeetingSpeaker.person).
    document = models.ForeignKey(
        "core.CustomDocument",
        verbose_name="Datei",
        null=True,
        on_delete=models.PROTECT,
        related_name="presentations",
    )
    title = models.CharField(
        "Titel", max_length=255, blank=True, help_text="Leer lassen, um den Dokumenttitel zu verwenden."
    )
    speaker = models.ForeignKey(
        "core.Person",
        verbose_name="Vortragende Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("speaker")]

    class Meta(Orderable.Meta):
        verbose_name = "Präsentation"
        verbose_name_plural = "Präsentationen"

    def __str__(self):
        return self.display_title or "Präsentation ohne Datei"

    @property
    def display_title(self):
        return self.title or (self.document.title if self.document_id else "")


class ForumIndexPage(RoutablePageMixin, SectionContactMixin, Page):
    """Forum Industriepolitik: the joint policy recommendations and their sessions.

    Serves the dated sessions as an iCalendar feed at termine.ics.
    """

    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("contact")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["meetings.ForumTopicPage"]

    class Meta:
        verbose_name = "Forum Industriepolitik"
        verbose_name_plural = "Foren Industriepolitik"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = (
            ForumTopicPage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .prefetch_related(Prefetch("sessions", queryset=ForumSession.objects.order_by("sort_order")))
        )
        return context

    def get_sessions(self):
        """The dated sessions of the live, public topics below this page, in date order."""
        topics = ForumTopicPage.objects.child_of(self).live().public()
        return (
            ForumSession.objects.filter(page__in=topics, date__isnull=False)
            .select_related("page")
            .order_by("date", "time", "pk")
        )

    def feed_links(self):
        return feeds.routable_links(
            self, [("ical", "Termine Forum Industriepolitik (iCalendar)", feeds.ICAL_TYPE)]
        )

    @path("kalender/", name="ical")
    def ical(self, request):
        return forum_calendar_response(request, self)


class ForumTopicPage(Page):
    """One topic of the Forum Industriepolitik with its recommendation and session dates."""

    class Status(models.TextChoices):
        PLANNED = "planned", "In Vorbereitung"
        DISCUSSION = "discussion", "In Diskussion"
        ADOPTED = "adopted", "Verabschiedet"

    number = models.PositiveSmallIntegerField(
        "Nummer", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    recommendation = models.TextField(
        "Handlungsempfehlung in Kürze", max_length=600, help_text="Die Kernforderung in ein bis drei Sätzen."
    )
    status = models.CharField("Stand", max_length=20, choices=Status.choices, default=Status.PLANNED)
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("status")]),
        FieldPanel("recommendation"),
        FieldPanel("body"),
        InlinePanel("sessions", heading="Termine", label="Termin"),
        InlinePanel("documents", heading="Dokumente", label="Dokument"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("recommendation"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    parent_page_types = ["meetings.ForumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Thema Forum Industriepolitik"
        verbose_name_plural = "Themen Forum Industriepolitik"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.sessions.all()
        context["documents"] = [
            item.document for item in self.documents.select_related("document") if item.document_id
        ]
        return context

    def feed_links(self):
        return feeds.parent_feed_links(self, ForumIndexPage)


class ForumSession(Orderable):
    page = ParentalKey(
        ForumTopicPage, verbose_name="Seite", on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField(
        "Datum", null=True, blank=True, help_text="Leer lassen, solange der Termin offen ist."
    )
    time = models.TimeField("Uhrzeit", null=True, blank=True)
    venue = models.CharField("Ort", max_length=255, blank=True)
    note = models.CharField("Hinweis", max_length=255, blank=True, help_text="z. B. „geplant für März 2017“")

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("time")]),
        FieldPanel("venue"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Termin"
        verbose_name_plural = "Termine"

    def __str__(self):
        return self.date.strftime("%d.%m.%Y") if self.date else "Termin folgt"


class ForumTopicDocument(Orderable):
    page = ParentalKey(
        ForumTopicPage, verbose_name="Seite", on_delete=models.CASCADE, related_name="documents"
    )
    # Required (blank=False) when publishing; NULL in the database only so that a draft – Wagtail's
    # autosave, too – can be saved while a new row has nothing chosen yet (see MeetingSpeaker.person).
    document = models.ForeignKey(
        "core.CustomDocument", verbose_name="Dokument", null=True, on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Dokument"
        verbose_name_plural = "Dokumente"
