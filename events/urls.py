"""The public addresses of the events app outside the page tree (included by cms/urls.py before
Wagtail's): the stable address of the current week, ``/woche/`` and its sub-paths (events.weeks)."""

from django.urls import path

from events import views
from events.weeks import STABLE_SLUG

urlpatterns = [
    path(f"{STABLE_SLUG}/", views.current_week_redirect, name="current_week"),
    path(f"{STABLE_SLUG}/<path:subpath>", views.current_week_redirect, name="current_week_path"),
]
