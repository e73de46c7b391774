"""Why the site needs no consent banner (§ 25 TDDDG), without a browser (tests/browser/test_page_types.py
checks the same in Chromium, with every request it makes): anonymous pages set no cookie, the forms set
only the CSRF cookie, and nothing the pages load comes from another origin."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client

from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.factories.events import EventPageFactory
from tests.factories.legal import ImpressumPageFactory, PrivacyPageFactory
from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.regions import RegionIndexPageFactory, RegionPageFactory

# Attributes that make the browser fetch something by itself.
FETCHING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src"}


@pytest.fixture
def pages(home_page, event_index):
    regions = RegionIndexPageFactory(parent=home_page)
    meetings = MeetingIndexPageFactory(parent=home_page)
    news = NewsIndexPageFactory(parent=home_page)
    return [
        home_page,
        ImpressumPageFactory(parent=home_page),
        PrivacyPageFactory(parent=home_page),
        RegionPageFactory(parent=regions),
        MeetingPageFactory(parent=meetings),
        NewsPageFactory(parent=news),
        event_index,
        EventPageFactory(parent=event_index),
    ]


def test_anonymous_pages_set_no_cookie(pages):
    for page in pages:
        client = Client()
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert not response.cookies, (page.url, list(response.cookies))
        assert "Set-Cookie" not in response.headers
    assert not Client().get("/suche/", {"q": "Industrie"}).cookies


def test_forms_set_only_the_csrf_cookie(home_page, url, order_page, items):
    statement = AccessibilityStatementPageFactory(parent=home_page)
    for address in (url, order_page.url, statement.url):
        response = Client().get(address)
        assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}, address
        cookie = response.cookies[settings.CSRF_COOKIE_NAME]
        assert cookie["samesite"] == "Lax"  # only a random token, sent to this site only


def test_pages_load_nothing_from_another_origin(client, pages):
    for page in pages:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        for tag, attribute in FETCHING.items():
            for element in soup.find_all(tag, attrs={attribute: True}):
                assert not re.match(r"^(https?:)?//", element[attribute]), (page.url, str(element))
        for link in soup.find_all(
            "link", rel=lambda rel: rel and {"stylesheet", "preload", "icon"} & set(rel)
        ):
            assert not re.match(r"^(https?:)?//", link["href"]), (page.url, str(link))


def test_the_stylesheets_and_scripts_load_nothing_from_another_origin():
    for path in Path(settings.BASE_DIR, "static").rglob("*"):
        if path.suffix in {".css", ".js"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), path
            assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), path
            assert not re.search(r"fetch\(\s*['\"`](https?:)?//", text), path


def test_the_content_security_policy_allows_only_the_own_origin(client, home_page):
    policy = client.get(home_page.url)["Content-Security-Policy"]
    for directive in ("default-src", "script-src", "style-src", "img-src", "font-src", "connect-src"):
        sources = re.search(rf"{directive} ([^;]+)", policy).group(1).split()
        assert set(sources) <= {"'self'", "data:"}, directive
