"""Fixtures of the browser tests: one Chromium per session against a live server with demo content.

The demo content is loaded once and committed, so the live server's thread (its own database
connection on PostgreSQL) sees it; tests/conftest.py runs these tests after all others. Every test
gets a fresh browser context (no cookies) that records each request the page makes: at the end of
the test all of them must have gone to the live server, and no Content-Security-Policy violation
may have been reported.
"""

import datetime
import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories.home import ensure_wagtail_root
from tests.support import browser as support


@pytest.fixture(scope="session")
def browser_database(request, django_db_setup, django_db_blocker):
    """The test database, also when only browser tests run.

    pytest-django creates it only for tests that ask for database access; the browser tests reach
    the database through the live server instead, so they set it up themselves when needed.
    """
    from django.db import DEFAULT_DB_ALIAS
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, _serialized = _get_databases_for_setup(request.session.items)
    if DEFAULT_DB_ALIAS in aliases:
        yield
        return
    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS})
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture(scope="session")
def demo_site(browser_database, django_db_blocker):
    """The demo content, loaded once (committed) for all browser tests."""
    import events.demo
    from cms.core.demo import load_all

    with django_db_blocker.unblock():
        ensure_wagtail_root()
        count, events.demo.EVENT_COUNT = events.demo.EVENT_COUNT, support.DEMO_EVENT_COUNT
        try:
            load_all()
        finally:
            events.demo.EVENT_COUNT = count
        call_command("update_index", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def site_server(demo_site, django_db_blocker):
    """A live server (static and media files included) on the demo content."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls of the tests are
    # plain synchronous code all the same.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=support.CHROMIUM, args=support.CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _database_for_the_live_server(django_db_blocker):
    """The tests read what the server stored (orders, submissions) from the same database."""
    with django_db_blocker.unblock():
        yield


class Visitor:
    """A browser tab of an anonymous visitor, with every request URL and CSP report recorded."""

    def __init__(self, context, base_url):
        self.context = context
        self.base_url = base_url
        self.requests = []
        self.csp_violations = []
        context.on("request", lambda request: self.requests.append(request.url))
        self.page = context.new_page()
        self.page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def url(self, path):
        return self.base_url + path

    def goto(self, path):
        response = self.page.goto(self.url(path))
        assert response is not None
        return response


@pytest.fixture
def visitor(site_server, chromium):
    context = chromium.new_context(viewport=support.DESKTOP, locale="de-DE", accept_downloads=True)
    visitor = Visitor(context, site_server.url)
    yield visitor
    context.close()
    assert visitor.requests, "the browser made no request"
    assert support.foreign_requests(visitor.requests, support.origin(site_server.url)) == []
    assert visitor.csp_violations == []


@pytest.fixture
def open_week(site_server):
    """The demo's first Woche der Industrie (2017, the page the page-type tests open) is over: for the
    test it takes place from next month on."""
    from events.models import EventIndexPage

    week = EventIndexPage.objects.live().order_by("path").first()
    start = timezone.localdate() + datetime.timedelta(days=30)
    EventIndexPage.objects.filter(pk=week.pk).update(year=start.year, week_start=start, week_end=None)
    week.start = start
    yield week
    EventIndexPage.objects.filter(pk=week.pk).update(
        year=week.year, week_start=week.week_start, week_end=week.week_end
    )
