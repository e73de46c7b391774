import logging

from django.conf import settings
from django.db import DatabaseError
from django.db.models import F, Sum
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from cms.caching import renders
from cms.caching.content import content_cached
from cms.caching.restrictions import is_public, private_sections
from cms.core.constants import FederalState
from cms.core.pagination import PAGE_PARAMETER, paginate, requested_page
from cms.core.querystring import query_params, query_string
from search import querylog
from search.analysis import parse
from search.engine import FACETS, search_entries, suggest_titles, uses_external_backend
from search.forms import SearchForm
from search.indexing import KINDS, kind_label
from search.spelling import correction
from search.synonyms import synonym_map
from search.text import MAX_TERMS, clean_query, highlight, highlight_all, query_terms

logger = logging.getLogger("cms.search")

PER_PAGE = 10
FACET_PARAMETERS = {"kind": "art", "federal_state": "land", "year": "jahr"}
FACET_LABELS = {"kind": "Art", "federal_state": "Bundesland", "year": "Jahr"}
STATE_LABELS = dict(FederalState.choices)
EXAMPLES = ("Industriedialog", "Bündnis für Industrie", "Berufliche Bildung", "Modellregion")


def _link_params(query, filters):
    """The parameters the links of a search page carry: the cleaned query (at most
    MAX_QUERY_LENGTH characters) and the valid filters, never what else the address held."""
    params = {"q": query} if query else {}
    for name, parameter in FACET_PARAMETERS.items():
        if filters.get(name) not in (None, ""):
            params[parameter] = str(filters[name])
    return params


def _url_with(params, **changes):
    """A link of the search page; ``"?"`` when no parameter is left (``""`` would keep the address)."""
    return query_string(params, **changes) or "?"


def _facet_value_label(name, value):
    if name == "kind":
        return kind_label(value, plural=True)
    if name == "federal_state":
        return STATE_LABELS.get(value, value)
    return str(value)


def _facets(params, counts, filters):
    facets = []
    for name in FACETS:
        parameter = FACET_PARAMETERS[name]
        options = []
        items = counts.get(name, {}).items()
        if name == "year":
            items = sorted(items, key=lambda item: -int(item[0]))
        else:
            items = sorted(items, key=lambda item: (-item[1], _facet_value_label(name, item[0])))
        selected_value = filters.get(name)
        for value, count in items:
            selected = selected_value is not None and str(selected_value) == str(value)
            options.append(
                {
                    "value": value,
                    "label": _facet_value_label(name, value),
                    "count": count,
                    "selected": selected,
                    "url": _url_with(params, **{parameter: None if selected else str(value)}),
                }
            )
        if options or selected_value not in (None, ""):
            facets.append(
                {
                    "name": name,
                    "parameter": parameter,
                    "label": FACET_LABELS[name],
                    "options": options,
                    "selected": selected_value not in (None, ""),
                    "reset_url": _url_with(params, **{parameter: None}),
                }
            )
    return facets


def _result(request, entry, terms, sections=None):
    passage = highlight(entry.body, terms) if entry.body else ""
    summary_passage = highlight(entry.summary, terms) if entry.summary else ""
    item = {
        "entry": entry,
        "kind": entry.kind,
        "kind_label": kind_label(entry.kind),
        "title": highlight_all(entry.title, terms),
        "passage": summary_passage or passage or entry.summary[:240],
        "state": STATE_LABELS.get(entry.federal_state, ""),
        "year": entry.year,
        "url": "",
        "download_url": "",
        "file_info": "",
        "parent_title": "",
        "parent_url": "",
    }
    if entry.page_id and entry.page:
        item["url"] = entry.page.get_url(request) or ""
    if entry.document_id and entry.document:
        item["download_url"] = item["url"] = entry.document.url
        item["file_info"] = entry.document.file_info
        if summary_passage and passage and passage != summary_passage:
            item["passage"] = passage  # text found inside the file counts more than the description
    # The index leaves private meetings out already (search.indexing); checked again here.
    if entry.parent_page_id and entry.parent_page and is_public(entry.parent_page, sections):
        item["parent_title"] = entry.parent_page.title
        item["parent_url"] = entry.parent_page.get_url(request) or ""
    return item


def _promotions(query):
    """The editors' promotions for ``query``: all promotions are kept in the content cache (renewed
    when a promotion or published content changes), so a search reads no table for them."""
    try:
        return content_cached("search-promotions", _all_promotions).get(normalise_query_string(query), [])
    except DatabaseError:  # pragma: no cover - a broken promotions table must not break the search
        logger.exception("Suchempfehlungen konnten nicht geladen werden.")
        return []


def _all_promotions():
    """{normalised search term: its promotions in order} (few: the editors choose them)."""
    by_query = {}
    promotions = SearchPromotion.objects.select_related("query", "page")
    for promotion in promotions.order_by("query_id", "sort_order"):
        by_query.setdefault(promotion.query.query_string, []).append(promotion)
    return by_query


