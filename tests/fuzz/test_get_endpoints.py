"""Every public GET address with arbitrary query parameters: never a server error."""

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

# Parameter names the views read, plus anything else.
KNOWN = ["q", "art", "land", "jahr", "seite", "ort", "tag", "good_practice", "p", "page"]
API = ["type", "fields", "limit", "offset", "order", "search", "child_of", "descendant_of", "slug", "format"]
VALUES = st.one_of(
    st.text(max_size=60),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(
        ["", "0", "-1", "1e9", "NW", "BY", "2017", "9999", "on", "*", "%", "'", '"', "\\", "../"]
    ),
)
PARAMS = st.dictionaries(
    keys=st.one_of(st.sampled_from(KNOWN + API), st.text(min_size=1, max_size=12)),
    values=st.one_of(VALUES, st.lists(VALUES, max_size=3)),
    max_size=6,
)

ENDPOINTS = {
    "startseite": lambda s: "/",
    "suche": lambda s: "/suche/",
    "vorschlaege": lambda s: "/suche/vorschlaege/",
    "regionen": lambda s: s["regions"].url,
    "region": lambda s: s["region"].url,
    "initiativen": lambda s: s["initiatives"].url,
    "initiative": lambda s: s["initiative"].url,
    "veranstaltungen": lambda s: s["week"].url,
    "karte": lambda s: s["week"].url + "karte/",
    "kalender": lambda s: s["week"].url + "kalender/",
    "veranstaltung": lambda s: s["event"].url,
    "veranstaltung_ics": lambda s: s["event"].url + "kalender/",
    "anmelden": lambda s: s["week"].url + "anmelden/",
    "materialien": lambda s: s["materials"].url,
    "bestellen": lambda s: s["order"].url,
    "aktuelles": lambda s: s["news_index"].url,
    "aktuelles_rss": lambda s: s["news_index"].url + "rss/",
    "aktuelles_atom": lambda s: s["news_index"].url + "atom/",
    "meldung": lambda s: s["news"].url,
    "treffen": lambda s: s["meetings"].url,
    "treffen_rss": lambda s: s["meetings"].url + "rss/",
    "forum_ics": lambda s: s["forum"].url + "kalender/",
    "bericht": lambda s: s["meeting"].url,
    "forum": lambda s: s["forum"].url,
    "api_seiten": lambda s: "/api/v2/pages/",
    "api_seite": lambda s: f"/api/v2/pages/{s['news'].pk}/",
    "api_bilder": lambda s: "/api/v2/images/",
    "api_dokumente": lambda s: "/api/v2/documents/",
    "sitemap": lambda s: "/sitemap.xml",
}


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_arbitrary_query_parameters_never_cause_a_server_error(site, name):
    path = ENDPOINTS[name](site)
    client = Client(raise_request_exception=False)
    assert client.get(path).status_code == 200, path

    # An eighth of the profile's examples per address (29 addresses): 25 each in CI, 200+ in all.
    @settings(max_examples=max(5, settings.default.max_examples // 8))
    @given(params=PARAMS)
    def check(params):
        response = client.get(path, params)
        assert response.status_code < 500, (path, params, response.status_code)
        if response.status_code in {200, 400} and response["Content-Type"].startswith("text/html"):
            assert b'<html lang="de"' in response.content

    check()
