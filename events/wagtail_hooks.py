from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from cms.core import dashboard
from events import views
from events.models import EventIndexPage, EventSubmission


@hooks.register("register_admin_urls")
def register_csv_import_urls():
    return [
        path("veranstaltungen/import/", views.CsvImportView.as_view(), name="events_csv_import"),
        path("veranstaltungen/import/vorlage.csv", views.csv_template, name="events_csv_template"),
        path(
            "veranstaltungen/import/<int:pk>/", views.CsvImportJobView.as_view(), name="events_csv_import_job"
        ),
    ]


class CsvImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(views.importable_indexes(request.user))


@hooks.register("register_admin_menu_item")
def register_csv_import_menu_item():
    return CsvImportMenuItem(
        "Veranstaltungen importieren",
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
    menu_label = "Gemeldete Veranstaltungen"
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
        return super().get_queryset(request).select_related("page")

    @staticmethod
    def event(obj):
        return obj.page.title

    @staticmethod
    def status(obj):
        return "veröffentlicht" if obj.page.live else "Entwurf"


EventSubmissionAdmin.event.short_description = "Veranstaltung"
EventSubmissionAdmin.status.short_description = "Status"

modeladmin_register(EventSubmissionAdmin)


def unreviewed_submissions(request):
    """Reported events that are not published yet (waiting in the review workflow or as drafts)."""
    return EventSubmission.objects.filter(page__live=False).count()


dashboard.register(
    "event_submissions",
    label="Gemeldete Veranstaltungen, noch nicht veröffentlicht",
    count=unreviewed_submissions,
    url="events_eventsubmission_modeladmin_index",
    permission="events.view_eventsubmission",
    order=60,
)
