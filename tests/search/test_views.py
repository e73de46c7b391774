"""The search page and the suggestion endpoint on any database (SQLite and PostgreSQL)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'class="search-result__title"><a [^>]*>(.*?)</a>', response.content.decode())
    ]


def test_empty_query_shows_help(client, corpus):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert "Zum Beispiel" in response.content.decode()
    assert response.context["total"] == 0


def test_one_list_of_pages_and_documents(client, corpus):
    response = client.get(reverse("search"), {"q": "Industrie"})
    kinds = {item["kind"] for item in response.context["results"]}
    assert {"initiative", "region"} <= kinds


def test_compound_and_umlaut_spelling_on_every_database(client, corpus):
    titles = result_titles(client.get(reverse("search"), {"q": "Buendnis"}))
    assert "Bündnis für Industrie Thüringen" in titles
    assert "Krefeld" in titles  # "Industriebündnisse" in the summary
    assert "Industriedialog Baden-Württemberg" in result_titles(
        client.get(reverse("search"), {"q": "dialog"})
    )


def test_presentation_links_to_download_and_meeting(client, corpus):
    response = client.get(reverse("search"), {"q": "Wasserstoffstrategie"})
    [item] = response.context["results"]
    assert item["kind"] == "presentation"
    assert item["download_url"] == corpus["document"].url
    assert item["parent_url"] == corpus["meeting"].url
    html = response.content.decode()
    assert f'href="{corpus["meeting"].url}"' in html
    assert "<mark>Wasserstoffstrategie</mark>" in html  # the passage comes from the file's text
    assert "Allgemeine Worte" not in str(item["passage"])[:20]


def test_facets_count_filter_and_combine(client, corpus):
    response = client.get(reverse("search"), {"q": "Industrie"})
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    states = {option["value"]: option["count"] for option in facets["federal_state"]["options"]}
    assert states["TH"] == 1
    assert states["BW"] == 1
    th_link = next(o["url"] for o in facets["federal_state"]["options"] if o["value"] == "TH")
    assert "land=TH" in th_link
    filtered = client.get(reverse("search") + th_link)
    assert result_titles(filtered) == ["Bündnis für Industrie Thüringen"]
    combined = client.get(reverse("search"), {"q": "Industrie", "land": "TH", "art": "region"})
    assert combined.context["total"] == 0
    kind_counts = {f["name"]: f for f in combined.context["facets"]}["kind"]["options"]
    assert {o["value"]: o["count"] for o in kind_counts} == {"initiative": 1}  # other facets' filters apply


def test_invalid_filters_and_page_numbers_give_notices_not_errors(client, corpus):
    response = client.get(
        reverse("search"), {"q": "Industrie", "land": "XX", "jahr": "zwei", "art": "<x>", "seite": "99"}
    )
    assert response.status_code == 200
    notices = " ".join(response.context["notices"])
    assert "Bundesland" in notices
    assert "Jahr" in notices
    assert "Seite 99 gibt es nicht" in notices


@pytest.mark.parametrize(
    "query",
    [
        "a" * 100_000,
        "Bündnis\x00\x01\x07\x1b[31m",
        '& | ! : * ( ) "',
        "'''\\\\",
        "Industrie & !Dialog | (Region:*)",
        "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        "SELECT * FROM search_searchentry; --",
        "🙂 Ä",
    ],
)
def test_hostile_input_never_breaks_the_page(client, corpus, query):
    response = client.get(reverse("search"), {"q": query, "seite": "1"})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200
    suggestions = client.get(reverse("search_suggestions"), {"q": query})
    assert suggestions.status_code == 200


def test_no_results_shows_help_and_suggestions(client, corpus):
    SearchPromotion.objects.create(query=Query.get("industrie"), page=corpus["alliance"], sort_order=0)
    response = client.get(reverse("search"), {"q": "Krefeldx Quatschwort"})
    html = response.content.decode()
    assert response.context["total"] == 0
    assert "Tipps" in html
    assert "industrie" in response.context["popular_queries"]


def test_frequent_searches_show_only_terms_the_editors_chose(client, corpus):
    """The query log (visitors' raw searches: spam, names, addresses) stays in the admin report."""
    spam = "Kaufen Sie jetzt billig Uhren bei example.com"
    personal = "Erika Mustermann Hauptstraße 5"
    for _ in range(100):
        Query.get(spam).add_hit()
    Query.get(personal).add_hit()
    for _ in range(3):
        Query.get("industriedialog").add_hit()
    SearchPromotion.objects.create(query=Query.get("industriedialog"), page=corpus["dialogue"], sort_order=0)
    SearchPromotion.objects.create(
        query=Query.get("modellregion"), page=corpus["region"], sort_order=0
    )  # chosen, not searched yet
    html = client.get(reverse("search"), {"q": "Quatschwort"}).content.decode()
    assert "Häufig gesucht" in html
    popular = re.search(r'<ul class="search-popular">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r">([^<]+)</a>", popular) == ["industriedialog", "modellregion"]  # most searched first
    for text in ("billig", "example.com", "Mustermann", "Hauptstra"):
        assert text.lower() not in html.lower()


def test_no_frequent_searches_without_chosen_terms(client, corpus):
    for _ in range(100):
        Query.get("Kaufen Sie jetzt billig").add_hit()
    html = client.get(reverse("search"), {"q": "Quatschwort"}).content.decode()
    assert "Häufig gesucht" not in html
    assert "billig" not in html


def test_pagination(client, corpus, home_page):
    from tests.factories.regions import InitiativePageFactory

    parent = corpus["alliance"].get_parent()
    for number in range(12):
        InitiativePageFactory(parent=parent, title=f"Netzwerk Zukunft {number}", summary="Ein Netzwerk.")
    first = client.get(reverse("search"), {"q": "Netzwerk"})
    assert first.context["total"] == 12
    assert len(first.context["results"]) == 10
    second = client.get(reverse("search"), {"q": "Netzwerk", "seite": "2"})
    assert len(second.context["results"]) == 2
    assert 'rel="prev"' in second.content.decode()


def test_promotions_come_first_and_queries_are_logged(client, corpus):
    query = Query.get("thüringen")
    SearchPromotion.objects.create(
        query=query, page=corpus["meeting"], description="Unser Treffen", sort_order=0
    )
    response = client.get(reverse("search"), {"q": "Thüringen"})
    html = response.content.decode()
    assert html.index("Empfehlung der Redaktion") < html.index('class="search-results"')
    assert "Unser Treffen" in html
    assert Query.get("thüringen").hits == 1
    client.get(reverse("search"), {"q": "Thüringen", "seite": "2"})
    assert Query.get("thüringen").hits == 1  # later pages are not counted again


def test_promotions_come_from_the_content_cache_and_follow_the_editors(
    client, corpus, content_cache, django_capture_on_commit_callbacks
):
    """With the content cache on (production), a search reads no promotions table; a promotion the
    editors add or remove is seen by the next search."""
    with django_capture_on_commit_callbacks(execute=True):
        SearchPromotion.objects.create(
            query=Query.get("thüringen"),
            page=corpus["meeting"],
            description="Unser Treffen",
            sort_order=0,
        )
    assert "Unser Treffen" in client.get(reverse("search"), {"q": "Thüringen"}).content.decode()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("search"), {"q": "  THÜRINGEN "}).content.decode()
    assert "Unser Treffen" in html
    assert not [
        query
        for query in queries.captured_queries
        if "wagtailsearchpromotions_searchpromotion" in query["sql"]
    ]
    with django_capture_on_commit_callbacks(execute=True):
        SearchPromotion.objects.all().delete()
    assert "Unser Treffen" not in client.get(reverse("search"), {"q": "Thüringen"}).content.decode()


def test_a_document_hit_is_shown_without_reading_its_whole_text_again(client, corpus):
    """The passage comes from the entry's body; the document's own copy of the text is not loaded."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search"), {"q": "Wasserstoffstrategie"})
    assert "<mark>Wasserstoffstrategie</mark>" in response.content.decode()
    assert [item["entry"].document_id for item in response.context["results"]] == [corpus["document"].pk]
    assert not [query for query in queries.captured_queries if '"extracted_text"' in query["sql"]]


def test_suggestions_return_titles_as_json(client, corpus):
    response = client.get(reverse("search_suggestions"), {"q": "Ind"})
    assert response["Content-Type"] == "application/json"
    data = response.json()
    titles = [item["title"] for item in data["suggestions"]]
    assert titles[0] == "Industriedialog Baden-Württemberg"
    assert all(set(item) == {"title", "url", "kind"} for item in data["suggestions"])
    assert client.get(reverse("search_suggestions"), {"q": "I"}).json()["suggestions"] == []
    compound = client.get(reverse("search_suggestions"), {"q": "dialog"}).json()["suggestions"]
    assert "Industriedialog Baden-Württemberg" in [item["title"] for item in compound]


def test_search_box_is_a_combobox_hook_with_a_local_script(client, corpus):
    html = client.get(reverse("search")).content.decode()
    assert f'data-suggest-url="{reverse("search_suggestions")}"' in html
    assert re.search(r'<script src="/static/js/search-suggest\.js" defer>', html)
    assert "https://" not in re.sub(r'href="https://[^"]*"', "", html).split("<main")[0]


def test_unpublished_and_restricted_pages_leave_the_index(corpus):
    from wagtail.models import PageViewRestriction

    alliance = corpus["alliance"]
    assert SearchEntry.objects.filter(page=alliance).exists()
    alliance.unpublish()
    assert not SearchEntry.objects.filter(page=alliance).exists()
    dialogue = corpus["dialogue"]
    PageViewRestriction.objects.create(
        page=dialogue.get_parent(), restriction_type="password", password="geheim123"
    )
    assert not SearchEntry.objects.filter(page=dialogue).exists()


def test_rebuild_command(corpus):
    from django.core.management import call_command

    SearchEntry.objects.all().delete()
    call_command("update_search_entries", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SearchEntry.objects.filter(kind="presentation", parent_page=corpus["meeting"]).count() == 1
    assert SearchEntry.objects.filter(page=corpus["region"], federal_state="NW").exists()


@pytest.mark.parametrize("name", ["search", "search_suggestions"])
def test_head_answers_like_get(client, corpus, name):
    params = {"q": "Industrie"}
    get = client.get(reverse(name), params)
    head = client.head(reverse(name), params)
    assert (head.status_code, get.status_code) == (200, 200)
    assert head.content == b""
    for header in ("Content-Type", "Cache-Control", "Content-Length", "Content-Language"):
        assert head.get(header) == get.get(header), header


def test_head_is_not_counted_as_a_search(client, corpus):
    client.head(reverse("search"), {"q": "Thüringen"})
    assert Query.get("thüringen").hits == 0


def test_a_huge_query_is_not_copied_into_the_links(client, corpus):
    huge = "Industrie " * 5600  # 56 KB
    response = client.get(reverse("search"), {"q": huge, "land": "TH", "andere": "x" * 50_000})
    assert response.status_code == 200
    html = response.content.decode()
    assert len(response.content) < 100_000
    assert "wurde auf 200 Zeichen gekürzt" in html
    assert "xxxxxxxxxx" not in html  # unknown parameters are not echoed either
    facet_links = [option["url"] for facet in response.context["facets"] for option in facet["options"]]
    assert facet_links
    assert all(len(link) < 1000 for link in facet_links)
    reset = response.context["reset_filters_url"]
    assert "land=" not in reset
    assert len(reset) < 1000
