"""The public forms' test data and pages: the event report and the materials order.

The fixtures (``index``, ``url``, ``order_page``, ``items``) are imported by the conftest of each
folder whose tests post to these forms.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories.core import ContactFactory, ImageFactory
from tests.factories.events import EventIndexPageFactory
from tests.factories.materials import MaterialsPageFactory, OrderCatalogueItemFactory, OrderPageFactory

YEAR = timezone.localdate().year + 1


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(
        parent=home_page,
        year=YEAR,
        week_start=datetime.date(YEAR, 9, 14),
        week_end=datetime.date(YEAR, 9, 20),
    )


@pytest.fixture
def url(index):
    return index.url + index.reverse_subpage("submit")


def event_data(**changes):
    """A valid event report, with ``changes`` (``None`` leaves a field out)."""
    data = {
        "title": "Blick hinter die Werkstore",
        "kind": "factory_tour",
        "audience": "everyone",
        "start": f"{YEAR}-09-16T14:00",
        "end": f"{YEAR}-09-16T16:30",
        "description": "Wir zeigen unsere Fertigung.",
        "organiser_name": "Musterwerk GmbH",
        "venue": "Werk Köln, Tor 3",
        "street": "Industriestraße 5",
        "postcode": "50667",
        "city": "Köln",
        "federal_state": "NW",
        "registration_required": "on",
        "registration_info": "bis 10. September",
        "registration_url": "https://www.example.org/anmeldung",
        "accessibility": "Stufenlos erreichbar",
        "submitter_name": "Erika Muster",
        "submitter_email": "erika@example.org",
        "submitter_phone": "0221 123456",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def order_page(home_page):
    index = EventIndexPageFactory(parent=home_page)
    materials = MaterialsPageFactory(parent=index)
    contact = ContactFactory(email="info@n3tzwerk.org", phone="030 1")
    return OrderPageFactory(parent=materials, contact=contact)


@pytest.fixture
def items(db):
    return {
        "poster": OrderCatalogueItemFactory(
            name="Plakat A1", max_quantity=20, sort_order=1, image=ImageFactory(alt_text="Plakat")
        ),
        "flyer": OrderCatalogueItemFactory(name="Flyer", max_quantity=500, sort_order=2),
        "rollup": OrderCatalogueItemFactory(name="Roll-up", max_quantity=1, sort_order=3),
        "old": OrderCatalogueItemFactory(name="Altes Plakat 2016", is_active=False, sort_order=4),
    }


def qty(item):
    return f"menge_{item.pk}"


ORDER_ADDRESS = {
    "name": "Erika Muster",
    "organisation": "IHK Beispielstadt",
    "email": "erika@example.org",
    "street": "Industriestraße 12",
    "postcode": "50667",
    "city": "Köln",
    "website": "",
}


def order_data(items, **overrides):
    """A valid order of ``items``, with ``overrides`` (``None`` leaves a field out)."""
    data = {
        **ORDER_ADDRESS,
        "comment": "Bitte bis 1. September liefern.",
        qty(items["poster"]): "5",
        qty(items["flyer"]): "0",
        qty(items["rollup"]): "1",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def token_of(response):
    field = BeautifulSoup(response.content, "html.parser").find("input", {"name": "submission_token"})
    assert field is not None and field.get("type") == "hidden"
    return field["value"]
