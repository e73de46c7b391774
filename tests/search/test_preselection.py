"""The pre-selection of the ranking (search.engine): a page ranks only the title hits, or only the
other matches, and is still exactly the page of ranking every match at once; the title hits are
never dropped, the total stays the number of all matches. On SQLite and PostgreSQL: each check has
a SQLite half and a PostgreSQL half (marked ``postgres``), like tests/search/test_both_databases.py."""

import pytest
from django.db import connection
from django.db.models import FloatField
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext

from search import engine
from search.analysis import parse
from search.engine import search_entries
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.regions import RegionPageFactory

pytestmark = [pytest.mark.django_db]

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite half; the PostgreSQL half is marked postgres"
)


@pytest.fixture
def crowd(home_page, corpus):
    """Far more text matches for "Wasserstoff" than title hits: 30 events, 4 pages and the corpus's
    presentation only mention it, 6 titles have it (a region, pages, events)."""
    events = EventIndexPageFactory(parent=home_page)
    for number in range(30):
        EventPageFactory(
            parent=events,
            title=f"Werkstatt {number}",
            city="Krefeld",
            description="Wasserstoff, Wasserstoff und noch einmal Wasserstoff für die Industrie.",
        )
    for number in range(4):
        StandardPageFactory(parent=home_page, title=f"Bericht {number}", slug=f"bericht-{number}",
                            intro="Ein Absatz über Wasserstoff.")  # fmt: skip
    RegionPageFactory(
        parent=corpus["region"].get_parent(), title="Wasserstoffregion Lausitz", summary="Die Lausitz."
    )
    StandardPageFactory(parent=home_page, title="Wasserstoff", slug="wasserstoff")
    StandardPageFactory(parent=home_page, title="Wasserstoffnetz Nord", slug="netz")
    for number in range(3):
        EventPageFactory(parent=events, title=f"Wasserstofftag {number}", city="Köln", description="Ein Tag.")
    return events


def ranked(query="Wasserstoff", filters=None, size=7):
    """Every result, page by page of ``size``, and the result set."""
    results = search_entries(parse(query), filters or {})
    titles = []
    for start in range(0, results.total + size, size):
        titles += [entry.title for entry in results[start : start + size]]
    return titles, results


def rank_every_match(query="Wasserstoff", filters=None, size=7):
    """The same, ranking every match at once (the weights say nothing about title hits first)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "titles_first", lambda: False)
        return ranked(query, filters, size)


def worst_text_rank(monkeypatch):
    """A text rank that puts the newest entries (the title hits of ``crowd``) last of all: a
    pre-selection of the best text matches would leave them out."""

    def wrapped(original):
        def match(query):
            found, _rank = original(query)
            return found, RawSQL("-search_searchentry.id", [], output_field=FloatField())

        return match

    monkeypatch.setattr(engine, "_postgres_match", wrapped(engine._postgres_match))
    monkeypatch.setattr(engine, "_sqlite_match", wrapped(engine._sqlite_match))


def check_title_hits_first_though_ranked_last(monkeypatch):
    worst_text_rank(monkeypatch)
    titles, results = ranked(size=5)
    assert results.total == 41  # every match, not just a pre-selection
    assert results.titled == 6
    assert len(titles) == 41 and len(set(titles)) == 41  # every match reachable, none twice
    assert titles[0] == "Wasserstoff"  # the title is the query
    assert set(titles[:6]) == {
        "Wasserstoff", "Wasserstoffregion Lausitz", "Wasserstoffnetz Nord",
        "Wasserstofftag 0", "Wasserstofftag 1", "Wasserstofftag 2",
    }  # fmt: skip
    # After the title hits: by kind weight (pages 9, presentations 6, events 0), then the text rank.
    assert titles[6:11] == ["Bericht 0", "Bericht 1", "Bericht 2", "Bericht 3", "Vortrag Geiger"]
    assert titles[11:] == [f"Werkstatt {number}" for number in range(30)]


def check_same_pages_as_ranking_every_match():
    for query, filters in [("Wasserstoff", {}), ("Wasserstoff", {"kind": "event"}), ("Krefeld", {}),
                           ("Wasserstoff Industrie", {}), ("Lausitz", {})]:  # fmt: skip
        for size in (1, 4, 10):
            titles, results = ranked(query, filters, size)
            expected, reference = rank_every_match(query, filters, size)
            assert titles == expected, (query, filters, size)
            assert results.total == reference.total == len(titles)
            assert results.facet_counts == reference.facet_counts


def check_a_page_within_the_title_hits_ranks_only_them():
    results = search_entries(parse("Wasserstoff"), {})
    with CaptureQueriesContext(connection) as queries:
        page = results[0:5]
    ranking = [query["sql"] for query in queries if "ORDER BY" in query["sql"]]
    assert len(ranking) == 1  # one ranking query: the title hits; the other 34 matches untouched
    assert [entry.title for entry in page][0] == "Wasserstoff"
    with CaptureQueriesContext(connection) as queries:
        results[5:10]  # across the boundary: the last title hit, then the best other matches
    assert len([query for query in queries if "ORDER BY" in query["sql"]]) == 2


@sqlite_only
def test_title_hits_first_though_ranked_last_on_sqlite(crowd, monkeypatch):
    check_title_hits_first_though_ranked_last(monkeypatch)


@pytest.mark.postgres
def test_title_hits_first_though_ranked_last_on_postgres(crowd, monkeypatch):
    check_title_hits_first_though_ranked_last(monkeypatch)


@sqlite_only
def test_same_pages_as_ranking_every_match_on_sqlite(crowd):
    check_same_pages_as_ranking_every_match()


@pytest.mark.postgres
def test_same_pages_as_ranking_every_match_on_postgres(crowd):
    check_same_pages_as_ranking_every_match()


@sqlite_only
def test_a_page_within_the_title_hits_ranks_only_them_on_sqlite(crowd):
    check_a_page_within_the_title_hits_ranks_only_them()


@pytest.mark.postgres
def test_a_page_within_the_title_hits_ranks_only_them_on_postgres(crowd):
    check_a_page_within_the_title_hits_ranks_only_them()


def test_every_page_ranks_all_matches_when_titles_do_not_come_first(crowd, monkeypatch):
    """The ablation "ohne Titelvergleich" (scripts/search_relevance.py) sets the title scores to 0:
    then a title hit does not outrank the other matches, and no pre-selection is made."""
    monkeypatch.setattr(engine, "EXACT_TITLE", 0)
    monkeypatch.setattr(engine, "TITLE_STARTS", 0)
    monkeypatch.setattr(engine, "TITLE_HAS_ALL", 0)
    assert not engine.titles_first()
    titles, results = ranked()
    assert results.total == len(titles) == 41
    assert titles[0] == "Wasserstoffregion Lausitz"  # the kind weight alone: the region first
