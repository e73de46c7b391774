"""Runs a site search: matching, facet counts and one page of ranked results.

Three ways, chosen by the database and settings:

* PostgreSQL: the generated ``search_vector`` column (``german`` configuration, GIN index) is
  matched with a tsquery built from the folded terms (long terms as prefixes) and ranked with
  ``ts_rank``.
* SQLite (development): LIKE on the folded columns; endings are stripped roughly, no Snowball.
* An external search server (``SEARCH_BACKEND=elasticsearch|opensearch``): Wagtail's backend
  searches the same entries, which it indexes with a German analyzer (see cms/settings/base.py).

Facets are counted from one grouped query over (kind, federal_state, year) of all matches; each
facet's counts apply the other facets' selections but not its own, so a visitor can switch.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, Count, F, FloatField, IntegerField, Q, Value
from django.db.models.expressions import Case, RawSQL, When
from wagtail.search.backends import get_search_backend

from search.models import SearchEntry
from search.text import MIN_HEAD_LENGTH, light_stem, tsquery

FACETS = ("kind", "federal_state", "year")
LIST_FIELDS = ("title_norm", "title_parts", "body_norm", "body_parts")


def uses_external_backend():
    return bool(getattr(settings, "SEARCH_EXTERNAL_BACKEND", False))


def _postgres_match(terms):
    query = tsquery(terms)
    match = RawSQL(
        "search_searchentry.search_vector @@ to_tsquery('german'::regconfig, %s)",
        [query],
        output_field=BooleanField(),
    )
    # Ranked on the small rank_vector (title, its compound parts, start of summary and text):
    # weights {D, C, B, A}, so whole title words count most. Normalisation 1 divides by
    # 1 + log(length). See migration 0002 for why the large search_vector is not used here.
    rank = RawSQL(
        "ts_rank('{0.05, 0.2, 0.5, 1.0}', search_searchentry.rank_vector,"
        " to_tsquery('german'::regconfig, %s), 1)",
        [query],
        output_field=FloatField(),
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


def _like_terms(terms):
    return [light_stem(term) if len(term) >= MIN_HEAD_LENGTH else term for term in terms]


def _sqlite_match(terms):
    condition = Q()
    rank = Value(0, output_field=IntegerField())
    for term in _like_terms(terms):
        condition &= Q(title_norm__contains=term) | Q(body_norm__contains=term)
        rank = rank + Case(When(title_norm__contains=term, then=Value(3)), default=Value(0))
        rank = rank + Case(When(body_norm__contains=term, then=Value(1)), default=Value(0))
    return condition, rank


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
    """The matches of one search: facet counts at once, a page of entries when sliced (Paginator)."""

    def __init__(self, terms, filters):
        self.terms, self.filters = terms, filters
        self.total, self.facet_counts = 0, {name: {} for name in FACETS}
        self._base = self._rank = None
        if not terms:
            return
        if uses_external_backend():
            self._external = True
            return
        self._external = False
        if connection.vendor == "postgresql":
            match, self._rank = _postgres_match(terms)
            self._base = SearchEntry.objects.filter(match)
        else:
            condition, self._rank = _sqlite_match(terms)
            self._base = SearchEntry.objects.filter(condition)
        with _index_scan():
            rows = list(self._base.values(*FACETS).annotate(n=Count("id")).order_by())
        self.total, self.facet_counts = _facet_counts(rows, filters)

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
        # First the ids of the page (sorting narrow rows), then the full rows of just those: a
        # sort that carried the long text columns would decompress them for every match.
        with _index_scan():
            ids = list(
                self._base.filter(_filter_q(self.filters))
                .annotate(rank=self._rank)
                .order_by(F("rank").desc(), "title", "id")
                .values_list("id", flat=True)[start:stop]
            )
        rows = (
            SearchEntry.objects.filter(id__in=ids)
            .select_related("page", "document", "parent_page")
            .defer(*LIST_FIELDS)
            .in_bulk()
        )
        return [rows[pk] for pk in ids if pk in rows]


def search_entries(terms, filters):
    """Match ``terms`` (folded, see search.text.query_terms) and count facets under ``filters``."""
    if terms and uses_external_backend():
        return ExternalResultSet(terms, filters)
    return ResultSet(terms, filters)


class ExternalResultSet(ResultSet):  # pragma: no cover - needs a search server
    """The same interface on Wagtail's Elasticsearch/OpenSearch backend (SEARCH_BACKEND)."""

    def __init__(self, terms, filters):
        self.terms, self.filters = terms, filters
        self._backend = get_search_backend()
        self._text = " ".join(terms)
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
        condition |= Q(title_parts__contains=last)  # "dialog" -> "Industriedialog"
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
