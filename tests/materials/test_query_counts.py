"""The materials page and the order form must not run one query per download or catalogue item."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from materials.models import OrderCatalogueItem
from tests.factories.core import DocumentFactory
from tests.factories.events import EventIndexPageFactory
from tests.factories.materials import (
    MaterialDownloadFactory,
    MaterialsPageFactory,
    OrderCatalogueItemFactory,
    OrderPageFactory,
)
from tests.support.queries import query_count


def test_materials_page_query_count_does_not_grow_with_downloads(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    small = MaterialsPageFactory(parent=index, slug="klein")
    large = MaterialsPageFactory(parent=index, slug="gross")
    for page, n in ((small, 2), (large, 20)):
        for _ in range(n):
            MaterialDownloadFactory(page=page, document=DocumentFactory())
    assert query_count(client, small.url) == query_count(client, large.url)


def order_form_queries(url):
    # A fresh client each time: the form page sets the CSRF cookie, which must not change the count.
    Client().get(url)
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


def test_order_page_query_count_does_not_grow_with_catalogue_items(home_page):
    index = EventIndexPageFactory(parent=home_page)
    page = OrderPageFactory(parent=MaterialsPageFactory(parent=index))
    counts = []
    for n in (2, 20):
        OrderCatalogueItem.objects.all().delete()
        for _ in range(n):
            OrderCatalogueItemFactory()
        counts.append(order_form_queries(page.url))
    assert counts[0] == counts[1]