def _popular_queries(limit=6):
    """ "Häufig gesucht": only terms the editors chose, i.e. the search terms that have a search
    promotion (Suchbegriffe > Empfehlungen), most searched first. Wagtail's query log itself holds
    every visitor's raw search (spam, names, addresses) and stays in the editors' report."""
    try:
        promoted = SearchPromotion.objects.values("query_id")
        queries = (
            Query.objects.filter(pk__in=promoted)
            .annotate(searched=Sum("daily_hits__hits"))
            .order_by(F("searched").desc(nulls_last=True), "query_string")
        )
        return [query.query_string for query in queries[:limit]]
    except DatabaseError:  # pragma: no cover
        return []


@require_safe  # GET and HEAD (link checkers, monitoring): the same status and headers, no body
@never_cache  # counted for the editors' search terms report; kept out of the page cache and CDNs
def search(request):
    query, filters, notices = SearchForm(request.GET).values()
    if query and request.method == "GET" and not request.GET.get(PAGE_PARAMETER):
        querylog.count(query)
    # Every search is counted; what it shows is the same for every anonymous visitor until content
    # changes, so a repeated search (a newsletter's link, a popular term) comes from the cache.
    return renders.cached_render(
        request, lambda: _search_page(request, query, filters, notices), search_cache_seconds()
    )


def search_cache_seconds():
    """How long a rendered search is kept. Not with a search server: it indexes a change only after
    the publish has renewed the cache (refresh interval, task queue), so a search in between would
    keep the old results under the new token."""
    return 0 if uses_external_backend() else settings.SEARCH_CACHE_SECONDS


def find(query, filters, page=1):
    """(analysed query, results, correction or None) of a visitor's query: with the editors'
    synonyms; a query without results shows the results of its correction ("Meinten Sie …?"),
    if it has any. The results of page ``page`` come with the facet counts, in one statement.
    Also what scripts/bench_search.py judges."""
    parsed = parse(query, synonym_map(), max_terms=MAX_TERMS)
    window = ((page - 1) * PER_PAGE, page * PER_PAGE)
    results = search_entries(parsed, filters, window)
    if parsed and not results.total:
        corrected = correction(query)
        if corrected:
            corrected_results = search_entries(
                parse(corrected, synonym_map(), max_terms=MAX_TERMS), filters, window
            )
            if corrected_results.total:
                return parsed, corrected_results, corrected
    return parsed, results, None


def _search_page(request, query, filters, notices):
    if filters.get("kind") and filters["kind"] not in KINDS:
        notices.append(SearchForm.error_messages["art"])
        filters.pop("kind")
    parsed, results, corrected = find(query, filters, requested_page(request))
    terms = parsed.words if parsed else []
    if query and not parsed:
        notices.append("Der Suchbegriff enthält keine Wörter, nach denen gesucht werden kann.")
    elif corrected:
        terms = parse(corrected, synonym_map(), max_terms=MAX_TERMS).words
    page, page_notice = paginate(request, results, PER_PAGE)
    if page_notice:
        notices.append(page_notice)
    sections = private_sections()
    items = [_result(request, entry, terms, sections) for entry in page.object_list]
    params = _link_params(query, filters)

    promotions = []
    if query and page.number == 1:
        promotions = _promotions(query)
        promoted_pages = {promotion.page_id for promotion in promotions if promotion.page_id}
        if promoted_pages:
            items = [item for item in items if item["entry"].page_id not in promoted_pages]

    context = {
        "search_query": query,
        "terms": terms,
        "search_results": page,
        "results": items,
        "total": results.total,
        "promotions": promotions,
        "facets": _facets(params, results.facet_counts, filters) if terms else [],
        "filters_active": bool(filters),
        "reset_filters_url": _url_with(params, art=None, land=None, jahr=None),
        "notices": notices,
        "link_params": query_params(params),
        "examples": EXAMPLES,
        "corrected_query": corrected,
        "corrected_url": _url_with(_link_params(corrected, filters)) if corrected else "",
    }
    if query and not results.total and not promotions:
        context["popular_queries"] = [q for q in _popular_queries() if q != query.lower()][:5]
        context["suggestions"] = _suggestion_items(request, query_terms(query)[:1], limit=5)
    return TemplateResponse(request, "search/search.html", context)


def _suggestion_items(request, terms, limit=8):
    seen, items = set(), []
    for entry in suggest_titles(terms, limit=limit):
        key = entry.title.lower()
        if key in seen:
            continue
        seen.add(key)
        if entry.page_id and entry.page:
            url = entry.page.get_url(request) or ""
        elif entry.document_id and entry.document:
            url = entry.document.url
        else:
            continue
        items.append({"title": entry.title, "url": url, "kind": kind_label(entry.kind)})
        if len(items) >= limit:
            break
    return items


@require_safe
@cache_control(public=True, max_age=60)
def suggestions(request):
    """JSON title suggestions for the search box: ``{"query": …, "suggestions": [{title, url, kind}]}``."""
    query = clean_query(request.GET.get("q"))
    terms = query_terms(query)
    items = _suggestion_items(request, terms) if len(query) >= 2 and terms else []
    return JsonResponse({"query": query, "suggestions": items})
