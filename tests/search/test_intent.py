"""What the search does with what people mean, on SQLite and PostgreSQL alike: ranking by intent,
the editors' synonyms, "Meinten Sie …?", passages with separators, the year of documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search.models import SearchEntry, SearchSynonym
from tests.factories.core import DocumentFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.meetings import ForumIndexPageFactory, ForumTopicPageFactory

pytestmark = [pytest.mark.django_db]


def titles(client, query, **params):
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return [item["entry"].title for item in response.context["results"]], response


@pytest.fixture
def many_events(home_page, corpus):
    """Twelve near-identical events that mention the region, and the overview of the regions."""
    StandardPageFactory(parent=home_page, title="Regionaler Dialog", slug="regionaler-dialog")
    index = EventIndexPageFactory(parent=home_page)
    for number in range(12):
        EventPageFactory(
            parent=index,
            title=f"Ausstellung {number} in der Region Krefeld",
            city="Krefeld",
            description="Industrie in der Region: eine Ausstellung über die Region Krefeld.",
        )
    return index


@pytest.mark.parametrize("size", [1, 2, 5])
def test_pages_of_results_follow_the_order_of_ranking_every_match(many_events, size):
    """The engine gives a text rank only to the matches at or above the intent of a page's last entry
    (search.engine.ResultSet._statement). Pages of any size, put together, are the order of
    ranking all matches at once (where every match is at or above the cut), ties and filters included."""
    from search.analysis import parse
    from search.engine import search_entries

    for query, filters in [("Region", {}), ("Krefeld", {}), ("Industrie Region", {"kind": "event"})]:
        results = search_entries(parse(query), filters)
        everything = [entry.pk for entry in results[0 : results.total]]
        assert len(everything) == results.total > size
        paged = [
            entry.pk for start in range(0, results.total, size) for entry in results[start : start + size]
        ]
        assert paged == everything


def test_the_page_asked_for_comes_with_the_facet_counts_in_one_statement(client, many_events):
    """A later page reads the matches once, as the first does: one statement returns the facet counts
    and that page's ids. Its results are those of ranking every match; a page number past the end
    shows the last page (then a second statement reads it)."""
    from search.analysis import parse
    from search.engine import search_entries

    results = search_entries(parse("Region"), {})
    everything = [entry.title for entry in results[0 : results.total]]
    assert 10 < results.total <= 20
    for page, expected_statements in [("2", 1), ("99", 2)]:
        with CaptureQueriesContext(connection) as queries:
            found, response = titles(client, "Region", seite=page)
        statements = [query for query in queries.captured_queries if "WITH m AS MATERIALIZED" in query["sql"]]
        assert len(statements) == expected_statements, page
        assert found == everything[10:]
        assert response.context["search_results"].number == 2
        assert sum(option["count"] for option in response.context["facets"][0]["options"]) == results.total


def test_a_query_naming_a_page_puts_it_first(client, many_events):
    assert titles(client, "Krefeld")[0][0] == "Krefeld"  # the model region, not one of 12 events
    assert titles(client, "Regionaler Dialog")[0][0] == "Regionaler Dialog"


def test_overview_and_regions_are_not_crowded_out_by_events(client, many_events):
    found = titles(client, "Regionen")[0]
    assert set(found[:2]) == {"Regionaler Dialog", "Krefeld"}
    first_event = next(i for i, title in enumerate(found) if title.startswith("Ausstellung"))
    assert first_event >= 2


def test_editors_synonyms_apply_at_query_time(client, corpus):
    assert titles(client, "Logo")[0] == []
    StandardPageFactory(parent=corpus["alliance"].get_parent().get_parent(), title="Signet und Motive")
    SearchSynonym.objects.create(terms="Logo\nSignet")
    SearchSynonym.objects.create(terms="BaWü, Baden-Württemberg")
    assert titles(client, "Logo")[0] == ["Signet und Motive"]
    found, response = titles(client, "BaWü")
    assert found[0] == "Industriedialog Baden-Württemberg"
    assert "<mark>Württemberg</mark>" in str(response.context["results"][0]["title"])


def test_synonym_needs_two_terms():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SearchSynonym(terms="Logo\nlogo").full_clean()
    assert str(SearchSynonym(terms="F&E, Forschung und Entwicklung")) == "F&E = Forschung und Entwicklung"


def test_misspelt_query_shows_the_results_of_its_correction(client, corpus):
    found, response = titles(client, "Krefled")
    assert found == ["Krefeld"]
    page = response.content.decode()
    assert "Meinten Sie" in page and "?q=Krefeld" in page
    assert "1 Ergebnis für „Krefeld“" in page


def test_no_correction_when_the_query_has_results(client, corpus):
    _, response = titles(client, "Krefeld")
    assert response.context["corrected_query"] is None


def test_derived_form_finds_its_base(client, home_page):
    index = ForumIndexPageFactory(parent=home_page)
    ForumTopicPageFactory(parent=index, title="Unsere gute digitale Zukunft")
    assert titles(client, "Digitalisierung")[0] == ["Unsere gute digitale Zukunft"]


def test_names_with_and_without_hyphen(client, corpus):
    corpus["region"].title = "Nord-Westfalen"
    corpus["region"].save_revision().publish()
    for query in ("Nordwestfalen", "Nord-Westfalen", "nord westfalen"):
        assert titles(client, query)[0][0] == "Nord-Westfalen", query


def test_passage_separates_the_fields(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=index, title="Tag der offenen Tür", venue="Rathaus Offenbach", city="Offenbach")
    _, response = titles(client, "Offenbach")
    passage = str(response.context["results"][0]["passage"])
    assert "<mark>Offenbach</mark> · " in passage


def test_year_of_a_presentation_is_its_meetings_year(corpus):
    assert corpus["document"].created_at.year != 2017
    assert SearchEntry.objects.get(document=corpus["document"]).year == 2017


def test_forum_document_has_no_upload_year(home_page, django_capture_on_commit_callbacks):
    from meetings.models import ForumTopicDocument

    topic = ForumTopicPageFactory(parent=ForumIndexPageFactory(parent=home_page), title="Bildung")
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(title="Eckpunkte Bildung")
        ForumTopicDocument.objects.create(page=topic, document=document)
    entry = SearchEntry.objects.get(document=document)
    assert entry.parent_page_id == topic.pk
    assert entry.year is None


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite")
def test_sqlite_full_text_table_follows_the_entries(corpus):
    """Triggers keep the FTS5 table in step (a migration that rebuilds search_searchentry on SQLite
    drops them: this test notices)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_searchentry'"
        )
        assert {row[0] for row in cursor.fetchall()} == {
            "search_searchentry_fts_insert",
            "search_searchentry_fts_update",
            "search_searchentry_fts_delete",
        }
        cursor.execute(
            "SELECT count(*) FROM search_searchentry_fts WHERE search_searchentry_fts MATCH 'krefeld'"
        )
        assert cursor.fetchone()[0] == 1
        SearchEntry.objects.filter(page=corpus["region"]).delete()
        cursor.execute(
            "SELECT count(*) FROM search_searchentry_fts WHERE search_searchentry_fts MATCH 'krefeld'"
        )
        assert cursor.fetchone()[0] == 0


def test_both_roles_maintain_the_synonyms():
    from django.contrib.auth.models import Group

    for name in ("Redaktion", "Freigabe"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_searchsynonym", "change_searchsynonym", "delete_searchsynonym"} <= codenames


def test_suggestions_use_the_same_normalisation(client, corpus):
    corpus["region"].title = "Nord-Westfalen"
    corpus["region"].save_revision().publish()

    def suggested(query):
        response = client.get(reverse("search_suggestions"), {"q": query})
        return [item["title"] for item in response.json()["suggestions"]]

    assert "Nord-Westfalen" in suggested("Nordwest")
    assert "Nord-Westfalen" in suggested("nord-west")
    assert "Bündnis für Industrie Thüringen" in suggested("Buendn")
