"""What awaits the editor: a small registry of counts, shown as one panel on the admin dashboard.

Any app can add a count, typically in its ``wagtail_hooks.py``::

    from cms.core import dashboard

    dashboard.register(
        "event_submissions",
        label="Neue Veranstaltungsmeldungen",
        count=lambda request: EventSubmission.objects.filter(status="new").count(),
        url="wagtailsnippets_events_eventsubmission:list",  # URL name, path, callable(request) or None
        permission="events.change_eventsubmission",  # only users with this permission see the line
        order=200,
    )

``count`` gets the request and returns a number, or ``None`` to leave the line out for this user.
Lines are shown in ``order`` (the built-in moderation counts use 10–40); registering a key again
replaces the earlier entry, ``unregister(key)`` removes it. The panel itself is added to the
dashboard by ``cms/core/wagtail_hooks.py``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy


@dataclass(frozen=True)
class DashboardCount:
    key: str
    label: str
    count: Callable[[HttpRequest], int | None]
    url: str | Callable[[HttpRequest], str] | None = None
    permission: str | None = None
    order: int = 100

    def resolve_url(self, request):
        if callable(self.url):
            return self.url(request)
        if not self.url or self.url.startswith("/"):
            return self.url
        try:
            return reverse(self.url)
        except NoReverseMatch:
            return None


_registry: dict[str, DashboardCount] = {}


def register(key, label, count, url=None, permission=None, order=100):
    """Add (or replace) the count ``key`` on the dashboard panel."""
    _registry[key] = DashboardCount(key, label, count, url, permission, order)
    return _registry[key]


def unregister(key):
    _registry.pop(key, None)


def registered():
    return sorted(_registry.values(), key=lambda item: (item.order, item.key))


def items_for(request):
    """``[{"key", "label", "count", "url"}]`` of the counts ``request.user`` may see."""
    items = []
    for entry in registered():
        if entry.permission and not request.user.has_perm(entry.permission):
            continue
        count = entry.count(request)
        if count is None:
            continue
        items.append(
            {"key": entry.key, "label": entry.label, "count": count, "url": entry.resolve_url(request)}
        )
    return items


class AwaitingEditorPanel(Component):
    """Dashboard panel "Was auf Sie wartet" with the registered counts."""

    name = "awaiting_editor"
    template_name = "core/dashboard/awaiting_editor.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["items"] = items_for(parent_context["request"])
        return context


# The built-in counts: pages in moderation (Wagtail's workflows) and scheduled publications.


def _pages_to_review(request):
    return TaskState.objects.reviewable_by(request.user).count()


def _own_pages_in_review(request):
    return WorkflowState.objects.active().filter(requested_by=request.user).count()


def _pages_in_moderation(request):
    if not PagePermissionPolicy().user_has_permission(request.user, "publish"):
        return None  # only for those who may publish
    return WorkflowState.objects.active().count()


def _scheduled_pages(request):
    return Page.objects.filter(latest_revision__approved_go_live_at__isnull=False).count()


register(
    "pages_to_review",
    "Seiten, die auf Ihre Prüfung warten",
    _pages_to_review,
    "wagtailadmin_reports:workflow_tasks",
    order=10,
)
register(
    "own_pages_in_review",
    "Ihre eingereichten Seiten in Prüfung",
    _own_pages_in_review,
    "wagtailadmin_reports:workflow",
    order=20,
)
register(
    "pages_in_moderation",
    "Seiten in Prüfung insgesamt",
    _pages_in_moderation,
    "wagtailadmin_reports:workflow",
    order=30,
)
register("scheduled_pages", "Seiten mit geplanter Veröffentlichung", _scheduled_pages, order=40)
