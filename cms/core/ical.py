"""The one iCalendar (RFC 5545) builder of the site, on the icalendar library.

Every calendar (the events of the Woche der Industrie, one event, the sessions of the Forum
Industriepolitik) describes its dates as ``Entry`` values and gets its file from ``calendar_bytes``
or its response from ``calendar_response``. This module knows no app: the apps turn their models
into entries.

UIDs are ``<kind>-<pk>@ICAL_UID_DOMAIN`` (setting, default ``n3tzwerk.org``): the same for an entry
whichever host name the calendar was fetched under, so a calendar app recognises an updated entry
instead of showing it twice.
"""

import dataclasses
import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

CONTENT_TYPE = "text/calendar; charset=utf-8"


@dataclasses.dataclass(frozen=True)
class Entry:
    """One VEVENT. ``start``/``end``: aware datetimes, or dates for whole days (``end`` exclusive)."""

    kind: str  # with ``pk`` the stable UID, e.g. "event" -> event-12@n3tzwerk.org
    pk: int
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    geo: tuple[float, float] | None = None
    last_modified: datetime.datetime | None = None


def uid(kind, pk):
    """The stable UID of an entry: independent of the request's host."""
    return f"{kind}-{pk}@{settings.ICAL_UID_DOMAIN}"


def _local(value):
    """Aware datetimes in the site's time zone (TZID with a VTIMEZONE); dates stay dates."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _vevent(entry, stamp):
    item = Event()
    item.add("uid", uid(entry.kind, entry.pk))
    item.add("dtstamp", stamp)
    item.add("dtstart", _local(entry.start))
    item.add("dtend", _local(entry.end))
    item.add("summary", entry.summary)
    if entry.description:
        item.add("description", entry.description)
    if entry.location:
        item.add("location", entry.location)
    if entry.geo:
        item.add("geo", entry.geo)
    if entry.url:
        item.add("url", entry.url)
    if entry.last_modified:
        item.add("last-modified", entry.last_modified)  # UTC, as RFC 5545 requires
    return item


def build_calendar(name, product, entries):
    """An ``icalendar.Calendar`` named ``name`` with one VEVENT per entry and the VTIMEZONEs they use.

    ``product`` names the calendar in PRODID, e.g. "Woche der Industrie".
    """
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//{product}//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for entry in entries:
        calendar.add_component(_vevent(entry, stamp))
    calendar.add_missing_timezones()
    return calendar


def calendar_bytes(name, product, entries):
    """The .ics file (bytes) of ``build_calendar``."""
    return build_calendar(name, product, entries).to_ical()


def calendar_response(name, product, entries, filename, attachment=False):
    """An HTTP response with the .ics file; ``attachment`` makes browsers download it."""
    response = HttpResponse(calendar_bytes(name, product, entries), content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
