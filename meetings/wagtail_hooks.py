"""Admin-only record lists (wagtail-modeladmin, as the client asked for)."""

from django.urls import reverse
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from meetings.models import MeetingPresentation


class PresentationPermissionHelper(PermissionHelper):
    """The list only shows: a presentation is a row of its meeting report and is added, changed and
    removed there. Edited here, the row would change beside the page's revisions, and publishing
    any later revision of the report would silently put the old row back."""

    def user_can_create(self, user):
        return False  # added in the report (hint in the list)

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class PresentationButtonHelper(ButtonHelper):
    """Each row offers its meeting report's editor, where the presentation is changed."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        buttons.append(
            {
                "url": reverse("wagtailadmin_pages:edit", args=[obj.page_id]),
                "label": "Im Bericht bearbeiten",
                "classname": "button button-small button-secondary",
                "title": f"Bericht „{obj.page.title}“ bearbeiten",
            }
        )
        return buttons


class PresentationAdmin(ModelAdmin):
    """Overview of every presentation with its meeting, file type and size (read-only list)."""

    model = MeetingPresentation
    menu_label = "Präsentationen"
    menu_icon = "doc-full"
    menu_order = 260
    add_to_settings_menu = False
    permission_helper_class = PresentationPermissionHelper
    button_helper_class = PresentationButtonHelper
    list_display = ["presentation_title", "meeting", "meeting_date", "speaker", "file_info"]
    list_filter = ["page__date"]
    search_fields = ["title", "document__title", "page__title"]
    ordering = ["-page__date", "sort_order"]
    inspect_view_enabled = True
    list_export = ["presentation_title", "meeting", "meeting_date", "speaker", "file_info"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page", "document", "speaker")

    @staticmethod
    def presentation_title(obj):
        return obj.display_title

    @staticmethod
    def meeting(obj):
        return obj.page.title

    @staticmethod
    def meeting_date(obj):
        return obj.page.date.strftime("%d.%m.%Y")

    @staticmethod
    def file_info(obj):
        # A row of a draft may have no file yet (autosave keeps incomplete rows; publishing needs one).
        return obj.document.file_info if obj.document_id else "noch keine Datei"


PresentationAdmin.presentation_title.short_description = "Titel"  # was the English "Display title"
PresentationAdmin.meeting.short_description = "Treffen"
PresentationAdmin.meeting_date.short_description = "Datum"
PresentationAdmin.file_info.short_description = "Datei"

modeladmin_register(PresentationAdmin)
