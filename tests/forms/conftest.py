"""The form tests post to the event report and order forms: their fixtures."""

import pytest
from django.core.cache import cache

from tests.support.forms import index, items, order_page, url  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()
