import factory
import wagtail_factories

from materials.models import (
    MaterialDownload,
    MaterialsPage,
    Order,
    OrderCatalogueItem,
    OrderLine,
    OrderPage,
)
from tests.factories.core import DocumentFactory


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
