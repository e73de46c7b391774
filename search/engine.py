"""Runs a site search: matching, facet counts and one page of ranked results.

Both databases index the same Python analysis (``search.analysis``: folded Snowball stems, compound
parts, joined names, the editors' synonyms), so they match the same entries:

* PostgreSQL: the generated ``search_vector`` column (``simple`` configuration over the analysed
  columns, GIN index) is matched with a tsquery; the text rank is ``ts_rank`` on ``rank_vector``.
* SQLite: the FTS5 table ``search_searchentry_fts`` is matched with MATCH; the text rank is
  ``bm25()`` with column weights.
* An external search server (``SEARCH_BACKEND=elasticsearch|opensearch``): Wagtail's backend
  searches the same entries, which it indexes with a German analyzer (see cms/settings/base.py).

Ranking by intent (``intent_score``), the same expression on both databases and decided from the
judged queries of ``scripts/search_judgements.py`` (docs/benchmarks/search.md): an entry whose
title is the query (a region, an initiative, a forum topic, a section) comes first, then entries
with every query word in the title, weighted by kind, so that the overview pages and entities are
not crowded out by hundreds of similar events; the text rank orders entries of equal score.

Facets are counted from one grouped query over (kind, federal_state, year) of all matches; each
facet's counts apply the other facets' selections but not its own, so a visitor can switch.
"""

from contextlib import contextmanager
from functools import reduce
from operator import add, and_, or_

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, IntegerField, Q, Value
from django.db.models.expressions import Case, ExpressionWrapper, RawSQL, When
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan
from wagtail.search.backends import get_search_backend

from search.analysis import fts5_query, stem, tsquery
from search.models import SearchEntry
from search.text import MIN_HEAD_LENGTH

FACETS = ("kind", "federal_state", "year")
LIST_FIELDS = ("title_norm", "title_terms", "title_parts", "body_terms", "body_parts")
# A hit's document is shown by its link and file type and size; its text (up to the extraction limit)
# is the entry's body already.
DOCUMENT_TEXT = ("document__extracted_text", "document__extraction_message")

# Scores of the intent ranking (see the module docstring and docs/benchmarks/search.md).
EXACT_TITLE = 100  # the title is the query ("Krefeld", "Regionaler Dialog")
TITLE_STARTS = 12  # the title starts with the query's first word ("Frankfurt am Main")
TITLE_HAS_ALL = 30  # every query word (or a synonym) in the title, its parts or its kind
KIND_WEIGHTS = {
    "region": 10,
    "page": 9,
    "forum": 9,
    "initiative": 8,
    "meeting": 7,
    "presentation": 6,
    "news": 4,
    "document": 5,
    "event": 0,
}


def uses_external_backend():
    return bool(getattr(settings, "SEARCH_EXTERNAL_BACKEND", False))


def _padded(stems):
    return f" {' '.join(stems)} "


def _contains(field, text):
    """``field`` contains ``text``: ``STRPOS``/``INSTR`` instead of ``LIKE '%…%'``, which both databases
    evaluate more slowly for every match (the intent of all 11,765 matches of "Industrie" at 12,000
    entries: 3 ms less on PostgreSQL, docs/search.md). The columns are folded, so no case rules."""
    return Q(GreaterThan(StrIndex(field, Value(text)), 0))


def _in_title(token):
    """The token as a whole title word, or the start of one (prefix), or a part of one."""
    end = "" if token.prefix else " "
    return _contains("title_terms", f" {token.stem}{end}") | _contains("title_parts", f" {token.stem}{end}")


def intent_score(query):
    """The intent score of an entry for the analysed ``query`` (an integer expression)."""
    has_all = Q()
    for group in query.groups:
        alternatives = [reduce(and_, map(_in_title, alternative)) for alternative in group]
        has_all &= reduce(or_, alternatives)
    typed = query.title_tokens()
    # The title is what was typed, filler words included ("Über uns", "Woche der Industrie").
    exact = Q(title_terms=_padded(query.typed)) | Q(title_terms=_padded(token.stem for token in typed))
    if query.joined is not None:
        exact |= Q(title_terms=_padded([query.joined.stem]))
    first = typed[0]
    starts = Q(title_terms__startswith=f" {first.stem}{'' if first.prefix else ' '}")
    parts = [
        Case(When(exact, then=Value(EXACT_TITLE)), default=Value(0)),
        Case(When(starts, then=Value(TITLE_STARTS)), default=Value(0)),
        Case(When(has_all, then=Value(TITLE_HAS_ALL)), default=Value(0)),
        Case(*(When(kind=kind, then=Value(weight)) for kind, weight in KIND_WEIGHTS.items()), default=0),
    ]
    return ExpressionWrapper(reduce(add, parts), output_field=IntegerField())


