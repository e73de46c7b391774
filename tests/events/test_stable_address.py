"""The stable address of the current week (/woche/…, events.views.current_week_redirect): a temporary,
uncached redirect to the current week's own address, which changes every year (Issue 19)."""

import datetime
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import weeks
from events.models import STABLE_SLUG
from tests.factories.events import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def week(home_page):
    week = EventIndexPageFactory(parent=home_page, year=2017)
    EventPageFactory(parent=week, slug="001-koeln")
    return week


def location(response):
    assert response.status_code == 302, response.status_code
    return response["Location"]


def test_root_and_sub_paths_redirect_to_the_current_week_with_the_query_string(client, week):
    assert location(client.get("/woche/")) == "/woche-der-industrie-2017/"
    assert location(client.get("/woche/karte/")) == "/woche-der-industrie-2017/karte/"
    assert location(client.get("/woche/anmelden/danke/")) == "/woche-der-industrie-2017/anmelden/danke/"
    assert location(client.get("/woche/?land=NW&seite=2")) == "/woche-der-industrie-2017/?land=NW&seite=2"
    assert (
        location(client.get("/woche/karte/?art=open_day")) == "/woche-der-industrie-2017/karte/?art=open_day"
    )
    # The target is the real page.
    assert client.get("/woche/001-koeln/", follow=True).status_code == 200
    assert client.get("/woche/karte/", follow=True).status_code == 200


def test_the_redirect_is_temporary_and_kept_by_no_cache(client, week):
    response = client.get("/woche/")
    assert response.status_code == 302
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert client.head("/woche/").status_code == 302
    assert client.post("/woche/").status_code == 405


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_does_not_keep_the_redirect_when_the_week_changes(client, week):
    assert location(client.get("/woche/")) == "/woche-der-industrie-2017/"
    new = weeks.create_next_week(week, year=2018, week_start=None, week_end=None, live=True)
    assert location(client.get("/woche/karte/")) == f"{new.url}karte/"
    assert location(client.get("/woche/")) == new.url == "/woche-der-industrie-2018/"


def test_the_address_follows_the_week_published_with_the_yearly_action(client, week):
    new = weeks.create_next_week(
        week, year=2018, week_start=datetime.date(2018, 9, 15), week_end=datetime.date(2018, 9, 23)
    )
    assert location(client.get("/woche/")) == week.url  # a draft changes nothing
    new.get_latest_revision().publish()
    assert location(client.get("/woche/anmelden/")) == "/woche-der-industrie-2018/anmelden/"


def test_without_a_current_week_the_sites_404_page(client, home_page):
    response = client.get("/woche/karte/?land=NW")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
    draft = EventIndexPageFactory(parent=home_page, live=False)
    assert draft.pk and client.get("/woche/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/woche/../admin/",
        "/woche/karte/../../admin/",
        "/woche/%2e%2e/",
        "/woche/%2F%2Fevil.example/",
        "/woche//evil.example/",
        "/woche/karte%00/",
        "/woche/\x00/",
        "/woche/" + "a" * 5000 + "/",
        "/woche/" + "a/" * 400,
        "/woche/datei.php",
        "/woche/%ff%fe/",
        "/woche/%0d%0aSet-Cookie:x=1/",
    ],
)
def test_bad_sub_paths_are_404_never_500(client, week, path):
    assert client.get(path).status_code == 404


def test_odd_query_strings_stay_on_the_site(client, week):
    target = location(client.get("/woche/", QUERY_STRING="a=%0d%0aSet-Cookie:x&b=ä&c=//evil.example"))
    assert target.startswith("/woche-der-industrie-2017/?") and "\r" not in target and "\n" not in target
    assert "Set-Cookie" not in client.get("/woche/", QUERY_STRING="x=\r\nSet-Cookie: y=1").cookies


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subpath=st.text(max_size=80))
def test_no_sub_path_answers_with_a_500(week, subpath):
    response = Client().get("/woche/" + quote(subpath, safe="/"))
    assert response.status_code in (301, 302, 404), (subpath, response.status_code)
    if response.status_code == 302:
        assert response["Location"].startswith("/woche-der-industrie-2017/")


def test_a_week_cannot_take_the_stable_address(week):
    week.slug = STABLE_SLUG
    with pytest.raises(ValidationError) as error:
        week.full_clean()
    assert "feste Adresse" in str(error.value.message_dict["slug"])
    with pytest.raises(weeks.WeekExists):
        weeks.create_next_week(week, year=2018, week_start=None, week_end=None, slug=STABLE_SLUG)


def test_the_materials_page_gives_partners_the_stable_address(client, week):
    from tests.factories.materials import MaterialsPageFactory

    materials = MaterialsPageFactory(parent=week)
    soup = BeautifulSoup(client.get(materials.url).content, "html.parser")
    link = soup.select_one("#stable-address-heading").find_next("a")
    assert link["href"] == "/woche/" and link.text == "testserver/woche/"
    assert (
        location(client.get("/woche/materialien/"))
        == f"{week.url}materialien/"
        == "/woche-der-industrie-2017/materialien/"
    )
