"""Feeds of the meetings section: RSS/Atom of the meeting reports, iCalendar of the forum sessions."""

import datetime
import zoneinfo

from django.conf import settings

from cms.core import ical
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


def session_entry(session, request):
    """One dated session as an entry of the shared iCalendar builder.

    UID ``forum-termin-<pk>@ICAL_UID_DOMAIN``: the same under every host name of the site.
    """
    topic = session.page
    if session.time:
        start = datetime.datetime.combine(session.date, session.time, zoneinfo.ZoneInfo(settings.TIME_ZONE))
        end = start + SESSION_DURATION
    else:
        start, end = session.date, session.date + datetime.timedelta(days=1)
    return ical.Entry(
        kind="forum-termin",
        pk=session.pk,
        start=start,
        end=end,
        summary=f"Forum Industriepolitik: {topic.title}",
        description=" ".join(part for part in (topic.recommendation, session.note) if part),
        location=session.venue,
        url=topic.get_full_url(request) or "",
    )


def forum_calendar_response(request, index):
    """The dated sessions of the Forum Industriepolitik as an .ics file."""
    entries = [session_entry(session, request) for session in index.get_sessions()]
    return ical.calendar_response(
        f"{index.title} – Termine", "Forum Industriepolitik", entries, "forum-industriepolitik.ics"
    )
