"""Calendars parsed back with the icalendar library; schema.org JSON-LD parsed as JSON."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.factories.core import OrganisationFactory
from tests.factories.events import BERLIN, EventIndexPageFactory, EventPageFactory


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(
        parent=index,
        title="Werksführung </script><b>",
        organiser=OrganisationFactory(name="Rheintec GmbH", website="https://rheintec.example/"),
        registration_required=True,
        registration_info="bis 10. September",
    )


def test_event_ics_parses_back(client, event):
    response = client.get(event.url + "kalender/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].endswith('.ics"')
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent.decoded("DTSTART") == datetime.datetime(2017, 9, 18, 10, 0, tzinfo=BERLIN)
    assert vevent.decoded("DTEND") == datetime.datetime(2017, 9, 18, 12, 0, tzinfo=BERLIN)
    assert str(vevent["UID"]) == f"event-{event.pk}@n3tzwerk.org"
    assert str(vevent["LOCATION"]) == "Werk Süd, Industriestraße 5, 50667 Köln"
    assert "Veranstalter: Rheintec GmbH" in str(vevent["DESCRIPTION"])
    assert "Anmeldung: bis 10. September" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]).endswith(event.url)
    assert "DTSTAMP" in vevent


def test_event_without_end_gets_a_default_duration(client, event):
    event.end = None
    event.save()
    vevent = Calendar.from_ical(client.get(event.url + "kalender/").content).walk("VEVENT")[0]
    assert vevent.decoded("DTEND") - vevent.decoded("DTSTART") == datetime.timedelta(hours=2)


def test_feed_lists_the_filtered_live_events(client, event):
    index = event.get_parent().specific
    EventPageFactory(parent=index, title="Leipzig", federal_state="SN", city="Leipzig", postcode="04109")
    EventPageFactory(parent=index, title="Entwurf", live=False)
    all_events = Calendar.from_ical(client.get(index.url + "kalender/").content).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in all_events) == sorted([event.title, "Leipzig"])
    saxony = Calendar.from_ical(client.get(index.url + "kalender/", {"land": "SN"}).content)
    assert [str(e["SUMMARY"]) for e in saxony.walk("VEVENT")] == ["Leipzig"]


def test_event_page_links_its_calendar(client, event):
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert soup.find("a", href=event.url + "kalender/")


def test_json_ld_is_a_schema_org_event(client, event):
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    (data,) = (json.loads(script.string) for script in scripts)  # one path: page_meta, no second script
    assert data["@type"] == "Event"
    assert data["@context"] == "https://schema.org"
    assert data["name"] == event.title  # "</script>" escaped inside, decoded back by JSON
    assert data["startDate"] == "2017-09-18T10:00:00+02:00"
    assert data["location"]["address"]["postalCode"] == "50667"
    assert data["location"]["geo"]["latitude"] == pytest.approx(50.9375)
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Rheintec GmbH",
        "url": "https://rheintec.example/",
    }
    assert data["url"].endswith(event.url)


def test_title_cannot_break_out_of_the_json_ld_script(client, event):
    html = client.get(event.url).content.decode()
    assert "</script><b>" not in html.split('type="application/ld+json">', 1)[1].split("</script>", 1)[0]