def _postgres_match(query):
    expression = tsquery(query)
    match = RawSQL(
        "search_searchentry.search_vector @@ to_tsquery('simple'::regconfig, %s)",
        [expression],
        output_field=BooleanField(),
    )
    # Ranked on the small rank_vector (title, its parts and kind, start of the text): weights
    # {D, C, B, A}, so whole title words count most. Normalisation 1 divides by 1 + log(length).
    rank = (
        "(SELECT ts_rank('{0.05, 0.2, 0.5, 1.0}', ranked.rank_vector, to_tsquery('simple'::regconfig, %s), 1)"
        " FROM search_searchentry AS ranked WHERE ranked.id = m.id)",
        [expression],
    )
    return match, rank


def _sqlite_match(query):
    expression = fts5_query(query)
    match = Q(
        id__in=RawSQL(
            "SELECT rowid FROM search_searchentry_fts WHERE search_searchentry_fts MATCH %s", [expression]
        )
    )
    # bm25() is smaller for better matches; negated, so that both databases sort descending. Column
    # weights: title stems, title parts and kind, text stems, text parts. FTS5 finds the one row by
    # its rowid within the match (a seek, not a second full match).
    rank = (
        "-(SELECT bm25(search_searchentry_fts, 10.0, 4.0, 1.0, 0.2) FROM search_searchentry_fts"
        " WHERE search_searchentry_fts MATCH %s AND rowid = m.id)",
        [expression],
    )
    return match, rank


@contextmanager
def _index_scan():
    """On PostgreSQL, make the planner use the GIN index even when most rows match.

    A sequential scan would have to decompress every row's large search_vector to test it; the
    bitmap scan of the GIN index answers the match without touching those vectors (20x faster
    when a query matches most documents, see docs/benchmarks/search.md). The setting is local
    to this block: ``SET LOCAL`` ends with the transaction; inside an outer transaction (tests,
    ATOMIC_REQUESTS) the previous value is restored explicitly.
    """
    if connection.vendor != "postgresql":
        yield
        return
    nested = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        previous = None
        if nested:
            cursor.execute("SHOW enable_seqscan")
            previous = cursor.fetchone()[0]
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            yield
        finally:
            if nested:
                cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


def _filter_q(filters, skip=None):
    q = Q()
    for name in FACETS:
        value = filters.get(name)
        if value not in (None, "") and name != skip:
            q &= Q(**{name: value})
    return q


def _facet_counts(rows, filters):
    counts = {name: {} for name in FACETS}
    total = 0
    for row in rows:
        matches = {name: filters.get(name) in (None, "") or row[name] == filters[name] for name in FACETS}
        if all(matches.values()):
            total += row["n"]
        for name in FACETS:
            if row[name] in (None, ""):
                continue
            if all(ok for other, ok in matches.items() if other != name):
                counts[name][row[name]] = counts[name].get(row[name], 0) + row["n"]
    return total, counts


