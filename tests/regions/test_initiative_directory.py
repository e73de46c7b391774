"""The initiative directory: filters by Land, kind, good practice and text; pagination; bad input."""

import re

import pytest
from bs4 import BeautifulSoup

from regions.models import InitiativePage, InitiativePartner
from tests.factories.core import OrganisationFactory
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
)


@pytest.fixture
def directory(home_page):
    index = InitiativeIndexPageFactory(parent=home_page, per_page=5)
    ruhr = InitiativePageFactory(
        parent=index,
        title="Bündnis für Industrie Ruhr",
        federal_state="NW",
        city="Dortmund",
        kind=InitiativePage.Kind.ALLIANCE,
        is_good_practice=True,
    )
    InitiativePartner.objects.create(page=ruhr, organisation=OrganisationFactory(name="IG Metall Dortmund"))
    InitiativePageFactory(
        parent=index,
        title="Industriedialog Augsburg",
        federal_state="BY",
        city="Augsburg",
        kind=InitiativePage.Kind.DIALOGUE,
    )
    InitiativePageFactory(
        parent=index,
        title="Zukunft Industrie Stuttgart",
        federal_state="BW",
        city="Stuttgart",
        kind=InitiativePage.Kind.INITIATIVE,
        summary="Kammern und Unternehmen gemeinsam für den Standort.",
        is_good_practice=True,
    )
    InitiativePageFactory(
        parent=index,
        title="Sozialpartner Köln",
        federal_state="NW",
        city="Köln",
        kind=InitiativePage.Kind.SOCIAL_PARTNERS,
    )
    InitiativePageFactory(parent=index, title="Entwurf NRW", federal_state="NW", live=False)
    return index


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".cards .card__title")]


def get(client, page, params=None):
    response = client.get(page.url, params or {})
    assert response.status_code == 200
    return response


def test_lists_live_initiatives_alphabetically(client, directory):
    response = get(client, directory)
    assert titles(response) == [
        "Bündnis für Industrie Ruhr",
        "Industriedialog Augsburg",
        "Sozialpartner Köln",
        "Zukunft Industrie Stuttgart",
    ]
    assert "4 Initiativen" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"land": "NW"}, ["Bündnis für Industrie Ruhr", "Sozialpartner Köln"]),
        ({"land": "BY"}, ["Industriedialog Augsburg"]),
        ({"land": "HB"}, []),
        ({"art": "dialogue"}, ["Industriedialog Augsburg"]),
        ({"good_practice": "on"}, ["Bündnis für Industrie Ruhr", "Zukunft Industrie Stuttgart"]),
        ({"q": "augsburg"}, ["Industriedialog Augsburg"]),  # title and city, case-insensitive
        ({"q": "Kammern"}, ["Zukunft Industrie Stuttgart"]),  # summary
        ({"q": "IG Metall"}, ["Bündnis für Industrie Ruhr"]),  # partner organisation
        ({"land": "NW", "good_practice": "on"}, ["Bündnis für Industrie Ruhr"]),
        ({"land": "NW", "art": "social_partners", "q": "Köln"}, ["Sozialpartner Köln"]),
        # One normalisation with the site search (cms.core.text): umlaut spellings, case, words.
        ({"q": "Buendnis"}, ["Bündnis für Industrie Ruhr"]),
        ({"q": "BÜNDNIS"}, ["Bündnis für Industrie Ruhr"]),
        ({"q": "Koeln"}, ["Sozialpartner Köln"]),
        ({"q": "Buendnis Dortmund"}, ["Bündnis für Industrie Ruhr"]),  # title and city
        ({"land": "BW", "art": "dialogue"}, []),
    ],
)
def test_filters(client, directory, params, expected):
    response = get(client, directory, params)
    assert titles(response) == expected
    html = response.content.decode()
    assert "gefunden" in html
    if not expected:
        assert "Keine Initiative entspricht diesen Filtern." in html


def test_partner_match_lists_an_initiative_once(client, directory):
    ruhr = InitiativePage.objects.get(title="Bündnis für Industrie Ruhr")
    InitiativePartner.objects.create(page=ruhr, organisation=OrganisationFactory(name="IG Metall NRW"))
    assert titles(get(client, directory, {"q": "IG Metall"})) == ["Bündnis für Industrie Ruhr"]


def test_form_keeps_the_chosen_filters(client, directory):
    soup = BeautifulSoup(
        get(client, directory, {"land": "NW", "art": "alliance", "q": "Ruhr"}).content, "html.parser"
    )
    assert soup.select_one("#id_land option[selected]")["value"] == "NW"
    assert soup.select_one("#id_art option[selected]")["value"] == "alliance"
    assert soup.select_one("#id_q")["value"] == "Ruhr"
    assert soup.find("a", string="Alle Filter zurücksetzen")["href"] == directory.url


def test_region_badge(client, directory, home_page):
    regions = RegionIndexPageFactory(parent=home_page)
    ruhr = InitiativePage.objects.get(title="Bündnis für Industrie Ruhr")
    RegionPageFactory(parent=regions, title="Ruhrgebiet", initiative=ruhr)
    assert "Modellregion Ruhrgebiet" in get(client, directory).content.decode()


@pytest.fixture
def long_directory(home_page):
    index = InitiativeIndexPageFactory(parent=home_page, per_page=5)
    for n in range(12):
        InitiativePageFactory(
            parent=index, title=f"Initiative {n:02d}", federal_state="NW" if n % 2 else "BY"
        )
    return index


