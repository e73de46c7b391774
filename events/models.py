"""Woche der Industrie: one index page per year's week, and the partners' events in it.

The pages describe content; what they answer to a request (the filtered list, map and calendar, the
partners' report) is in events/views.py, registered in each page's ``page_views`` (cms.core.pageviews).
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import BodyBlock
from cms.core.constants import INTRO_FEATURES, FederalState
from cms.core.models.mixins import GeoLocationMixin, SectionContactMixin
from cms.core.pageviews import PageViews
from cms.core.validators import postcode_validator
from events.calendar import event_calendar_response, event_schema
from events.maps import place_map

# The stable address of the current week, /woche/… (events/urls.py, events/weeks.py): a week with this
# slug would be hidden behind it.
STABLE_SLUG = "woche"


class EventIndexPage(RoutablePageMixin, SectionContactMixin, Page):
    """The Woche der Industrie of one year: the partners' events as a list, a map and a calendar."""

    year = models.PositiveSmallIntegerField(
        "Jahr", validators=[MinValueValidator(2016), MaxValueValidator(2100)], help_text="z. B. 2017"
    )
    week_start = models.DateField("Erster Tag der Woche", null=True, blank=True)
    week_end = models.DateField("Letzter Tag der Woche", null=True, blank=True)
    intro = RichTextField("Einleitung", features=INTRO_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True, use_json_field=True)
    per_page = models.PositiveSmallIntegerField(
        "Veranstaltungen pro Seite", default=25, validators=[MinValueValidator(10), MaxValueValidator(100)]
    )
    archive_figures = models.CharField(
        "Kennzahlen im Archiv",
        max_length=200,
        blank=True,
        help_text=(
            "Steht im Archiv statt der gezählten Veranstaltungen, z. B. „mehr als 370 Veranstaltungen“ "
            "für eine Woche, deren Veranstaltungen nicht auf der Website stehen."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("week_start"), FieldPanel("week_end")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("contact"),
        FieldPanel("per_page"),
        FieldPanel("archive_figures"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage", "materials.MaterialsPage", "materials.OrderPage"]
    search_kind = "page"
    page_views = PageViews()

    class Meta:
        verbose_name = "Woche der Industrie"
        verbose_name_plural = "Wochen der Industrie"

    def clean(self):
        super().clean()
        if self.week_start and self.week_end and self.week_end < self.week_start:
            raise ValidationError({"week_end": "Der letzte Tag darf nicht vor dem ersten liegen."})
        if self.slug == STABLE_SLUG:
            raise ValidationError(
                {
                    "slug": f"„/{STABLE_SLUG}/“ ist die feste Adresse der jeweils aktuellen Woche; "
                    f"bitte z. B. „woche-der-industrie-{self.year or 2027}“."
                }
            )

    def events(self):
        """The live, public events of this week, soonest first."""
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .select_related("organiser")
            .order_by("start", "title")
        )

    def totals(self, events=None):
        """{"events": n, "states": n, "cities": n} computed from the published events, or from the
        filtered ``events`` (one query)."""
        return (self.events() if events is None else events).aggregate(
            events=Count("pk"),
            states=Count("federal_state", distinct=True),
            cities=Count("city", distinct=True),
        )

    def get_context(self, request, *args, map_view=False, **kwargs):
        """The list view's context: one page of the filtered events; with ``map_view`` the map of all
        of them instead (events.views.week_context)."""
        context = super().get_context(request, *args, **kwargs)
        return self.page_views("context", self, request, context, map_view=map_view)

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("karte/", name="map")
    def map_view(self, request):
        return self.render(request, map_view=True, template="events/event_map_page.html")

    @property
    def accepts_submissions(self):
        """Partners can report events until the week is over (always, without a last day)."""
        return not self.week_end or self.week_end >= timezone.localdate()

    @path("anmelden/", name="submit")
    def submit_view(self, request):
        return self.page_views("submit", request, self)

    @path("anmelden/danke/", name="submit_thanks")
    def submit_thanks_view(self, request):
        return self.page_views("submit_thanks", request, self)

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        return self.page_views("calendar", request, self)


class EventPage(RoutablePageMixin, GeoLocationMixin, Page):
    """One event of a partner in the Woche der Industrie."""

    class Kind(models.TextChoices):
        FACTORY_TOUR = "factory_tour", "Betriebsbesichtigung"
        OPEN_DAY = "open_day", "Tag der offenen Tür"
        DISCUSSION = "discussion", "Diskussion"
        LECTURE = "lecture", "Vortrag"
        EXHIBITION = "exhibition", "Ausstellung"
        TRAINING = "training", "Workshop und Weiterbildung"
        CAREERS = "careers", "Ausbildungs- und Berufsinformation"
        OTHER = "other", "Sonstiges"

    class Audience(models.TextChoices):
        EVERYONE = "everyone", "Alle Interessierten"
        PUPILS = "pupils", "Schülerinnen und Schüler"
        STUDENTS = "students", "Studierende und Auszubildende"
        PROFESSIONALS = "professionals", "Fachpublikum"
        EMPLOYEES = "employees", "Beschäftigte"
        POLITICS = "politics", "Politik und Verwaltung"

    start = models.DateTimeField("Beginn")
    end = models.DateTimeField("Ende", null=True, blank=True)
    kind = models.CharField("Art", max_length=20, choices=Kind.choices)
    audience = models.CharField(
        "Zielgruppe", max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    organiser = models.ForeignKey(
        "core.Organisation",
        verbose_name="Veranstalter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Die Organisation aus dem Verzeichnis, wenn sie dort steht.",
    )
    organiser_name = models.CharField(
        "Veranstalter (Freitext)",
        max_length=255,
        blank=True,
        help_text="Nur ausfüllen, wenn die Organisation nicht im Verzeichnis steht.",
    )
    venue = models.CharField("Veranstaltungsort", max_length=255, help_text="z. B. „Werk Andernach, Tor 3“")
    street = models.CharField("Straße und Hausnummer", max_length=255, blank=True)
    postcode = models.CharField("Postleitzahl", max_length=5, validators=[postcode_validator])
    city = models.CharField("Ort", max_length=120)
    federal_state = models.CharField("Bundesland", max_length=2, choices=FederalState.choices)
    description = models.TextField("Beschreibung", max_length=4000)
    registration_required = models.BooleanField("Anmeldung erforderlich", default=False)
    registration_info = models.CharField(
        "Hinweise zur Anmeldung", max_length=500, blank=True, help_text="z. B. „bis 10. Mai per E-Mail“"
    )
    registration_url = models.URLField("Adresse der Anmeldung", blank=True)
    accessibility = models.TextField(
        "Barrierefreiheit",
        max_length=1000,
        blank=True,
        help_text="z. B. „Rollstuhlgerecht, Gebärdensprachdolmetschung auf Anfrage“",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
            ],
            heading="Termin und Art",
        ),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("organiser_name")], heading="Veranstalter"),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("federal_state"),
                GeoLocationMixin.location_panel,
            ],
            heading="Ort",
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldPanel("registration_info"),
                FieldPanel("registration_url"),
            ],
            heading="Anmeldung",
        ),
        FieldPanel("accessibility"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("organiser_name"),
        index.RelatedFields("organiser", [index.SearchField("name")]),
        index.FilterField("start"),
        index.FilterField("federal_state"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Veranstaltung"
        verbose_name_plural = "Veranstaltungen"

    def clean(self):
        super().clean()
        errors = self.location_errors()
        if self.start and self.end and self.end < self.start:
            errors["end"] = "Das Ende darf nicht vor dem Beginn liegen."
        if errors:
            raise ValidationError(errors)

    @property
    def date(self):
        """The (local) day the event starts: the search's year facet reads it."""
        return timezone.localtime(self.start).date() if self.start else None

    @property
    def organiser_display(self):
        return self.organiser.name if self.organiser_id and self.organiser else self.organiser_name

    @property
    def address_line(self):
        return ", ".join(part for part in (self.street, f"{self.postcode} {self.city}".strip()) if part)

    @property
    def is_past(self):
        """Over: its end (or, without one, its start) has passed. Cached pages hold this at most
        PAGE_CACHE_SECONDS, like everything that depends on the time."""
        moment = self.end or self.start
        return bool(moment) and moment < timezone.now()

    @cached_property
    def is_multi_day(self):
        return bool(self.end) and timezone.localtime(self.end).date() != timezone.localtime(self.start).date()

    def structured_data(self, request, image, publisher):
        """schema.org ``Event`` for search engines (rendered as JSON-LD by ``page_meta``)."""
        return event_schema(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.get_parent().specific if self.pk else None
        context["place_map"] = place_map(self)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("kalender/", name="calendar")
    def calendar_view(self, request):
        return event_calendar_response(self, request)


class EventSubmission(models.Model):
    """Who reported an event through the public form: kept apart from the public page, for the editors."""

    page = models.OneToOneField(
        EventPage, verbose_name="Veranstaltung", on_delete=models.CASCADE, related_name="submission"
    )
    name = models.CharField("Name", max_length=120)
    email = models.EmailField("E-Mail-Adresse")
    phone = models.CharField("Telefon", max_length=40, blank=True)
    consent = models.BooleanField("Einwilligung in die Speicherung", default=False)
    created_at = models.DateTimeField("Eingegangen am", auto_now_add=True)
    confirmation_sent_at = models.DateTimeField("Bestätigung versandt am", null=True, blank=True)
    # The one-time token of the filled-in form: a double click stores the report only once.
    submission_token = models.UUIDField(
        "Formular-Kennung", null=True, blank=True, unique=True, editable=False
    )
    # Part of the partner's signed link (events.selfservice): renewed when the link is used to change
    # or cancel the event, so an old link no longer works.
    access_nonce = models.UUIDField("Zugangsschlüssel des Partnerlinks", default=uuid.uuid4, editable=False)
    cancelled_at = models.DateTimeField("Abgesagt am", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "Meldung einer Veranstaltung"
        verbose_name_plural = "Meldungen von Veranstaltungen"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page.title} ({self.name})"


def week_days(index):
    """The days of a week's index page, for the day filter (empty without dates)."""
    if not (index.week_start and index.week_end):
        return []
    days = (index.week_end - index.week_start).days + 1
    return [index.week_start + datetime.timedelta(days=n) for n in range(min(days, 31))]


class CsvImportJob(models.Model):
    """One CSV import run by the worker (events/csv_import.py): its file, progress and per-row result."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Wartet auf den Start"
        RUNNING = "running", "Läuft"
        DONE = "done", "Abgeschlossen"
        FAILED = "failed", "Fehlgeschlagen"

    index = models.ForeignKey(
        EventIndexPage, verbose_name="Woche der Industrie", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        "auth.User", verbose_name="Gestartet von", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField("Datei", max_length=255)
    content = models.TextField("Inhalt der Datei", editable=False)
    mode = models.CharField("Fehlerhafte Zeilen", max_length=10)
    publish = models.BooleanField("Sofort veröffentlichen", default=False)
    status = models.CharField("Status", max_length=10, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField("Zeilen", default=0)
    checked_rows = models.PositiveIntegerField("Geprüfte Zeilen", default=0)
    imported_count = models.PositiveIntegerField("Importiert", default=0)
    error_count = models.PositiveIntegerField("Fehlerhafte Zeilen", default=0)
    submitted = models.BooleanField("Zur Freigabe eingereicht", default=False)
    aborted = models.BooleanField("Abgebrochen (nicht alle Zeilen gültig)", default=False)
    message = models.TextField("Meldung", blank=True)
    # Per row: {"row": n, "title": "…", "page": id or null, "errors": [[column, message], …]}
    rows = models.JSONField("Ergebnis je Zeile", default=list, blank=True)
    ignored_columns = models.JSONField("Unbekannte Spalten", default=list, blank=True)
    delimiter = models.CharField("Trennzeichen", max_length=1, blank=True)
    created_at = models.DateTimeField("Hochgeladen am", auto_now_add=True)
    started_at = models.DateTimeField("Begonnen am", null=True, blank=True)
    finished_at = models.DateTimeField("Beendet am", null=True, blank=True)

    class Meta:
        verbose_name = "CSV-Import"
        verbose_name_plural = "CSV-Importe"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({timezone.localtime(self.created_at):%d.%m.%Y %H:%M})"

    @property
    def finished(self):
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def saving(self):
        """Every row is checked and the valid ones are being saved (in one transaction)."""
        return self.status == self.Status.RUNNING and self.checked_rows >= self.total_rows

    @property
    def percent(self):
        if self.finished or not self.total_rows:
            return 100 if self.finished else 0
        # Checking is most of the work before the bulk save; the last 10 % are the save.
        return min(90, round(90 * self.checked_rows / self.total_rows))
