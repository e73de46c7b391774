"""The demo's two weeks: 2017 as archive, a current week dated from the day of loading, with
upcoming events and open forms; loading again changes nothing."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cms.core.demo import load_all, loader_paths
from events import demo, weeks
from events.models import EventIndexPage, EventPage
from materials.models import OrderPage

pytestmark = pytest.mark.django_db


def test_current_week_dates_start_on_a_saturday_three_to_four_weeks_ahead():
    for offset in range(7):
        today = datetime.date(2026, 12, 1) + datetime.timedelta(days=offset)
        year, start, end = demo.current_week_dates(today)
        assert start.weekday() == 5 and 21 <= (start - today).days < 28
        assert (end - start).days == 8 and year == start.year


def test_loader_runs_after_the_materials():
    paths = loader_paths()
    assert paths.index("events.demo.load_current_week") > paths.index("materials.demo.load")


def test_demo_has_an_archive_and_an_open_current_week(client):
    load_all()
    counts = (EventIndexPage.objects.count(), EventPage.objects.count(), OrderPage.objects.count())
    assert load_all().created == []
    assert (EventIndexPage.objects.count(), EventPage.objects.count(), OrderPage.objects.count()) == counts

    archive = EventIndexPage.objects.get(slug=demo.INDEX_SLUG)
    current = weeks.current_week()
    assert archive.year == 2017 and current.pk != archive.pk
    assert current.week_start > timezone.localdate() and current.accepts_submissions
    events = current.events()
    assert events.count() == demo.CURRENT_EVENT_COUNT
    assert all(event.start > timezone.now() for event in events)

    submit = client.get(current.url + "anmelden/")
    assert submit.status_code == 200 and "ist vorbei" not in submit.content.decode()
    assert BeautifulSoup(submit.content, "html.parser").select_one("form.submission-form")
    order_page = OrderPage.objects.descendant_of(current).get()
    assert order_page.live and client.get(order_page.url).status_code == 200

    home = BeautifulSoup(client.get("/").content, "html.parser")
    heading = home.select_one("#event-week-heading").text.strip()
    assert heading == f"Die Woche der Industrie {current.year} in Zahlen"
    assert "ist vorbei und steht hier als Archiv" in client.get(archive.url).content.decode()


def test_event_count_is_read_when_the_events_are_made(monkeypatch):
    """Regression: a default argument bound EVENT_COUNT at import, so the browser tests' smaller demo
    (they set events.demo.EVENT_COUNT) got all 400 events."""
    monkeypatch.setattr(demo, "EVENT_COUNT", 5)
    assert len(demo.event_specs()) == 5
    assert len(demo.event_specs(count=3)) == 3