class ResultSet:
    """The matches of one search: facet counts at once, a page of entries when sliced (Paginator).

    One statement (``_statement``) reads the matches once, with their intent, and returns both the
    facet counts and the ids of the ``window`` (the page the visitor asked for, ``(start, stop)``);
    a slice outside it (a page number past the end) runs the same statement for its ids only. With
    the matches read once instead of twice and the text rank limited to the cut (below), a search
    at 12,000 entries reads the index's table once (docs/benchmarks/search.md).
    """

    def __init__(self, query, filters, window=(0, 10)):
        self.query, self.filters = query, filters
        self.total, self.facet_counts = 0, {name: {} for name in FACETS}
        self._base = self._rank = None
        self._window, self._window_ids = window, []
        if not query:
            return
        if connection.vendor == "postgresql":
            match, self._rank = _postgres_match(query)
        else:
            match, self._rank = _sqlite_match(query)
        self._base = SearchEntry.objects.filter(match)
        rows = self._run(*window, facets=True)
        facet_rows = [
            dict(zip(("kind", "federal_state", "year", "n"), row[2:], strict=True))
            for row in rows
            if row[0] == 0
        ]
        self._window_ids = [
            row[1] for row in sorted((row for row in rows if row[0] == 1), key=lambda row: row[5])
        ]
        self.total, self.facet_counts = _facet_counts(facet_rows, filters)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("ResultSet supports slices only")
        start, stop = item.start or 0, item.stop if item.stop is not None else self.total
        if not self.total or start >= self.total:
            return []
        if start == self._window[0] and stop <= self._window[1]:
            ids = self._window_ids[: stop - start]
        else:
            ids = [row[1] for row in sorted(self._run(start, stop), key=lambda row: row[5])]
        # First the ids of the page (sorting narrow rows), then the full rows of just those: a
        # sort that carried the long text columns would decompress them for every match.
        rows = (
            SearchEntry.objects.filter(id__in=ids)
            .select_related("page", "document", "parent_page")
            .defer(*LIST_FIELDS, *DOCUMENT_TEXT)
            .in_bulk()
        )
        return [rows[pk] for pk in ids if pk in rows]

    def _run(self, start, stop, facets=False):
        with _index_scan(), connection.cursor() as cursor:
            cursor.execute(*self._statement(start, stop, facets))
            return cursor.fetchall()

    def _statement(self, start, stop, facets=False):
        """SQL and parameters of the page ``[start:stop]`` in the order intent, text rank, title, id, as
        rows ``(1, id, None, None, None, position)``; with ``facets`` also the rows
        ``(0, None, kind, federal_state, year, count)`` of all matches (each facet applies the
        others' selections in Python, ``_facet_counts``).

        The text rank is the expensive part (``ts_rank`` reads each match's rank_vector, ``bm25()``
        seeks the FTS5 row), and it only orders entries of equal intent. So the matches with their
        intent are computed once (the materialised ``m``), the intent of the page's last entry is
        the cut, and only the entries at or above the cut get a text rank: for "Industrie" at 12,000
        entries a few hundred instead of all 11,765. The order is the same as ranking every match:
        each entry of the page is at or above the cut (tests/search/test_intent.py).
        """
        matches = self._base.annotate(intent=intent_score(self.query)).values(
            "id", "title", "intent", *FACETS
        )
        matches_sql, matches_params = matches.query.sql_with_params()
        conditions, filter_params = ["1 = 1"], []
        for name in FACETS:
            value = self.filters.get(name)
            if value not in (None, ""):
                conditions.append(f"{{table}}.{name} = %s")
                filter_params.append(value)
        where = " AND ".join(conditions)
        # The rank fragment of _postgres_match/_sqlite_match names the CTE's alias ``m``: it is only
        # valid inside this statement.
        rank_sql, rank_params = self._rank
        page = (
            "SELECT 1 AS part, p.id, NULL, NULL, NULL, p.position FROM (SELECT m.id, ROW_NUMBER() OVER ("  # noqa: S608 - constants; values are parameters
            f"ORDER BY m.intent DESC, {rank_sql} DESC, m.title ASC, m.id ASC) AS position FROM m"
            f" WHERE {where.format(table='m')} AND m.intent >= COALESCE((SELECT c.intent FROM m AS c"
            f" WHERE {where.format(table='c')} ORDER BY c.intent DESC LIMIT 1 OFFSET %s),"
            # Fewer matches than the page's end: all of them, if the page starts within the
            # matches; else none (NULL): a page past the end ranks nothing.
            f" (SELECT -1 FROM m AS c WHERE {where.format(table='c')} LIMIT 1 OFFSET %s))) AS p"
            " WHERE p.position > %s AND p.position <= %s"
        )
        params = [
            *matches_params, *rank_params, *filter_params, *filter_params, stop - 1, *filter_params, start,
            start, stop,
        ]  # fmt: skip
        sql = f"WITH m AS MATERIALIZED ({matches_sql}) "  # noqa: S608 - compiled SQL and constants; values are parameters
        if facets:
            sql += (
                "SELECT 0 AS part, NULL, m.kind, m.federal_state, m.year, COUNT(*) FROM m"
                " GROUP BY m.kind, m.federal_state, m.year UNION ALL "
            )
        return sql + page, params


def search_entries(query, filters, window=(0, 10)):
    """Match the analysed ``query`` (search.analysis.parse) and count facets under ``filters``; the
    results ``window = (start, stop)`` (the page the visitor asked for) come with the counts."""
    if query and uses_external_backend():
        return ExternalResultSet(query, filters)
    return ResultSet(query, filters, window)


class ExternalResultSet(ResultSet):  # pragma: no cover - needs a search server
    """The same interface on Wagtail's Elasticsearch/OpenSearch backend (SEARCH_BACKEND)."""

    def __init__(self, query, filters):
        self.query, self.filters = query, filters
        self._backend = get_search_backend()
        self._text = " ".join(query.words)
        self._results = self._searched()
        self.total = self._results.count()
        self.facet_counts = {name: dict(self._searched(skip=name).facet(name)) for name in FACETS}

    def _searched(self, skip=None):
        queryset = SearchEntry.objects.filter(_filter_q(self.filters, skip=skip))
        return self._backend.search(self._text, queryset, operator="and")

    def __getitem__(self, item):
        ids = [entry.pk for entry in self._results[item]]
        by_id = SearchEntry.objects.select_related("page", "document", "parent_page").in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]


def suggest_titles(terms, limit=8):
    """Titles with a word starting with the last term (or a compound ending in it), containing the others."""
    if not terms:
        return []
    *others, last = terms
    condition = Q(title_norm__startswith=last) | Q(title_norm__contains=" " + last)
    condition |= Q(title_norm__contains="-" + last)
    if len(last) >= MIN_HEAD_LENGTH:
        # "dialog" -> "Industriedialog", "nordwest" -> "Nord-Westfalen" (stems of parts, joined names)
        condition |= Q(title_parts__contains=" " + stem(last)) | Q(title_parts__contains=" " + last)
    for term in others:
        condition &= Q(title_norm__contains=term)
    starts = Case(When(title_norm__startswith=last, then=Value(0)), default=Value(1))
    return list(
        SearchEntry.objects.filter(condition)
        .annotate(starts=starts, is_document=Case(When(page__isnull=False, then=Value(0)), default=Value(1)))
        .select_related("page", "document")
        .defer(*LIST_FIELDS, "body", "summary")
        .order_by("starts", "is_document", "title")[: limit * 3]
    )
