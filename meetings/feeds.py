"""Feeds of the meetings section: RSS/Atom of the meeting reports, iCalendar of the forum sessions."""

import datetime
import zoneinfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from cms.core.feeds import PageFeed

# A session has a start only; calendars get this duration for sessions with a time.
SESSION_DURATION = datetime.timedelta(hours=2)


class MeetingReportFeed(PageFeed):
    def title(self, index):
        return f"Berichte der Treffen – {settings.WAGTAIL_SITE_NAME}"

    def description(self, index):
        return "Berichte und Präsentationen der Treffen regionaler Industriebündnisse."

    def items_for(self, index):
        return index.get_reports()


def session_event(session, request, host, stamp):
    topic = session.page
    event = Event()
    event.add("uid", f"forum-termin-{session.pk}@{host}")
    event.add("dtstamp", stamp)
    if session.time:
        start = datetime.datetime.combine(session.date, session.time, zoneinfo.ZoneInfo(settings.TIME_ZONE))
        event.add("dtstart", start)
        event.add("dtend", start + SESSION_DURATION)
    else:
        event.add("dtstart", session.date)
        event.add("dtend", session.date + datetime.timedelta(days=1))
    event.add("summary", f"Forum Industriepolitik: {topic.title}")
    event.add("description", " ".join(part for part in (topic.recommendation, session.note) if part))
    if session.venue:
        event.add("location", session.venue)
    event.add("url", topic.get_full_url(request))
    return event


def forum_calendar(index, request):
    """The dated sessions of the Forum Industriepolitik as an iCalendar ``Calendar``."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Forum Industriepolitik//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{index.title} – Termine")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for session in index.get_sessions():
        calendar.add_component(session_event(session, request, host, stamp))
    calendar.add_missing_timezones()
    return calendar


def forum_calendar_response(request, index):
    response = HttpResponse(
        forum_calendar(index, request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="forum-industriepolitik.ics"'
    return response
