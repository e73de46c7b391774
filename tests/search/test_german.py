"""German matching, the same on SQLite and PostgreSQL (both index search.analysis): stemming, umlaut
spellings, compound parts, highlighting, facets; the PostgreSQL columns and indexes (marked postgres)."""

import pytest
from django.db import connection
from django.urls import reverse

pytestmark = [pytest.mark.django_db]


def titles(client, query, **params):
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return [item["entry"].title for item in response.context["results"]], response


@pytest.mark.postgres
def test_vector_indexes_the_analysed_columns(corpus):
    """The stemming is done in Python (search.analysis), so PostgreSQL only splits the stems."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef JOIN pg_attribute ON attrelid = adrelid"
            " AND attnum = adnum WHERE adrelid = 'search_searchentry'::regclass AND attname = 'search_vector'"
        )
        [expression] = cursor.fetchone()
    assert "'simple'::regconfig" in expression
    assert "title_terms" in expression and "body_terms" in expression


@pytest.mark.postgres
def test_rows_stay_narrow_long_values_leave_the_row(corpus):
    """Migration 0003: texts and the large vector may leave the row; titles and the rank vector stay."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE oid = 'search_searchentry'::regclass")
        assert "toast_tuple_target=128" in cursor.fetchone()[0]
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'search_searchentry'::regclass"
            " AND attname IN ('title', 'title_norm', 'title_terms', 'title_parts', 'rank_vector', 'body',"
            " 'search_vector')"
        )
        storage = dict(cursor.fetchall())
        assert storage == {
            "title": "m", "title_norm": "m", "title_terms": "m", "title_parts": "m", "rank_vector": "m",
            "body": "x", "search_vector": "x",
        }  # fmt: skip


@pytest.mark.postgres
def test_facet_columns_have_no_btree_index(corpus):
    """A B-tree index on kind/federal_state/year would make PostgreSQL answer a filtered search through
    it and test the text match row by row (every search_vector read from TOAST): 5x slower."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchentry'")
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("gin (search_vector)" in definition for definition in definitions)
    for column in ("kind", "federal_state", "year"):
        assert not [definition for definition in definitions if f"({column}" in definition], column


def test_stemming_regionen_finds_region(client, corpus):
    found, _ = titles(client, "Regionen")
    assert "Krefeld" in found  # "Die Region am Niederrhein"


def test_stemming_is_not_plain_substring_matching(client, corpus):
    found, _ = titles(client, "Gewerkschaft")
    assert found == ["Bündnis für Industrie Thüringen"]  # "Gewerkschaften"


def test_umlaut_and_sharp_s_spellings(client, corpus):
    assert "Bündnis für Industrie Thüringen" in titles(client, "Buendnis")[0]
    assert "Bündnis für Industrie Thüringen" in titles(client, "Thueringen")[0]
    assert "Industriedialog Baden-Württemberg" in titles(client, "Strasse")[0]
    assert "Industriedialog Baden-Württemberg" in titles(client, "Wuerttemberg")[0]


def test_compound_parts(client, corpus):
    assert "Krefeld" in titles(client, "Bündnis")[0]  # "Industriebündnisse"
    assert "Industriedialog Baden-Württemberg" in titles(client, "Dialog")[0]
    assert "Industriedialog Baden-Württemberg" in titles(client, "Industrie")[0]  # leading part (prefix)
    assert "Vortrag Geiger" in titles(client, "Strategie")[0]  # "Wasserstoffstrategie" in the PDF text


def test_whole_word_match_ranks_above_compound_part(client, corpus):
    found, _ = titles(client, "Bündnis")
    assert found[0] == "Bündnis für Industrie Thüringen"


def test_unrelated_words_do_not_match(client, corpus):
    from search.analysis import parse
    from search.engine import search_entries

    assert search_entries(parse("Religion"), {}).total == 0
    assert search_entries(parse("Bildnis"), {}).total == 0
    # The page then offers the closest word of the index, saying so ("Meinten Sie …?").
    found, response = titles(client, "Religion")
    assert response.context["corrected_query"] in {"Region", "Regionen", "regionale"}
    assert "Keine Treffer für „Religion“" in response.content.decode()


def test_highlighting_from_document_text(client, corpus):
    _, response = titles(client, "Wasserstoff")
    [item] = response.context["results"]
    assert "<mark>Wasserstoffstrategie</mark>" in item["passage"]
    assert item["parent_title"] == corpus["meeting"].title


def test_facets(client, corpus):
    _, response = titles(client, "Industrie")
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    kinds = {option["value"]: option["count"] for option in facets["kind"]["options"]}
    assert kinds == {"initiative": 2, "region": 1, "page": 1}  # the home page "… der Industrie"
    _, filtered = titles(client, "Strategie", jahr="2017")
    assert filtered.context["total"] == 1
    years = {f["name"]: f for f in filtered.context["facets"]}["year"]["options"]
    assert years[0]["value"] == 2017
    assert years[0]["selected"]


@pytest.mark.parametrize("query", ["'", "\\", "a:*", "!!", "(", "&", "Dialog | Region", "' & '", "x:* & !y"])
def test_tsquery_syntax_is_never_passed_through(client, corpus, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
