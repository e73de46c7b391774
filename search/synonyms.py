"""The editors' synonyms (``search.models.SearchSynonym``) as a lookup for the query analysis.

Kept in the content cache (``cms.caching.content``) under the namespace token: saving or deleting a
synonym renews it like any published change (``PAGE_CACHE_INVALIDATING_MODELS``).
"""

from cms.caching.content import content_cached
from cms.core.text import compact
from search.models import SearchSynonym


def _build():
    lookup = {}
    for synonym in SearchSynonym.objects.order_by("pk"):
        variants = synonym.variants()
        for variant in variants:
            known = lookup.setdefault(compact(variant), [])
            known.extend(other for other in variants if other not in known)
    return lookup


def synonym_map():
    """{compact spelling: [all spellings of its synonyms]} ("logo" -> ["Logo", "Signet"])."""
    return content_cached("search-synonyms", _build)
