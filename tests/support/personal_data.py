"""Records with personal data for one address: an order, an event report, a feedback, a search term.

The fixtures (``event_index``, ``records``) are imported by the conftest of tests/legal."""

import datetime

import pytest
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from accessibility.models import AccessibilityFeedback
from events.models import EventSubmission
from materials.models import Order, OrderLine
from tests.factories.events import EventIndexPageFactory, EventPageFactory

ADDRESS = "erika@example.org"


def make_order(email=ADDRESS, **fields):
    order = Order.objects.create(
        name="Erika Muster",
        organisation="IHK Beispielstadt",
        street="Industriestraße 12",
        postcode="50667",
        city="Köln",
        email=email,
        comment="Bitte bis Freitag.",
        **fields,
    )
    OrderLine.objects.create(order=order, item_name="Plakat A1", quantity=5)
    return order


def make_submission(parent, email=ADDRESS):
    page = EventPageFactory(parent=parent)
    return EventSubmission.objects.create(
        page=page, name="Erika Muster", email=email, phone="0221 123456", consent=True
    )


def make_feedback(email=ADDRESS):
    return AccessibilityFeedback.objects.create(
        name="Erika Muster", email=email, page_url="/suche/", message="Der Kontrast ist zu schwach."
    )


def make_search_hit(term, date):
    query = Query.get(term)
    query.add_hit(date=date)
    return QueryDailyHits.objects.get(query=query, date=date)


def set_created(record, moment):
    """``created_at`` is ``auto_now_add``: set it afterwards."""
    type(record).objects.filter(pk=record.pk).update(created_at=moment)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def records(event_index):
    """One record of each kind for ``ADDRESS``, and one of each for someone else."""
    today = datetime.date.today()
    mine = {
        "orders": make_order(),
        "event_submissions": make_submission(event_index),
        "accessibility_feedback": make_feedback(),
        "search_log": make_search_hit(f"bestellung {ADDRESS}", today),
    }
    others = {
        "orders": make_order("max@example.org"),
        "event_submissions": make_submission(event_index, "max@example.org"),
        "accessibility_feedback": make_feedback("max@example.org"),
        "search_log": make_search_hit("woche der industrie", today),
    }
    return mine, others
