"""HEAD on every public address that is not a page is answered like GET (issue 15)."""

import pytest
from django.test import Client

from tests.support.site import site  # noqa: F401 - fixture: one page of every public type

ADDRESSES = {
    "robots": lambda s: "/robots.txt",
    "sitemap": lambda s: "/sitemap.xml",
    "api_seiten": lambda s: "/api/v2/pages/",
    "api_seite": lambda s: f"/api/v2/pages/{s['news'].pk}/",
    "api_find": lambda s: f"/api/v2/pages/find/?html_path={s['news'].url}",
    "api_bilder": lambda s: "/api/v2/images/",
    "api_dokumente": lambda s: "/api/v2/documents/",
    "aktuelles_rss": lambda s: s["news_index"].url + "rss/",
    "aktuelles_atom": lambda s: s["news_index"].url + "atom/",
    "treffen_rss": lambda s: s["meetings"].url + "rss/",
    "forum_ics": lambda s: s["forum"].url + "kalender/",
    "kalender": lambda s: s["week"].url + "kalender/",
    "veranstaltung_ics": lambda s: s["event"].url + "kalender/",
    "karte": lambda s: s["week"].url + "karte/",
}
# /suche/ and /suche/vorschlaege/ are covered by the search's own tests (tests/search/).


@pytest.mark.parametrize("name", sorted(ADDRESSES))
def test_head_is_answered_like_get(site, name):  # noqa: F811 - the fixture
    path = ADDRESSES[name](site)
    client = Client()
    get, head = client.get(path), client.head(path)
    assert get.status_code in {200, 302}, path  # find: a redirect to the detail address
    assert head.status_code == get.status_code, (path, head.status_code)
    assert head.get("Content-Type") == get.get("Content-Type")
    assert head.get("Location") == get.get("Location")
    assert head.content == b""
