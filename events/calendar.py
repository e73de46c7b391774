"""Calendars (RFC 5545, with the icalendar library) and the schema.org data of events.

The schema.org ``Event`` is a plain dict: ``EventPage.structured_data`` hands it to the site's one
JSON-LD path (``cms.core.seo.json_ld`` via the ``page_meta`` tag), like every other page type.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

PRODID = "-//N3tzwerk Zukunft der Industrie//Woche der Industrie//DE"
DEFAULT_DURATION = datetime.timedelta(hours=2)


UID_DOMAIN = "n3tzwerk.org"  # stable across hosts, so calendars recognise updated events


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _location(event):
    return ", ".join(part for part in (event.venue, event.address_line) if part)


def _vevent(event, request):
    item = Event()
    item.add("uid", f"event-{event.pk}@{UID_DOMAIN}")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.start)
    item.add("dtend", event.end or event.start + DEFAULT_DURATION)
    item.add("summary", event.title)
    item.add("location", vText(_location(event)))
    description = [event.description]
    if event.organiser_display:
        description.append(f"Veranstalter: {event.organiser_display}")
    if event.registration_info or event.registration_required:
        description.append(f"Anmeldung: {event.registration_info or 'erforderlich'}")
    item.add("description", "\n\n".join(description))
    if event.has_location:
        item.add("geo", (float(event.latitude), float(event.longitude)))
    url = event.get_full_url(request)
    if url:
        item.add("url", url)
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def event_calendar(event, request=None):
    """The .ics file of one event."""
    calendar = _calendar(event.title)
    calendar.add_component(_vevent(event, request))
    return calendar.to_ical()


def events_calendar(index, events, request=None):
    """The calendar feed of an index page's events (already filtered)."""
    calendar = _calendar(index.title)
    for event in events:
        calendar.add_component(_vevent(event, request))
    return calendar.to_ical()


def event_schema(event, request=None):
    """schema.org ``Event`` of ``event`` as a dict (fields without a value left out)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": timezone.localtime(event.start).isoformat() if event.start else None,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "description": event.description,
        "location": {
            "@type": "Place",
            "name": event.venue,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.street,
                "postalCode": event.postcode,
                "addressLocality": event.city,
                "addressRegion": event.get_federal_state_display(),
                "addressCountry": "DE",
            },
        },
        "isAccessibleForFree": True,
    }
    if event.end:
        data["endDate"] = timezone.localtime(event.end).isoformat()
    if event.has_location:
        data["location"]["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(event.latitude),
            "longitude": float(event.longitude),
        }
    if event.organiser_display:
        organiser = {"@type": "Organization", "name": event.organiser_display}
        if event.organiser_id and event.organiser and event.organiser.website:
            organiser["url"] = event.organiser.website
        data["organizer"] = organiser
    url = event.get_full_url(request) if event.pk else None
    if url:
        data["url"] = url
    return {key: value for key, value in data.items() if value is not None}
