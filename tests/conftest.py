"""Shared fixtures and the rule for tests that need PostgreSQL or Redis.

Tests marked ``postgres`` skip with a reason when the suite runs on another database; when
``REQUIRE_POSTGRES=1`` (set by .ci/run for the PostgreSQL pass) such a skip is a failure.
``redis_url`` works the same way with ``REQUIRE_REDIS=1``, and tests marked ``browser`` (Playwright
with Debian's Chromium, see tests/browser/) with ``REQUIRE_BROWSER=1``. Browser tests run last: they
share demo content committed once for the whole session.
"""

import os

import pytest
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page

from tests.support.browser import browser_missing


def _required(name):
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    _browser_tests_last_or_skipped(items)
    if connection.vendor == "postgresql":
        return
    reason = f"needs PostgreSQL (the suite runs on {connection.vendor}; set DATABASE_URL=postgres://…)"
    needs_postgres = [item for item in items if "postgres" in item.keywords]
    if needs_postgres and _required("REQUIRE_POSTGRES"):
        raise pytest.UsageError(
            f"REQUIRE_POSTGRES=1, but {len(needs_postgres)} tests would be skipped: {reason}"
        )
    for item in needs_postgres:
        item.add_marker(pytest.mark.skip(reason=reason))


def _browser_tests_last_or_skipped(items):
    browser_tests = [item for item in items if "browser" in item.keywords]
    items[:] = [item for item in items if "browser" not in item.keywords] + browser_tests
    reason = browser_missing() if browser_tests else None
    if reason is None:
        return
    if _required("REQUIRE_BROWSER"):
        raise pytest.UsageError(
            f"REQUIRE_BROWSER=1, but {len(browser_tests)} tests would be skipped: {reason}"
        )
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _empty_default_cache():
    """Each test starts with an empty default cache. It also holds Wagtail's renditions: SQLite reuses
    an image id after a test's rollback, so a cached rendition of another test's image would come back."""
    cache.clear()


@pytest.fixture
def content_cache(settings):
    """The content cache on (as in production), empty before and after the test, with no change left
    "uncommitted" by the test's own fixtures (which run inside the test's transaction)."""
    from cms.caching import content, invalidation

    settings.CONTENT_CACHE = True
    invalidation._uncommitted.changes = False
    invalidation.clear()
    content._local.clear()
    yield
    invalidation.clear()
    content._local.clear()


@pytest.fixture(scope="session")
def redis_url():
    """A reachable Redis URL, or a skip (a failure when REQUIRE_REDIS=1)."""
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:  # noqa: BLE001 - any connection problem means "not available"
        message = f"needs Redis at {url}: {exc}"
        if _required("REQUIRE_REDIS"):
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture
def root_page(db):
    return Page.objects.get(depth=1)


@pytest.fixture
def home_page(db):
    """A HomePage as the default site's root (replacing Wagtail's welcome page)."""
    from tests.factories.home import make_site_root

    return make_site_root()
