"""Admin of the legal app: the organisation data for ``cms.core.organisation``, the requests of data
subjects (menu "Einstellungen"), their log actions and the dashboard notice about placeholders."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.core import dashboard
from legal import organisation, requests, views
from legal.models import OrganisationSettings

hooks.register("organisation_data", organisation.organisation_data)


@hooks.register("register_admin_urls")
def register_data_request_urls():
    return [path("datenschutz/anfragen/", views.DataRequestView.as_view(), name="legal_data_request")]


class DataRequestMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_settings_menu_item")
def register_data_request_menu_item():
    return DataRequestMenuItem(
        "Datenschutz-Anfragen", reverse("legal_data_request"), icon_name="user", order=900
    )


@hooks.register("register_permissions")
def data_request_permission():
    return Permission.objects.filter(content_type__app_label="legal", codename="handle_data_requests")


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        requests.EXPORT_ACTION, "Personenbezogene Daten exportiert", "Personenbezogene Daten exportiert"
    )
    actions.register_action(
        requests.ERASE_ACTION,
        "Personenbezogene Daten gelöscht",
        "Personenbezogene Daten gelöscht bzw. anonymisiert",
    )


def _unfilled_count(request):
    return len(OrganisationSettings.current().unfilled()) or None


dashboard.register(
    "legal_placeholders",
    label="Angaben für das Impressum fehlen noch (Einstellungen → Organisation)",
    count=_unfilled_count,
    url=lambda request: reverse("wagtailsettings:edit", args=["legal", "organisationsettings"]),
    permission="legal.change_organisationsettings",
    order=5,
)
