"""The demo loader runner: the one ordered list DEMO_LOADERS, idempotent runs, load_demo_content."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Revision

from cms.core.demo import load_all, loader_paths, utils
from cms.core.models import Contact, CustomDocument, GoodPracticeCriterion, Organisation, Person
from home.demo import get_home_page
from home.models import StandardPage
from materials.demo import DOWNLOADS as MATERIALS_DOWNLOADS
from meetings.demo_documents import ALL_DOCUMENTS
from meetings.models import ForumSession, MeetingPresentation, MeetingSpeaker
from regions.models import InitiativePartner, RegionPage, RegionPartner

COUNTED_MODELS = [
    Page,
    Revision,
    CustomDocument,
    Organisation,
    Person,
    Contact,
    GoodPracticeCriterion,
    RegionPartner,
    InitiativePartner,
    MeetingSpeaker,
    MeetingPresentation,
    ForumSession,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


@pytest.fixture
def demo(db):
    return load_all()


def test_loader_is_idempotent(demo):
    assert demo.created  # the first run created content
    before = counts()
    second = load_all()
    assert second.created == []
    assert counts() == before


def test_loader_adds_what_is_missing_without_duplicates(demo):
    RegionPage.objects.get(slug="krefeld").delete()
    CustomDocument.objects.filter(title="Berufliche Bildung stärken – Eckpunkte").delete()
    load_all()
    assert RegionPage.objects.filter(slug="krefeld").count() == 1
    assert CustomDocument.objects.filter(title="Berufliche Bildung stärken – Eckpunkte").count() == 1
    assert CustomDocument.objects.count() == len(ALL_DOCUMENTS) + len(MATERIALS_DOWNLOADS)


def test_every_live_demo_page_answers_200(demo, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) >= 25
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


# The order of the loaders


def test_one_ordered_list_from_the_snippets_to_the_focus_area_links():
    paths = loader_paths()
    assert paths == settings.DEMO_LOADERS
    assert paths[:2] == ["cms.core.demo.snippets.load", "home.demo.load"]
    assert paths[-1] == "home.demo.link_focus_areas"
    assert len(paths) == len(set(paths))
    assert (
        paths.index("regions.demo.load") < paths.index("meetings.demo.load") < paths.index("news.demo.load")
    )


def extra_loader(log):
    """Stands in for another app's loader (e.g. events): adds a section under the home page."""
    home = get_home_page()
    assert home is not None  # the home loader ran first
    utils.ensure_child_page(log, home, StandardPage, "woche-der-industrie", title="Woche der Industrie")


def test_loaders_run_in_the_order_of_the_setting(db):
    path = f"{__name__}.extra_loader"
    loaders = ["cms.core.demo.snippets.load", "home.demo.load", path, "home.demo.link_focus_areas"]
    with override_settings(DEMO_LOADERS=loaders):
        assert loader_paths() == loaders
        load_all()
        before = counts()
        assert not load_all().created
        assert counts() == before
    assert not RegionPage.objects.exists()  # only the listed loaders ran
    links = {area.title: area.link_page for area in get_home_page().focus_areas.all()}
    assert links["Woche der Industrie"].slug == "woche-der-industrie"


def test_load_demo_content_command_reports(db):
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "angelegt" in out.getvalue()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert "nichts geändert" in out.getvalue()
