"""The event list: filters (with bad values), totals, pagination, bounded queries."""

import datetime

import pytest
from bs4 import BeautifulSoup

from events.models import EventPage
from tests.factories.events import BERLIN, EventIndexPageFactory, EventPageFactory
from tests.support.queries import query_count


@pytest.fixture
def index(home_page):
    index = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=index, title="Werksführung Köln", city="Köln", postcode="50667")
    EventPageFactory(
        parent=index,
        title="Diskussion Leipzig",
        kind=EventPage.Kind.DISCUSSION,
        city="Leipzig",
        postcode="04109",
        federal_state="SN",
        start=datetime.datetime(2017, 9, 20, 18, 0, tzinfo=BERLIN),
    )
    EventPageFactory(
        parent=index,
        title="Ausstellung Dresden",
        kind=EventPage.Kind.EXHIBITION,
        city="Dresden",
        postcode="01067",
        federal_state="SN",
        start=datetime.datetime(2017, 9, 19, 9, 0, tzinfo=BERLIN),
        end=datetime.datetime(2017, 9, 21, 17, 0, tzinfo=BERLIN),
    )
    EventPageFactory(parent=index, title="Entwurf", live=False)
    return index


def titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return [event.title for event in response.context["events"]], response


def test_lists_live_events_soonest_first_with_totals(client, index):
    found, response = titles(client, index.url)
    assert found == ["Werksführung Köln", "Ausstellung Dresden", "Diskussion Leipzig"]
    assert response.context["totals"] == {"events": 3, "states": 2, "cities": 3}
    assert "3 Veranstaltungen in 2 Ländern und 3 Orten" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"land": "SN"}, ["Ausstellung Dresden", "Diskussion Leipzig"]),
        ({"art": "discussion"}, ["Diskussion Leipzig"]),
        ({"ort": "leipzig"}, ["Diskussion Leipzig"]),
        ({"ort": "Koeln"}, ["Werksführung Köln"]),  # umlaut spelling (cms.core.text)
        ({"ort": "KÖLN"}, ["Werksführung Köln"]),
        ({"ort": "0"}, ["Ausstellung Dresden", "Diskussion Leipzig"]),  # postcode prefix
        ({"ort": "50667"}, ["Werksführung Köln"]),
        ({"tag": "2017-09-20"}, ["Ausstellung Dresden", "Diskussion Leipzig"]),  # multi-day exhibition
        ({"tag": "2017-09-18", "land": "SN"}, []),
    ],
)
def test_filters(client, index, params, expected):
    assert titles(client, index.url, **params)[0] == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"land": "XX"}, "„XX“ ist kein Bundesland"),
        ({"art": "rave"}, "„rave“ ist keine bekannte Art"),
        ({"tag": "2017-13-45"}, "ist kein Tag dieser Woche"),
        ({"tag": "2016-01-01"}, "ist kein Tag dieser Woche"),
        ({"ort": "123456789"}, "Postleitzahlen haben fünf Ziffern"),
        ({"ort": "x" * 200}, "Der Ort ist zu lang"),
        ({"seite": "abc"}, "ist keine gültige Seitenzahl"),
        ({"seite": "999"}, "Seite 999 gibt es nicht"),
    ],
)
def test_bad_values_give_a_german_message_and_the_list(client, index, params, message):
    found, response = titles(client, index.url, **params)
    assert message in response.content.decode()
    assert len(found) == 3  # the unusable filter is left out


def test_valid_filter_still_applies_next_to_a_bad_one(client, index):
    found, response = titles(client, index.url, land="SN", art="rave")
    assert found == ["Ausstellung Dresden", "Diskussion Leipzig"]
    assert response.context["filter_form"].errors["art"]


def test_control_characters_in_place_are_dropped(client, index):
    assert titles(client, index.url, ort="Leip\x07zig")[0] == ["Diskussion Leipzig"]


def test_null_character_is_reported(client, index):
    found, response = titles(client, index.url, ort="Leip\x00zig")
    assert len(found) == 3
    assert "Nullzeichen sind nicht erlaubt" in str(response.context["filter_form"].errors["ort"])


def test_filter_fields_are_labelled_and_errors_linked(client, index):
    response = client.get(index.url, {"land": "XX"})
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", class_="filter-form")
    for control in form.find_all(["input", "select"]):
        assert form.find("label", attrs={"for": control["id"]}), control
    assert "id_land_error" in soup.find(id="id_land")["aria-describedby"]


def test_pagination_keeps_the_filters(client, home_page):
    index = EventIndexPageFactory(parent=home_page, per_page=10)
    for n in range(12):
        EventPageFactory(parent=index, title=f"Termin {n:02d}", federal_state="BY", city="München")
    found, response = titles(client, index.url, land="BY", seite="2")
    assert len(found) == 2
    assert 'href="?land=BY&amp;seite=1"' in response.content.decode()


def make_events(index, n):
    for i in range(n):
        EventPageFactory(parent=index, title=f"Veranstaltung {i}", city=f"Ort {i % 7}")


@pytest.mark.parametrize("route", ["", "karte/", "kalender/"])
def test_query_count_does_not_grow_with_events(client, home_page, route):
    small = EventIndexPageFactory(parent=home_page, slug="klein")
    large = EventIndexPageFactory(parent=home_page, slug="gross")
    make_events(small, 3)
    make_events(large, 40)
    assert query_count(client, small.url + route) == query_count(client, large.url + route)


def test_home_page_shows_the_totals_of_the_current_week(client, index, home_page):
    EventIndexPageFactory(parent=home_page, slug="woche-2016", year=2016, title="Woche der Industrie 2016")
    response = client.get(home_page.url)
    assert response.context["event_week"].pk == index.pk
    # The home page's key figures of the current week (tests/home/test_key_figures.py): 2016 is older.
    section = BeautifulSoup(response.content, "html.parser").select_one("section.key-figures")
    figures = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in section.select("dl > div")}
    assert figures == {"Veranstaltungen": "3", "Bundesländer": "2", "Orte": "3"}


def test_events_are_found_by_the_site_search_with_state_and_year(client, index):
    response = client.get("/suche/", {"q": "Diskussion Leipzig"})
    [result] = response.context["results"]
    assert result["kind"] == "event"
    assert result["state"] == "Sachsen"
    assert result["year"] == 2017
    assert result["url"].endswith("/diskussion-leipzig/")


def test_index_links_its_other_pages_but_not_the_events(client, index):
    from tests.factories.materials import MaterialsPageFactory

    MaterialsPageFactory(parent=index)
    response = client.get(index.url)
    assert [p.title for p in response.context["section_pages"]] == ["Signet und Motive"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#section-pages-heading").find_next("a")["href"].endswith("/materialien/")
