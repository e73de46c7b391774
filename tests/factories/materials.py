import datetime

import factory
import wagtail_factories

from events.models import EventIndexPage
from materials.models import (
    MaterialDownload,
    MaterialsPage,
    Order,
    OrderCatalogueItem,
    OrderLine,
    OrderPage,
)
from tests.factories.core import DocumentFactory


class EventIndexPageFactory(wagtail_factories.PageFactory):
    """A minimal week index page, the usual parent of the materials pages."""

    class Meta:
        model = EventIndexPage

    title = "Woche der Industrie 2017"
    slug = "woche-der-industrie"
    year = 2017
    week_start = datetime.date(2017, 9, 16)
    week_end = datetime.date(2017, 9, 24)


class MaterialsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MaterialsPage

    title = "Signet und Motive"
    slug = "materialien"
    intro = "<p>Alles für Ihre Veranstaltung.</p>"
    usage_terms = "<p>Kostenlos für Partner der Woche.</p>"


class MaterialDownloadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaterialDownload

    page = factory.SubFactory(MaterialsPageFactory)
    category = MaterialDownload.Category.SIGNET
    document = factory.SubFactory(DocumentFactory)


class OrderPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrderPage

    title = "Werbemittel bestellen"
    slug = "bestellen"
    intro = "<p>Bestellen Sie kostenlos.</p>"


class OrderCatalogueItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrderCatalogueItem

    name = factory.Sequence(lambda n: f"Artikel {n}")
    description = "Ein Werbemittel."
    max_quantity = 10
    sort_order = factory.Sequence(lambda n: n)


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Order

    name = "Erika Muster"
    organisation = factory.Sequence(lambda n: f"IHK Beispielstadt {n}")
    street = "Industriestraße 1"
    postcode = "50667"
    city = "Köln"
    email = "erika@example.org"


class OrderLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrderLine

    order = factory.SubFactory(OrderFactory)
    item = factory.SubFactory(OrderCatalogueItemFactory)
    item_name = factory.LazyAttribute(lambda line: line.item.name)
    quantity = 2
