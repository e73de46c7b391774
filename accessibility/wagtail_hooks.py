"""Admin: the feedback on barriers, listed for the editors (they add a note and tick it off)."""

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accessibility.models import AccessibilityFeedback
from accessibility.personal_data import ACCESSIBILITY_FEEDBACK


class FeedbackFilterSet(WagtailFilterSet):
    class Meta:
        model = AccessibilityFeedback
        fields = ["done"]


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = "Rückmeldungen Barrierefreiheit"
    add_to_admin_menu = False
    list_display = ["__str__", "page_url", "email", "done"]
    list_filter = None
    filterset_class = FeedbackFilterSet
    search_fields = ["message", "page_url", "email", "name"]
    copy_view_enabled = False


register_snippet(AccessibilityFeedbackViewSet)


@hooks.register("register_personal_data")
def personal_data():
    """Name and address of who reported a barrier, for the legal app's purge and data requests."""
    return [ACCESSIBILITY_FEEDBACK]
