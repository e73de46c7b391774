"""``purge_personal_data`` with a fixed clock: records just inside each retention period keep their
personal data, records just outside lose it; the non-personal facts stay."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from accessibility.models import AccessibilityFeedback
from events.models import EventPage, EventSubmission
from legal.models import RetentionSettings
from materials.models import Order
from tests.support.personal_data import (
    make_feedback,
    make_order,
    make_search_hit,
    make_submission,
    set_created,
)

NOW = datetime.datetime(2026, 3, 15, 3, 0, tzinfo=datetime.UTC)
SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def fixed_clock():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield NOW


@pytest.fixture
def retention(db):
    settings = RetentionSettings.load()
    settings.orders_days = 180
    settings.event_submissions_days = 365
    settings.accessibility_feedback_days = 730
    settings.search_log_days = 90
    settings.save()
    return settings


def purge(*args):
    out = StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def inside_and_outside(days):
    """Came in just inside the period (one second younger than it) and just outside (one second older)."""
    boundary = NOW - datetime.timedelta(days=days)
    return boundary + SECOND, boundary - SECOND


def test_orders_just_outside_the_period_are_anonymised_and_keep_items_and_date(fixed_clock, retention):
    inside_at, outside_at = inside_and_outside(180)
    inside, outside = make_order(), make_order("max@example.org")
    Order.objects.filter(pk=inside.pk).update(created_at=inside_at)
    Order.objects.filter(pk=outside.pk).update(created_at=outside_at)

    output = purge()

    inside.refresh_from_db()
    outside.refresh_from_db()
    assert inside.email == "erika@example.org" and inside.name == "Erika Muster"
    assert (outside.name, outside.organisation, outside.street, outside.postcode, outside.city) == ("",) * 5
    assert (outside.email, outside.comment) == ("", "")
    # The non-personal facts stay: items, quantities, date, status.
    assert [(line.item_name, line.quantity) for line in outside.lines.all()] == [("Plakat A1", 5)]
    assert outside.created_at == outside_at and outside.status == Order.Status.NEW
    assert "Bestellungen: 1 bereinigt (Frist 180 Tage" in output


def test_event_submitters_just_outside_the_period_lose_their_contact_data_the_event_stays(
    fixed_clock, retention, event_index
):
    inside_at, outside_at = inside_and_outside(365)
    inside, outside = make_submission(event_index), make_submission(event_index, "max@example.org")
    set_created(inside, inside_at)
    set_created(outside, outside_at)

    purge()

    inside.refresh_from_db()
    outside.refresh_from_db()
    assert (inside.name, inside.email, inside.phone) == ("Erika Muster", "erika@example.org", "0221 123456")
    assert (outside.name, outside.email, outside.phone) == ("", "", "")
    assert EventPage.objects.filter(pk=outside.page_id).exists()


def test_feedback_just_outside_the_period_loses_name_and_address_keeps_the_barrier(fixed_clock, retention):
    inside_at, outside_at = inside_and_outside(730)
    inside, outside = make_feedback(), make_feedback("max@example.org")
    set_created(inside, inside_at)
    set_created(outside, outside_at)

    purge()

    inside.refresh_from_db()
    outside.refresh_from_db()
    assert (inside.name, inside.email) == ("Erika Muster", "erika@example.org")
    assert (outside.name, outside.email) == ("", "")
    assert outside.message == "Der Kontrast ist zu schwach."


def test_search_terms_just_outside_the_period_are_deleted(fixed_clock, retention):
    cutoff = timezone.localdate(NOW - datetime.timedelta(days=90))
    inside = make_search_hit("signet", cutoff)
    outside = make_search_hit("plakat", cutoff - datetime.timedelta(days=1))

    purge()

    assert QueryDailyHits.objects.filter(pk=inside.pk).exists()
    assert not QueryDailyHits.objects.filter(pk=outside.pk).exists()
    # A term without any count left goes too.
    assert list(Query.objects.values_list("query_string", flat=True)) == ["signet"]


def test_the_period_comes_from_the_settings(fixed_clock, retention):
    order = make_order()
    Order.objects.filter(pk=order.pk).update(created_at=NOW - datetime.timedelta(days=31))
    purge()
    order.refresh_from_db()
    assert order.email == "erika@example.org"

    retention.orders_days = 30
    retention.save()
    purge()
    order.refresh_from_db()
    assert order.email == ""


def test_dry_run_prints_what_would_be_removed_and_changes_nothing(fixed_clock, retention, event_index):
    order, submission, feedback = make_order(), make_submission(event_index), make_feedback()
    long_ago = NOW - datetime.timedelta(days=3000)
    Order.objects.filter(pk=order.pk).update(created_at=long_ago)
    set_created(submission, long_ago)
    set_created(feedback, long_ago)

    output = purge("--dry-run")

    assert "Bestellungen: 1 würden bereinigt" in output
    assert "Meldungen von Veranstaltungen: 1 würden bereinigt" in output
    assert "Rückmeldungen zur Barrierefreiheit: 1 würden bereinigt" in output
    assert "Probelauf: nichts geändert." in output
    assert Order.objects.get().email == EventSubmission.objects.get().email == "erika@example.org"
    assert AccessibilityFeedback.objects.get().email == "erika@example.org"


def test_a_second_run_finds_nothing_more(fixed_clock, retention):
    order = make_order()
    Order.objects.filter(pk=order.pk).update(created_at=NOW - datetime.timedelta(days=400))
    assert "Bestellungen: 1 bereinigt" in purge()
    assert "Bestellungen: 0 bereinigt" in purge()
