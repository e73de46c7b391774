"""The shared iCalendar builder (cms/core/ical.py), parsed back with the icalendar library."""

import ast
import datetime
import inspect

from icalendar import Calendar

from cms.core import ical

UTC = datetime.UTC


def parse(entries):
    return Calendar.from_ical(ical.calendar_bytes("Termine", "Test", entries))


def test_entries_get_stable_uids_from_the_setting(settings):
    settings.ICAL_UID_DOMAIN = "kalender.example"
    entry = ical.Entry(
        kind="event",
        pk=7,
        start=datetime.datetime(2017, 9, 18, 8, 0, tzinfo=UTC),
        end=datetime.datetime(2017, 9, 18, 10, 0, tzinfo=UTC),
        summary="Werksführung",
    )
    calendar = parse([entry])
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == "event-7@kalender.example"
    assert str(calendar["PRODID"]) == "-//N3tzwerk Zukunft der Industrie//Test//DE"
    assert str(calendar["X-WR-CALNAME"]) == "Termine"


def test_times_are_local_with_their_time_zone_and_days_stay_days():
    timed = ical.Entry(
        kind="a",
        pk=1,
        start=datetime.datetime(2017, 9, 18, 8, 0, tzinfo=UTC),
        end=datetime.datetime(2017, 9, 18, 10, 0, tzinfo=UTC),
        summary="Mit Uhrzeit",
        location="Köln",
        url="https://n3tzwerk.org/x/",
        geo=(50.9375, 6.96),
    )
    day = ical.Entry(
        kind="b", pk=2, start=datetime.date(2017, 3, 14), end=datetime.date(2017, 3, 15), summary="Ganztags"
    )
    calendar = parse([timed, day])
    first, second = calendar.walk("VEVENT")
    start = first.decoded("DTSTART")
    assert (start.isoformat(), str(start.tzinfo)) == ("2017-09-18T10:00:00+02:00", "Europe/Berlin")
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(first["LOCATION"]) == "Köln"
    assert str(first["URL"]) == "https://n3tzwerk.org/x/"
    assert second.decoded("DTSTART") == datetime.date(2017, 3, 14)
    assert "LOCATION" not in second and "URL" not in second and "DESCRIPTION" not in second


def test_response_is_an_ics_file():
    response = ical.calendar_response("Termine", "Test", [], "termine.ics", attachment=True)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="termine.ics"'
    assert Calendar.from_ical(response.content)["VERSION"] == "2.0"


def test_the_builder_imports_no_domain_app():
    tree = ast.parse(inspect.getsource(ical))
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    modules |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert {module.split(".")[0] for module in modules} <= {"dataclasses", "datetime", "django", "icalendar"}
