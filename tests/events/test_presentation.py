"""What the week's pages say beyond the data: past events, an empty week, filtered totals."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories.events import EventIndexPageFactory, EventPageFactory


def soup_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def test_a_past_event_says_so_and_its_calendar_link_is_secondary(client, index):
    event = EventPageFactory(parent=index)  # 2017
    soup = soup_of(client, event.url)
    assert (
        soup.select_one(".event__status").get_text(strip=True)
        == "Diese Veranstaltung hat bereits stattgefunden."
    )
    calendar = soup.find("a", href=event.url + "kalender/")
    assert "button--secondary" in calendar["class"]
    listed = soup_of(client, index.url).select_one(".event-list__item")
    assert "is-past" in listed["class"]
    assert listed.select_one(".badge--past").get_text() == "vorbei"


def test_a_coming_event_is_not_marked_past(client, index):
    start = timezone.now() + datetime.timedelta(days=10)
    event = EventPageFactory(parent=index, start=start, end=start + datetime.timedelta(hours=2))
    assert not event.is_past
    soup = soup_of(client, event.url)
    assert soup.select_one(".event__status") is None
    assert "button--secondary" not in soup.find("a", href=event.url + "kalender/")["class"]
    assert soup_of(client, index.url).select(".badge--past") == []


def test_a_running_event_is_not_past_until_it_ends(index):
    start = timezone.now() - datetime.timedelta(hours=1)
    event = EventPageFactory.build(start=start, end=start + datetime.timedelta(hours=3))
    assert not event.is_past
    event.end = None
    assert event.is_past  # without an end, it is past once it has started


def test_an_empty_week_without_filters_does_not_blame_the_filters(client, index):
    empty = soup_of(client, index.url).select_one(".event-list .empty").get_text(" ", strip=True)
    assert "Filtern" not in empty
    assert empty.startswith("Für diese Woche ist noch keine Veranstaltung veröffentlicht.")


def test_an_empty_filtered_list_names_the_filters(client, index):
    EventPageFactory(parent=index)
    empty = soup_of(client, index.url, land="SN").select_one(".event-list .empty").get_text(" ", strip=True)
    assert empty.startswith("Keine Veranstaltung entspricht diesen Filtern.")


def test_filtered_list_shows_filtered_totals(client, index):
    EventPageFactory(parent=index)
    EventPageFactory(parent=index, city="Leipzig", postcode="04109", federal_state="SN")
    assert soup_of(client, index.url).select_one(".event-totals").get_text(strip=True) == (
        "2 Veranstaltungen in 2 Ländern und 2 Orten"
    )
    assert soup_of(client, index.url, land="SN").select_one(".event-totals").get_text(strip=True) == (
        "1 Veranstaltung in 1 Land"
    )


def test_an_event_page_shows_its_place_on_a_small_map(client, index):
    event = EventPageFactory(parent=index)  # Köln, NW
    soup = soup_of(client, event.url)
    figure = soup.select_one("figure.event-place-map")
    assert "Lage: Köln in Nordrhein-Westfalen" in figure.figcaption.get_text(" ", strip=True)
    assert figure.find("a")["href"] == index.url + "karte/?land=NW"
    assert len(figure.select("path.is-selected")) == 1
    place = figure.select_one(".event-map__layer svg")
    assert 0 < float(place["x"][:-1]) < 100 and 0 < float(place["y"][:-1]) < 100


def test_an_event_without_coordinates_has_no_map(client, index):
    event = EventPageFactory(parent=index, latitude=None, longitude=None)
    assert soup_of(client, event.url).select_one("figure.event-place-map") is None


def test_an_event_page_has_a_meta_description_from_its_text(client, index):
    event = EventPageFactory(parent=index, description="Ein Rundgang durch die Fertigung.")
    meta = soup_of(client, event.url).find("meta", attrs={"name": "description"})
    assert meta["content"] == "Ein Rundgang durch die Fertigung."
