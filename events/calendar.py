"""Calendars (built by cms.core.ical) and the schema.org data of events.

The schema.org ``Event`` is a plain dict: ``EventPage.structured_data`` hands it to the site's one
JSON-LD path (``cms.core.seo.json_ld`` via the ``page_meta`` tag), like every other page type.
"""

import datetime

from django.utils import timezone

from cms.core import ical

PRODUCT = "Woche der Industrie"
DEFAULT_DURATION = datetime.timedelta(hours=2)


def _location(event):
    return ", ".join(part for part in (event.venue, event.address_line) if part)


def calendar_entry(event, request=None):
    """One event as an entry of the shared iCalendar builder (UID ``event-<pk>@ICAL_UID_DOMAIN``)."""
    description = [event.description]
    if event.organiser_display:
        description.append(f"Veranstalter: {event.organiser_display}")
    if event.registration_info or event.registration_required:
        description.append(f"Anmeldung: {event.registration_info or 'erforderlich'}")
    return ical.Entry(
        kind="event",
        pk=event.pk,
        start=event.start,
        end=event.end or event.start + DEFAULT_DURATION,
        summary=event.title,
        description="\n\n".join(part for part in description if part),
        location=_location(event),
        url=event.get_full_url(request) or "",
        geo=(float(event.latitude), float(event.longitude)) if event.has_location else None,
        last_modified=event.last_published_at,
    )


def event_calendar_response(event, request=None):
    """The .ics file of one event, as a download."""
    return ical.calendar_response(
        event.title, PRODUCT, [calendar_entry(event, request)], f"{event.slug}.ics", attachment=True
    )


def events_calendar_response(index, events, request=None):
    """The calendar feed of an index page's events (already filtered)."""
    entries = [calendar_entry(event, request) for event in events]
    return ical.calendar_response(index.title, PRODUCT, entries, f"woche-der-industrie-{index.year}.ics")


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
