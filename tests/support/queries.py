"""Query counting for the bounded-queries tests of the listing and detail pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(client, url):
    """Queries of one GET of ``url`` after a warm-up request (site root paths cached alike)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries)
