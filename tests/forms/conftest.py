"""The form tests reuse the fixtures of the event report and order form tests."""

import pytest
from django.core.cache import cache

from tests.events.test_submission import index, url  # noqa: F401 - fixtures
from tests.materials.test_order_form import items, order_page  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()
