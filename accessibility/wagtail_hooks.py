"""Admin: the feedback on barriers, listed for the editors (they add a note and tick it off)."""

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accessibility.models import AccessibilityFeedback


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
