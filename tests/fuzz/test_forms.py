"""The public forms with arbitrary field values: never a server error, never an invalid record stored,
always a German message for what is wrong."""

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from accessibility.models import AccessibilityFeedback
from events.models import EventPage, EventSubmission
from materials.models import Order, OrderCatalogueItem, OrderLine
from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.support.forms import ORDER_ADDRESS, event_data

GARBAGE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["", " ", "0", "-1", "99999", "1e400", "NaN", "on", "2017-02-30T25:61", "31.12.9999 23:59"]
    ),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)
EVENT_FIELDS = sorted(event_data())
GERMAN_SUMMARY = "Bitte prüfen Sie Ihre Angaben"


def fuzzed(valid, fields):
    """Some fields of a valid submission replaced by garbage (or dropped); sometimes none."""
    return st.fixed_dictionaries(
        {},
        optional={name: st.one_of(GARBAGE, st.just(None)) for name in fields},
    ).map(lambda changes: {key: value for key, value in {**valid, **changes}.items() if value is not None})


def assert_all_stored_records_are_valid():
    for page in EventPage.objects.all():
        page.full_clean()
    for model in (EventSubmission, Order, OrderLine):
        for record in model.objects.all():
            record.full_clean()


def post_and_check(client, url, data, model):
    """POST ``data``: a German error page storing nothing, or a redirect storing one ``model`` record
    (none for the honeypot). Returns whether a record was stored."""
    before = model.objects.count()
    response = client.post(url, data)
    after = model.objects.count()
    assert response.status_code in {200, 302}, (data, response.status_code)
    if response.status_code == 200:
        assert after == before
        assert GERMAN_SUMMARY in response.content.decode()
    elif data.get("website", "").strip():
        assert after == before  # the honeypot: pretend success, store nothing
    else:
        assert after == before + 1
    for record in model.objects.all():
        record.full_clean()
    return after > before


@pytest.mark.django_db
def test_event_report_with_arbitrary_values(site):
    url = site["week"].url + "anmelden/"
    client = Client(raise_request_exception=False)

    @given(data=fuzzed(event_data(), EVENT_FIELDS))
    def check(data):
        post_and_check(client, url, data, EventSubmission)
        assert EventPage.objects.count() == EventSubmission.objects.count() + 1  # + the site's own event
        assert_all_stored_records_are_valid()

    check()


@pytest.mark.django_db
def test_order_with_arbitrary_values(site):
    page = site["order"]
    item = OrderCatalogueItem.objects.get()
    valid = {**ORDER_ADDRESS, "comment": "", f"menge_{item.pk}": "2"}
    client = Client(raise_request_exception=False)

    @given(data=fuzzed(valid, sorted(valid)))
    def check(data):
        if post_and_check(client, page.url, data, Order):
            order = Order.objects.order_by("-pk").first()
            assert 1 <= order.lines.get().quantity <= item.max_quantity
        assert_all_stored_records_are_valid()

    check()


@pytest.mark.django_db
def test_accessibility_feedback_with_arbitrary_values(site):
    statement = AccessibilityStatementPageFactory(parent=site["home"])
    valid = {
        "name": "Erika Muster",
        "email": "erika@example.org",
        "page_url": "/woche-der-industrie/karte/",
        "message": "Die Karte lässt sich mit der Tastatur nicht bedienen.",
        "website": "",
    }
    client = Client(raise_request_exception=False)

    @given(data=fuzzed(valid, sorted(valid)))
    def check(data):
        post_and_check(client, statement.url, data, AccessibilityFeedback)

    check()
