import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets import Button
from wagtail.models import Page, WorkflowState
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from cms.core import dashboard
from events import admin_views, views, weeks
from events.models import EventIndexPage, EventPage, EventSubmission
from events.personal_data import EVENT_SUBMISSIONS


@hooks.register("register_admin_urls")
def register_csv_import_urls():
    return [
        path("veranstaltungen/import/", views.CsvImportView.as_view(), name="events_csv_import"),
        path("veranstaltungen/import/vorlage.csv", views.csv_template, name="events_csv_template"),
        path(
            "veranstaltungen/import/<int:pk>/", views.CsvImportJobView.as_view(), name="events_csv_import_job"
        ),
        path("woche-der-industrie/neu/", admin_views.NewWeekView.as_view(), name="events_new_week"),
    ]


class CsvImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(views.importable_indexes(request.user))


@hooks.register("register_admin_menu_item")
def register_csv_import_menu_item():
    return CsvImportMenuItem(
        "CSV-Import",  # short enough for the sidebar; the page says "Veranstaltungen importieren"
        reverse("events_csv_import"),
        icon_name="upload",
        order=260,
    )


@hooks.register("register_page_header_buttons")
def csv_import_button(page, user, view_name, next_url=None):
    if page.specific_class is EventIndexPage and page.permissions_for_user(user).can_add_subpage():
        yield Button(
            "Veranstaltungen aus CSV importieren",
            f"{reverse('events_csv_import')}?index={page.pk}",
            icon_name="upload",
            priority=90,
        )


class SubmissionPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False  # submissions come from the public form only


class EventSubmissionAdmin(ModelAdmin):
    """Who reported which event (contact data for the editors; never shown on the site)."""

    model = EventSubmission
    menu_label = "Meldungen"  # the page title says "Meldungen von Veranstaltungen"
    menu_icon = "mail"
    menu_order = 270
    permission_helper_class = SubmissionPermissionHelper
    list_display = ["event", "status", "name", "email", "phone", "created_at", "confirmation_sent_at"]
    list_filter = ["created_at", "page__live"]
    search_fields = ["page__title", "name", "email"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    form_fields_exclude = ["page", "consent", "confirmation_sent_at"]

    def get_queryset(self, request):
        # A reported event waits in the review workflow: "In Prüfung", not "Entwurf" (one subquery).
        # In progress only: a report sent back for changes ("needs changes") is not in review.
        in_review = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("page_id"), CharField()),
        )
        return super().get_queryset(request).select_related("page").annotate(in_review=Exists(in_review))

    @staticmethod
    def event(obj):
        return obj.page.title

    @staticmethod
    def status(obj):
        if obj.cancelled_at:
            return "abgesagt"  # by the partner, through the personal link (events/selfservice.py)
        if obj.page.live:
            return "veröffentlicht"
        return "In Prüfung" if getattr(obj, "in_review", False) else "Entwurf"


EventSubmissionAdmin.event.short_description = "Veranstaltung"
EventSubmissionAdmin.status.short_description = "Status"

modeladmin_register(EventSubmissionAdmin)


def unreviewed_submissions(request):
    """Reported events that are not published yet (waiting in the review workflow or as drafts)."""
    return EventSubmission.objects.filter(page__live=False, cancelled_at__isnull=True).count()


dashboard.register(
    "event_submissions",
    label="Meldungen von Veranstaltungen, noch nicht veröffentlicht",
    count=unreviewed_submissions,
    url="events_eventsubmission_modeladmin_index",
    permission="events.view_eventsubmission",
    order=60,
)


@hooks.register("register_personal_data")
def personal_data():
    """The submitters' contact data, for the legal app's purge and data requests."""
    return [EVENT_SUBMISSIONS]


# The yearly cycle (events/weeks.py): the menu shows only the current week; one action makes the next.


@hooks.register("filter_menu_pages")
def only_current_week_in_menu(pages):
    """Archived weeks leave the main menu (one subquery, no extra query)."""
    return pages.exclude(pk__in=weeks.stale_week_ids())


class NewWeekMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.source_week(request.user) is not None


@hooks.register("register_admin_menu_item")
def register_new_week_menu_item():
    # "Neue Woche der Industrie anlegen" (the page title) would be cut off in the sidebar
    return NewWeekMenuItem("Neue Woche", reverse("events_new_week"), icon_name="date", order=255)


@hooks.register("register_page_header_buttons")
def week_buttons(page, user, view_name, next_url=None):
    """On a week: its events as a list (the tree shows only its other pages) and the next week."""
    if page.specific_class is not EventIndexPage:
        return
    count = EventPage.objects.child_of(page).count()
    yield Button(
        f"Veranstaltungen dieser Woche ({count})",
        f"{reverse(EventListingViewSet.name + ':index')}?week={page.pk}",
        icon_name="list-ul",
        priority=80,
    )
    source = admin_views.source_week(user)
    if source is not None and source.pk == page.pk:
        yield Button(
            "Neue Woche der Industrie anlegen", reverse("events_new_week"), icon_name="date", priority=95
        )


# The page tree: a week lists its materials and order pages, not its hundreds of events; those are in
# the listing "Veranstaltungen" (filtered by week). Searching or filtering in the week finds events.


@hooks.register("construct_explorer_page_queryset")
def week_tree_without_events(parent_page, pages, request):
    if parent_page.specific_class is not EventIndexPage or request.GET.get("q"):
        return pages
    if any(key not in {"ordering", "p"} for key in request.GET):
        return pages  # a filter of the listing: show what it finds
    return pages.not_type(EventPage)


class EventListingFilterSet(PageFilterSet):
    week = django_filters.ModelChoiceFilter(
        label="Woche der Industrie",
        queryset=EventIndexPage.objects.order_by("-year", "-week_start"),
        method="in_week",
        empty_label="Alle Wochen",
    )

    class Meta:
        model = EventPage
        fields = []

    def in_week(self, queryset, name, value):
        return queryset.child_of(value) if value else queryset


class EventListingViewSet(PageListingViewSet):
    model = EventPage
    name = "veranstaltungen"
    icon = "date"
    menu_label = "Veranstaltungen"
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = EventListingFilterSet


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet()
