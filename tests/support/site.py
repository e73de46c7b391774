"""A small site: one page of every public type (``site``) and the remaining ones with an image
(``more_site``), for the fuzz tests and the HEAD test of every public address. The builders are plain
functions too, for ``WagtailPageTestCase`` classes (``setUpTestData`` cannot use fixtures)."""

import datetime

import pytest
from django.core.cache import cache

from tests.factories.accessibility import (
    AccessibilityStatementPageFactory,
    EasyLanguageIndexPageFactory,
    EasyLanguagePageFactory,
)
from tests.factories.core import DocumentFactory, ImageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.materials import MaterialsPageFactory, OrderCatalogueItemFactory, OrderPageFactory
from tests.factories.meetings import (
    ForumIndexPageFactory,
    ForumTopicPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
)
from tests.support.forms import YEAR


def build_site(home_page):
    """One page of every public type, with children, so that every listing and filter has data."""
    regions = RegionIndexPageFactory(parent=home_page)
    initiatives = InitiativeIndexPageFactory(parent=home_page)
    meetings = MeetingIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
    week = EventIndexPageFactory(
        parent=home_page,
        year=YEAR,
        week_start=datetime.date(YEAR, 9, 14),
        week_end=datetime.date(YEAR, 9, 20),
    )
    materials = MaterialsPageFactory(parent=week)
    pages = {
        "home": home_page,
        "regions": regions,
        "region": RegionPageFactory(parent=regions),
        "initiatives": initiatives,
        "initiative": InitiativePageFactory(parent=initiatives),
        "meetings": meetings,
        "meeting": MeetingPageFactory(parent=meetings),
        "forum": ForumIndexPageFactory(parent=home_page),
        "news_index": news,
        "news": NewsPageFactory(parent=news),
        "week": week,
        "event": EventPageFactory(parent=week),
        "materials": materials,
        "order": OrderPageFactory(parent=materials),
    }
    OrderCatalogueItemFactory(name="Plakat A1", max_quantity=20)
    pages["document"] = DocumentFactory(title="Bericht")
    return pages


def build_more_site(site):
    """``build_site``'s pages plus the remaining public page types and an image."""
    home = site["home"]
    easy = EasyLanguageIndexPageFactory(parent=home)
    return {
        **site,
        "topic": ForumTopicPageFactory(parent=site["forum"]),
        "standard": StandardPageFactory(parent=home),
        "statement": AccessibilityStatementPageFactory(parent=home),
        "easy": easy,
        "easy_page": EasyLanguagePageFactory(parent=easy),
        "image": ImageFactory(title="Plakat"),
    }


@pytest.fixture
def site(home_page):
    cache.clear()
    return build_site(home_page)


@pytest.fixture
def more_site(site):
    return build_more_site(site)
