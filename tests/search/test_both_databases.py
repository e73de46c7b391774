"""One German query set on both databases: SQLite (FTS5, bm25) and PostgreSQL (tsvector, ts_rank)
index the same analysis (search.analysis) and rank by the same intent score, so their first results
are the same. The suite runs on one database at a time: the SQLite run checks ``EXPECTED`` there,
the PostgreSQL run (marked ``postgres``, CI runs it) checks the very same list there."""

import pytest
from django.db import connection

from search.analysis import parse
from search.engine import search_entries
from search.models import SearchSynonym
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.meetings import ForumIndexPageFactory, ForumTopicPageFactory
from tests.factories.regions import RegionPageFactory

pytestmark = [pytest.mark.django_db]

# query -> the first results in order; a set: these in any order (the same intent score, ordered by
# the text rank, which is bm25 on SQLite and ts_rank on PostgreSQL).
EXPECTED = {
    "Krefeld": ["Krefeld", "Ausstellung in Krefeld"],
    "Regionen": ["Regionaler Dialog", {"Frankfurt am Main", "Krefeld", "Nord-Westfalen"}],
    "Frankfurt": ["Frankfurt am Main", "Ausstellung in Frankfurt (Oder)"],
    "Frankfurt Oder": ["Ausstellung in Frankfurt (Oder)"],
    "Buendnis": ["Bündnis für Industrie Thüringen", "Krefeld"],
    "Nordwestfalen": ["Nord-Westfalen"],
    "Digitalisierung": ["Unsere gute digitale Zukunft"],
    "Logo": ["Signet und Motive"],
    "Wasserstoff": ["Vortrag Geiger"],
    "Strasse": ["Industriedialog Baden-Württemberg"],
}


@pytest.fixture
def query_corpus(home_page, corpus):
    regions = corpus["region"].get_parent()
    RegionPageFactory(parent=regions, title="Frankfurt am Main", summary="Die Region am Main.")
    RegionPageFactory(parent=regions, title="Nord-Westfalen", summary="Münsterland und Emscher-Lippe.")
    StandardPageFactory(parent=home_page, title="Regionaler Dialog", slug="regionaler-dialog")
    StandardPageFactory(parent=home_page, title="Signet und Motive", slug="signet")
    ForumTopicPageFactory(
        parent=ForumIndexPageFactory(parent=home_page), title="Unsere gute digitale Zukunft"
    )
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(
        parent=events, title="Ausstellung in Krefeld", city="Krefeld", description="In der Region."
    )
    EventPageFactory(
        parent=events, title="Ausstellung in Frankfurt (Oder)", city="Frankfurt (Oder)", description="Region."
    )
    SearchSynonym.objects.create(terms="Logo, Signet")
    return corpus


def top_results(query, count):
    return [entry.title for entry in search_entries(parse(query, {"logo": ["Logo", "Signet"]}), {})[0:count]]


def shaped(titles, expected):
    """``titles`` grouped like ``expected`` (a set where it has a set)."""
    out, position = [], 0
    for item in expected:
        size = len(item) if isinstance(item, set) else 1
        chunk = titles[position : position + size]
        out.append(set(chunk) if isinstance(item, set) else (chunk[0] if chunk else None))
        position += size
    return out


def check_query_set():
    found = {}
    for query, expected in EXPECTED.items():
        count = sum(len(item) if isinstance(item, set) else 1 for item in expected)
        found[query] = shaped(top_results(query, count), expected)
    assert found == EXPECTED


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite half; the PostgreSQL half is marked postgres"
)
def test_query_set_on_sqlite(query_corpus):
    check_query_set()


@pytest.mark.postgres
def test_query_set_on_postgres(query_corpus):
    check_query_set()
