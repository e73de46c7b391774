"""The table of a page class's views (cms.core.pageviews)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from accessibility.models import AccessibilityStatementPage
from cms.core.pageviews import PageViews
from events.models import EventIndexPage
from materials.models import OrderPage
from meetings.models import MeetingIndexPage
from regions.models import InitiativeIndexPage


class Example:
    page_views = PageViews()


def test_registered_view_is_called_with_the_arguments():
    table = PageViews()

    @table.register("thanks")
    def thanks(request, page):
        return ("thanks", request, page)

    assert table("thanks", "request", "page") == ("thanks", "request", "page")


def test_missing_view_names_the_page_class():
    with pytest.raises(ImproperlyConfigured, match=r"tests\.core\.test_pageviews\.Example.*'nope'"):
        Example.page_views("nope")


def test_a_second_view_under_one_name_is_refused():
    table = PageViews()
    table.register("x")(lambda: 1)
    with pytest.raises(ImproperlyConfigured, match="doppelt"):
        table.register("x")(lambda: 2)


@pytest.mark.parametrize(
    ("page_class", "names"),
    [
        (EventIndexPage, {"context", "submit", "submit_thanks", "calendar"}),
        (OrderPage, {"order", "thanks"}),
        (AccessibilityStatementPage, {"statement", "thanks"}),
        (InitiativeIndexPage, {"context"}),
        (MeetingIndexPage, {"context"}),
    ],
)
def test_apps_register_every_view_their_pages_call(page_class, names):
    # Loaded by each AppConfig.ready(): nothing else imports the views before the first request.
    assert page_class.page_views.names() == names
