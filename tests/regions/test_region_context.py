"""Region index, region page and initiative page: what their get_context puts on the page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from cms.core.maps import HEIGHT as MAP_HEIGHT
from cms.core.maps import WIDTH as MAP_WIDTH
from cms.core.maps import project
from tests.factories.core import ContactFactory, GoodPracticeCriterionFactory, OrganisationFactory
from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
    RegionPartnerFactory,
)


@pytest.fixture
def region_index(home_page):
    return RegionIndexPageFactory(parent=home_page, contact=ContactFactory(label="Regionale Dialoge"))


def context_of(page, path="/"):
    request = RequestFactory().get(path)
    return page.get_context(request)


def test_region_index_lists_live_public_regions_by_title(client, region_index):
    RegionPageFactory(parent=region_index, title="Stuttgart")
    RegionPageFactory(parent=region_index, title="Augsburg")
    RegionPageFactory(parent=region_index, title="Entwurf", live=False)
    private = RegionPageFactory(parent=region_index, title="Geheim")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")  # noqa: S106
    assert [r.title for r in context_of(region_index)["regions"]] == ["Augsburg", "Stuttgart"]
    html = client.get(region_index.url).content.decode()
    assert "Augsburg" in html and "Stuttgart" in html
    assert "Entwurf" not in html and "Geheim" not in html
    assert "Kontakt: Regionale Dialoge" in html


def test_region_index_without_regions(client, region_index):
    html = client.get(region_index.url).content.decode()
    assert "Noch keine Modellregionen veröffentlicht." in html
    assert "<svg" not in html  # no empty map


def test_region_index_map_places_regions_with_coordinates(client, region_index):
    RegionPageFactory(parent=region_index, title="Stuttgart", latitude="48.77845", longitude="9.18001")
    RegionPageFactory(parent=region_index, title="Ohne Lage", latitude=None, longitude=None)
    soup = BeautifulSoup(client.get(region_index.url).content, "html.parser")
    markers = soup.select("svg circle.region-map__marker")
    assert [m.title.get_text() for m in markers] == ["Stuttgart"]
    x, y = project(48.77845, 9.18001)
    assert (markers[0]["cx"], markers[0]["cy"]) == (f"{x:.1f}", f"{y:.1f}")
    assert soup.select("svg .region-map__states path"), "the map draws Germany's states"
    assert 0 < x < MAP_WIDTH and 0 < y < MAP_HEIGHT
    assert "Lage von 1 Modellregion;" in soup.find("desc").get_text()


def test_map_projection_corners():
    assert project(55.1, 5.8) == (0, 0)
    assert project(47.2, 15.1) == (MAP_WIDTH, MAP_HEIGHT)


def test_region_page_shows_initiative_partners_and_meetings(client, home_page, region_index):
    initiatives = InitiativeIndexPageFactory(parent=home_page)
    initiative = InitiativePageFactory(
        parent=initiatives, title="Bündnis Stuttgart", summary="Gemeinsam stark."
    )
    region = RegionPageFactory(parent=region_index, title="Stuttgart", initiative=initiative)
    RegionPartnerFactory(
        page=region,
        organisation=OrganisationFactory(name="IHK Stuttgart", website="https://ihk.example/"),
        role="Projektpartner",
    )
    RegionPartnerFactory(page=region, organisation=OrganisationFactory(name="IG Metall"))
    meetings = MeetingIndexPageFactory(parent=home_page)
    old = MeetingPageFactory(parent=meetings, title="Erstes Treffen", date=datetime.date(2016, 3, 1))
    new = MeetingPageFactory(parent=meetings, title="Zweites Treffen", date=datetime.date(2017, 9, 1))
    draft = MeetingPageFactory(
        parent=meetings, title="Entwurfstreffen", date=datetime.date(2018, 1, 1), live=False
    )
    unrelated = MeetingPageFactory(parent=meetings, title="Anderes Treffen")
    for meeting in (old, new, draft):
        meeting.related_regions.add(region)
        meeting.save()
    unrelated.save()

    context = context_of(region)
    assert [m.title for m in context["related_meetings"]] == ["Zweites Treffen", "Erstes Treffen"]
    assert [p.organisation.name for p in context["partners"]] == ["IHK Stuttgart", "IG Metall"]

    soup = BeautifulSoup(client.get(region.url).content, "html.parser")
    initiative_box = soup.find(id="initiative-heading").parent
    assert initiative_box.find("a")["href"] == initiative.url
    assert "Gemeinsam stark." in initiative_box.get_text()
    partners = [li.get_text(" ", strip=True) for li in soup.select(".partner-list li")]
    assert partners == ["IHK Stuttgart – Projektpartner", "IG Metall"]
    assert soup.find("a", string="IHK Stuttgart")["href"] == "https://ihk.example/"
    meetings_list = soup.find(id="meetings-heading").parent
    assert [a.get_text() for a in meetings_list.find_all("a")] == ["Zweites Treffen", "Erstes Treffen"]
    location = soup.find(id="location-heading").parent
    assert "Koordinaten: 48,77845° N, 9,18001° O" in location.get_text(" ", strip=True).replace(" ,", ",")
    assert location.find("title").get_text() == "Lage der Modellregion Stuttgart in Deutschland"

    # …and the initiative names the region it belongs to.
    html = client.get(initiative.url).content.decode()
    assert "Modellregion Stuttgart" in html


def test_region_page_without_extras(client, region_index):
    region = RegionPageFactory(parent=region_index, latitude=None, longitude=None)
    soup = BeautifulSoup(client.get(region.url).content, "html.parser")
    for heading_id in ("initiative-heading", "partners-heading", "meetings-heading", "location-heading"):
        assert soup.find(id=heading_id) is None


@pytest.mark.django_db  # a new page looks up its default locale, unless an earlier test cached it
def test_region_has_location():
    from regions.models import RegionPage

    assert RegionPage(latitude=48, longitude=9).has_location
    assert not RegionPage(latitude=48).has_location


def test_initiative_page_shows_good_practice_criteria(client, home_page):
    index = InitiativeIndexPageFactory(parent=home_page)
    criterion = GoodPracticeCriterionFactory(name="Breite Beteiligung", description="Alle sitzen am Tisch.")
    initiative = InitiativePageFactory(parent=index, is_good_practice=True, founded_year=2014)
    initiative.good_practice_criteria.add(criterion)
    initiative.save()
    html = client.get(initiative.url).content.decode()
    assert "<strong>Breite Beteiligung</strong>: Alle sitzen am Tisch." in html
    assert "<dd>2014</dd>" in html


def test_drafts_are_never_linked(client, home_page, region_index):
    initiatives = InitiativeIndexPageFactory(parent=home_page)
    draft_initiative = InitiativePageFactory(parent=initiatives, title="Entwurfsinitiative", live=False)
    live_initiative = InitiativePageFactory(parent=initiatives, title="Live-Initiative")
    region = RegionPageFactory(parent=region_index, title="Region A", initiative=draft_initiative)
    RegionPageFactory(parent=region_index, title="Entwurfsregion", initiative=live_initiative, live=False)

    assert "Entwurfsinitiative" not in client.get(region.url).content.decode()
    assert "Entwurfsinitiative" not in client.get(region_index.url).content.decode()
    directory = client.get(initiatives.url).content.decode()
    assert "Modellregion Entwurfsregion" not in directory
    assert "Entwurfsregion" not in client.get(live_initiative.url).content.decode()

    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home_page))
    meeting.related_initiatives.add(draft_initiative, live_initiative)
    meeting.related_regions.add(region)
    meeting.save()
    html = client.get(meeting.url).content.decode()
    assert "Live-Initiative" in html and "Modellregion Region A" in html
    assert "Entwurfsinitiative" not in html
