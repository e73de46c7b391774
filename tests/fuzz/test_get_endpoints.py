"""Every public GET address with arbitrary query parameters: never a server error, never the
outage page (the database is up), and the API with values made for each of its parameters."""

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

# Parameter names the views read, plus anything else.
KNOWN = ["q", "art", "land", "jahr", "seite", "ort", "tag", "good_practice", "p", "page"]
API = [
    *("type", "fields", "limit", "offset", "order", "search", "search_operator", "child_of"),
    *("descendant_of", "ancestor_of", "slug", "html_path", "locale", "id", "title", "format", "_"),
]
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
# Added for issue 15, tested together in one test (one site, addresses drawn like the parameters).
MORE_ENDPOINTS = {
    "robots": lambda s: "/robots.txt",
    "forum_thema": lambda s: s["topic"].url,
    "seite": lambda s: s["standard"].url,
    "barrierefreiheit": lambda s: s["statement"].url,
    "leichte_sprache": lambda s: s["easy"].url,
    "leichte_sprache_seite": lambda s: s["easy_page"].url,
    "anmelden_danke": lambda s: s["week"].url + "anmelden/danke/",
    "dokument": lambda s: s["document"].url,
    "unbekannt": lambda s: "/gibt-es-nicht/",
}
OK = {200, 302}  # the document redirects to its file


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
        assert response.status_code < 500, (path, params, response.status_code)  # 503 included
        if response.status_code in {200, 400} and response["Content-Type"].startswith("text/html"):
            assert b'<html lang="de"' in response.content

    check()


def test_more_addresses_with_arbitrary_query_parameters(more_site):
    client = Client(raise_request_exception=False)
    paths = {name: address(more_site) for name, address in MORE_ENDPOINTS.items()}
    for name, path in paths.items():
        assert client.get(path).status_code in ({404} if name == "unbekannt" else OK), path

    @settings(max_examples=max(10, settings.default.max_examples // 4))
    @given(name=st.sampled_from(sorted(paths)), params=PARAMS)
    def check(name, params):
        response = client.get(paths[name], params)
        assert response.status_code < 500, (paths[name], params, response.status_code)
        if response.status_code in {200, 400, 404} and response["Content-Type"].startswith("text/html"):
            assert b'<html lang="de"' in response.content

    check()


# The API: values made for each parameter (and junk), on the listings, a detail and find.
INTEGERS = st.one_of(
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.sampled_from(["", "0", "1", "20", "21", "100000", "100001", "1e3", "0x10", " 5", "5 ", "٣", "+1"]),
)
SEARCH = st.one_of(
    st.text(max_size=80),
    st.lists(st.text(alphabet="abcäöü", min_size=1, max_size=8), max_size=40).map(" ".join),
    st.sampled_from(
        ['"', "'", '"a', "a*", "*", "(", ")", "a OR", "NOT a", "a AND b", "-a", "\x00", "%", "\\"]
    ),
)
FIELD_NAMES = st.sampled_from(["title", "id", "teaser", "date", "image_thumbnail", "body", "*", "_", "x", ""])
FIELDS = st.one_of(
    st.lists(st.tuples(st.sampled_from(["", "-"]), FIELD_NAMES).map("".join), max_size=4).map(",".join),
    st.sampled_from(["*", "_,id", "title(x)", "image(id,title)", "-id,-type", ",,", "title(", "a(b(c(d)))"]),
    st.text(max_size=30),
)
TYPES = st.one_of(
    st.sampled_from(
        ["news.NewsPage", "wagtailcore.Page", "home.HomePage", "events.EventPage", "x.Y", "news"]
    ),
    st.text(max_size=20),
)
ORDER = st.one_of(
    st.tuples(st.sampled_from(["", "-"]), st.sampled_from(["id", "title", "random", "date", "x", ""])).map(
        "".join
    ),
    st.text(max_size=20),
)
API_PARAMS = st.fixed_dictionaries(
    {},
    optional={
        "fields": FIELDS,
        "order": ORDER,
        "type": TYPES,
        "child_of": INTEGERS,
        "descendant_of": INTEGERS,
        "search": SEARCH,
        "search_operator": st.one_of(st.sampled_from(["and", "or", "AND", "", "xor"]), st.text(max_size=5)),
        "limit": INTEGERS,
        "offset": INTEGERS,
        "html_path": st.one_of(st.sampled_from(["/", "/aktuelles/", "//", "/../"]), st.text(max_size=30)),
        "slug": st.text(max_size=20),
    },
).flatmap(lambda known: PARAMS.map(lambda junk: {**junk, **known}))
API_ADDRESSES = {
    "seiten": lambda s: "/api/v2/pages/",
    "seite": lambda s: f"/api/v2/pages/{s['news'].pk}/",
    "seite_finden": lambda s: "/api/v2/pages/find/",
    "bilder": lambda s: "/api/v2/images/",
    "bild": lambda s: f"/api/v2/images/{s['image'].pk}/",
    "dokumente": lambda s: "/api/v2/documents/",
    "dokument": lambda s: f"/api/v2/documents/{s['document'].pk}/",
}


def test_api_parameters_never_cause_a_server_error(more_site):
    client = Client(raise_request_exception=False)
    paths = {name: address(more_site) for name, address in API_ADDRESSES.items()}

    @settings(max_examples=max(10, settings.default.max_examples // 2))
    @given(name=st.sampled_from(sorted(paths)), params=API_PARAMS)
    def check(name, params):
        response = client.get(paths[name], params)
        assert response.status_code < 500, (paths[name], params, response.status_code)
        if response.status_code == 400:
            assert "message" in response.json()

    check()
