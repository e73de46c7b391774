from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from events import views
from events.models import EventIndexPage


@hooks.register("register_admin_urls")
def register_csv_import_urls():
    return [
        path("veranstaltungen/import/", views.CsvImportView.as_view(), name="events_csv_import"),
        path("veranstaltungen/import/vorlage.csv", views.csv_template, name="events_csv_template"),
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