def test_pagination(client, long_directory):
    first = get(client, long_directory)
    assert titles(first) == [f"Initiative {n:02d}" for n in range(5)]
    assert "Seite 1 von 3" in first.content.decode()
    third = get(client, long_directory, {"seite": "3"})
    assert titles(third) == ["Initiative 10", "Initiative 11"]
    assert "Initiativen – Seite 3" in third.content.decode()  # the <title> names the page


def test_pagination_links_keep_the_filters_and_are_shareable(client, long_directory):
    response = get(client, long_directory, {"land": "NW", "seite": "1"})
    soup = BeautifulSoup(response.content, "html.parser")
    next_link = soup.find("a", rel="next")["href"]
    assert next_link == "?land=NW&seite=2"  # no duplicated "seite"
    shared = client.get(long_directory.url + next_link)
    assert titles(shared) == ["Initiative 11"]
    assert "Seite 2 von 2" in shared.content.decode()


@pytest.mark.parametrize(
    ("seite", "shown", "message"),
    [
        ("abc", "Initiative 00", "„abc“ ist keine gültige Seitenzahl. Angezeigt wird Seite 1."),
        ("-1", "Initiative 00", "„-1“ ist keine gültige Seitenzahl. Angezeigt wird Seite 1."),
        ("0", "Initiative 00", "„0“ ist keine gültige Seitenzahl. Angezeigt wird Seite 1."),
        ("2.5", "Initiative 00", "„2.5“ ist keine gültige Seitenzahl."),
        ("99", "Initiative 10", "Seite 99 gibt es nicht. Angezeigt wird die letzte Seite (3)."),
        ("9" * 5000, "Initiative 10", "gibt es nicht. Angezeigt wird die letzte Seite (3)."),
    ],
)
def test_bad_page_numbers_show_a_german_notice(client, long_directory, seite, shown, message):
    response = get(client, long_directory, {"seite": seite})
    assert titles(response)[0] == shown
    assert message in response.content.decode()


def test_good_page_number_has_no_notice(client, long_directory):
    assert 'class="notice"' not in get(client, long_directory, {"seite": "2"}).content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"land": "XX"}, "„XX“ ist kein Bundesland. Bitte wählen Sie aus der Liste."),
        ({"land": "<script>"}, "„&lt;script&gt;“ ist kein Bundesland."),
        ({"art": "verein"}, "„verein“ ist keine bekannte Art. Bitte wählen Sie aus der Liste."),
        ({"q": "x" * 5000}, "Der Suchbegriff ist zu lang (höchstens 100 Zeichen)."),
    ],
)
def test_bad_filters_give_a_german_message_and_are_ignored(client, directory, params, message):
    response = get(client, directory, params)
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert len(titles(response)) == 4  # the invalid filter narrows nothing
    field = next(iter(params))
    soup = BeautifulSoup(html, "html.parser")
    control = soup.select_one(f"#id_{field}")
    assert control["aria-invalid"] == "true"
    error = soup.find(id=control["aria-describedby"])
    assert error is not None and error.get_text(strip=True)


def test_bad_filter_does_not_drop_the_good_ones(client, directory):
    response = get(client, directory, {"land": "NW", "art": "unbekannt"})
    assert titles(response) == ["Bündnis für Industrie Ruhr", "Sozialpartner Köln"]
    assert "keine bekannte Art" in response.content.decode()


def test_control_characters_are_removed_from_the_search_term(client, directory):
    response = get(client, directory, {"q": "Augs\x07burg\x1b"})
    assert titles(response) == ["Industriedialog Augsburg"]


def test_null_character_is_refused_in_german(client, directory):
    response = get(client, directory, {"q": "Augs\x00burg"})
    html = response.content.decode()
    assert "Nullzeichen sind nicht erlaubt." in html
    assert len(titles(response)) == 4


def test_repeated_parameters_use_the_last_value(client, directory):
    response = client.get(f"{directory.url}?land=BY&land=NW&seite=abc&seite=1")
    assert response.status_code == 200
    assert titles(response) == ["Bündnis für Industrie Ruhr", "Sozialpartner Köln"]
    assert 'class="notice"' not in response.content.decode()


def test_unicode_and_sql_like_search_terms(client, directory):
    assert titles(get(client, directory, {"q": "Köln"})) == ["Sozialpartner Köln"]
    assert titles(get(client, directory, {"q": "%"})) == []
    assert titles(get(client, directory, {"q": "' OR 1=1 --"})) == []


def test_result_count_is_announced(client, directory):
    html = get(client, directory, {"land": "BY"}).content.decode()
    assert re.search(r'<h2 id="results-heading" aria-live="polite">1 Initiative gefunden</h2>', html)


def test_names_with_and_without_hyphen_find_each_other(client, home_page):
    index = InitiativeIndexPageFactory(parent=home_page)
    InitiativePageFactory(parent=index, title="Industrie (Nord-Westfalen)", city="Münster")
    InitiativePageFactory(parent=index, title="Bündnis Nordwestfalen", city="Bocholt")
    InitiativePageFactory(parent=index, title="Industrie Westfalen-Mitte", city="Hamm")
    for query in ("Nordwestfalen", "Nord-Westfalen", "nord westfalen"):
        found = sorted(titles(get(client, index, {"q": query})))
        assert found == ["Bündnis Nordwestfalen", "Industrie (Nord-Westfalen)"], query
