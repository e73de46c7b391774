"""A small German corpus for the search tests: initiatives, a region, a meeting with a presentation;
``write`` for the text extraction tests."""

import datetime

import pytest

from tests.factories.core import DocumentFactory
from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory, MeetingPresentationFactory
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
)


@pytest.fixture
def corpus(home_page, django_capture_on_commit_callbacks):
    initiatives = InitiativeIndexPageFactory(parent=home_page)
    alliance = InitiativePageFactory(
        parent=initiatives,
        title="Bündnis für Industrie Thüringen",
        federal_state="TH",
        summary="Gewerkschaften und Kammern bilden ein starkes Netz für die Industrie in Thüringen.",
    )
    dialogue = InitiativePageFactory(
        parent=initiatives,
        title="Industriedialog Baden-Württemberg",
        federal_state="BW",
        summary="Der Dialog von Landesregierung, Verbänden und Beschäftigten über die Straße der Zukunft.",
    )
    regions = RegionIndexPageFactory(parent=home_page)
    region = RegionPageFactory(
        parent=regions,
        title="Krefeld",
        federal_state="NW",
        summary="Die Region am Niederrhein setzt auf regionale Industriebündnisse.",
    )
    meetings = MeetingIndexPageFactory(parent=home_page)
    meeting = MeetingPageFactory(
        parent=meetings,
        title="3. Treffen der Initiativen",
        date=datetime.date(2017, 4, 5),
        summary="Bericht über das Treffen in Berlin.",
    )
    with django_capture_on_commit_callbacks(execute=False):
        document = DocumentFactory(title="Vortrag Geiger")
    # What the extraction task stores (tests/search/test_extraction.py covers the extraction itself).
    document.extracted_text = (
        "Einleitung. " + "Allgemeine Worte über Arbeit. " * 20
        + "Unsere Wasserstoffstrategie verbindet Stahlwerke und Häfen. " + "Schluss. " * 20
    )  # fmt: skip
    document.extraction_status = "done"
    document.save(update_fields=["extracted_text", "extraction_status"])
    presentation = MeetingPresentationFactory(page=meeting, document=document, speaker=None)
    meeting.save()  # publishing the meeting links its presentations
    return {
        "alliance": alliance,
        "dialogue": dialogue,
        "region": region,
        "meeting": meeting,
        "document": document,
        "presentation": presentation,
    }


@pytest.fixture
def write(tmp_path):
    """write(name, data) -> path of a new file with ``data`` in a temporary folder."""

    def write(name, data):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def search_cache(settings):
    """The page cache and the search's render cache on, empty before and after the test."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 3600
    settings.SEARCH_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()
