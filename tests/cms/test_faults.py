"""Faults: a German 503 while the database is unreachable, and a site that keeps serving without Redis."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import DataError, InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.template import loader
from django.test import Client, override_settings

from cms.core.middleware import server_error
from materials.models import Order
from tests.support.forms import order_data
from tests.support.settings import _restore_settings_modules, load_settings  # noqa: F401 - fixture


def database_down(error=OperationalError):
    message = "connection to server at 127.0.0.1, port 5432 failed: Connection refused"
    return mock.patch.object(CursorWrapper, "execute", side_effect=error(message))


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize("path", ["/", "/suche/?q=Industrie", "/sitemap.xml", "/api/v2/pages/"])
def test_database_outage_gives_a_german_503_then_recovers(home_page, path, error):
    client = Client(raise_request_exception=False)
    with database_down(error):
        response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "vorübergehend nicht erreichbar" in html

    # Once the database answers again the same process serves normally.
    assert client.get(path).status_code == 200


def test_form_post_during_outage_says_nothing_was_stored(order_page, items):
    client = Client(raise_request_exception=False)
    url, data = order_page.url, order_data(items)
    with database_down():
        response = client.post(url, data)
    assert response.status_code == 503
    assert "noch nicht gespeichert" in response.content.decode()
    assert not Order.objects.exists()


def test_the_503_page_makes_no_database_query():
    # No database access is allowed in this test (no db fixture): a query would raise.
    html = loader.get_template("503.html").render()
    assert "Datenbank" in html


def test_errors_outside_views_are_caught_by_the_500_handler(rf):
    request = rf.get("/")
    try:
        raise OperationalError("the database system is shutting down")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert "Fehler auf dem Server" in response.content.decode()


class FakeDriverError(Exception):
    """A DB-API error with an SQLSTATE, as psycopg raises them (Django wraps it as the cause)."""

    def __init__(self, message, pgcode):
        super().__init__(message)
        self.pgcode = pgcode


def database_error(message, pgcode=None, error=OperationalError):
    exception = error(message)
    if pgcode:
        exception.__cause__ = FakeDriverError(message, pgcode)
    return mock.patch.object(CursorWrapper, "execute", side_effect=exception)


@pytest.mark.parametrize(
    ("message", "pgcode"),
    [
        ('fts5: syntax error near """', None),  # SQLite: a search for a lone quote
        ("syntax error in tsquery", "42601"),
        ("canceling statement due to conflict with recovery", "40001"),
    ],
)
def test_an_error_from_the_query_is_not_an_outage(home_page, message, pgcode):
    client = Client(raise_request_exception=False)
    with database_error(message, pgcode):
        page, api = client.get("/"), client.get("/api/v2/pages/")
    assert page.status_code != 503 and api.status_code != 503
    assert b"vor\xc3\xbcbergehend nicht erreichbar" not in page.content


@pytest.mark.parametrize(
    ("message", "pgcode"),
    [
        ("terminating connection due to administrator command", "57P01"),
        ("the database system is starting up", "57P03"),
        ("sorry, too many clients already", "53300"),
        ("server closed the connection unexpectedly", None),
    ],
)
def test_a_lost_or_refused_connection_is_an_outage(home_page, message, pgcode):
    with database_error(message, pgcode):
        response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503


@pytest.mark.parametrize(
    ("error", "message"),
    [(OperationalError, 'fts5: syntax error near """'), (DataError, "bigint out of range")],
)
def test_input_the_database_rejects_is_a_german_400(home_page, error, message):
    client = Client(raise_request_exception=False)
    with database_error(message, error=error):
        page, api = client.get("/"), client.get("/api/v2/pages/")
    assert page.status_code == 400
    html = page.content.decode()
    assert '<html lang="de">' in html and "Eingabe" in html
    assert api.status_code == 400
    assert "Eingabe" in api.json()["message"]


def test_other_errors_are_not_turned_into_503(home_page):
    client = Client(raise_request_exception=False)
    with mock.patch.object(CursorWrapper, "execute", side_effect=ValueError("bug")):
        response = client.get("/")
    assert response.status_code == 500


@pytest.fixture
def dead_redis(monkeypatch):
    """The production cache configuration, pointed at a port where no Redis listens."""
    caches = load_settings(monkeypatch, REDIS_URL="redis://127.0.0.1:1/0").CACHES
    assert caches["default"]["BACKEND"] == "cms.caching.redis.ResilientRedisCache"
    with override_settings(CACHES=caches):
        yield


def test_site_keeps_serving_without_redis(dead_redis, home_page, order_page, items, client):
    assert cache.get("anything") is None  # no exception: the outage is ignored
    for path in ["/", "/suche/?q=Industrie", "/sitemap.xml", order_page.url]:
        assert client.get(path).status_code == 200, path
    # The rate limit needs the cache; without it the forms stay open rather than closed.
    response = client.post(order_page.url, order_data(items))
    assert response.status_code == 302
    assert Order.objects.count() == 1


@override_settings(FORM_RATE_LIMIT="2/h")
def test_rate_limit_is_shared_through_redis(redis_url, monkeypatch, order_page, items):
    caches = load_settings(monkeypatch, REDIS_URL=redis_url).CACHES
    with override_settings(CACHES=caches):
        cache.clear()
        try:
            # Two clients from one address, as two gunicorn workers would see them.
            first, second = Client(), Client()
            assert first.post(order_page.url, order_data(items, name="Eins")).status_code == 302
            assert second.post(order_page.url, order_data(items, name="Zwei")).status_code == 302
            assert first.post(order_page.url, order_data(items, name="Drei")).status_code == 429
        finally:
            cache.clear()
    assert Order.objects.count() == 2
