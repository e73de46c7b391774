"""Full-page cache for anonymous visitors, emptied whenever published content changes.

wagtail-cache (CodeRed) would be the library for this, but its releases require Wagtail < 8. This module
is the same idea in Django's cache (Redis when ``REDIS_URL`` is set), so that every app instance sees
the same entries and the same invalidation.

Rules (docs/architecture.md, "Zwischenspeicher"):

- Only GET/HEAD requests without a session cookie (i.e. never for logged-in editors, never for
  previews, which live under /admin/) and outside ``PAGE_CACHE_EXCLUDED_PATHS`` are looked up.
- Only addresses whose query string holds nothing but the parameters the pages under that path read
  (``PAGE_CACHE_QUERY_PARAMETERS``: path prefix -> names, the longest prefix counts), each at most
  once and ``PAGE_CACHE_MAX_QUERY_LENGTH`` characters in all, are looked up and stored; any other
  query (``?junk=1``, tracking parameters) is served fresh and not stored, so that a flood of random
  addresses cannot push the useful entries (or the rate-limit counters) out of the cache. A page
  cannot be keyed on its known parameters alone: its pagination links repeat the whole query.
- Only responses with status 200 are stored, and none that set a cookie (a page that renders a CSRF
  token, i.e. every page with a form, always sends the CSRF cookie), are streamed, vary on ``*`` or
  say ``private``/``no-cache``/``no-store``.
  Those get ``Cache-Control: private, no-cache`` so that no CDN keeps them either.
- Stored responses get ``Cache-Control: public, max-age, s-maxage, stale-while-revalidate``, an ETag
  and Last-Modified (the time of rendering), so conditional requests are answered with 304 by
  ``ConditionalGetMiddleware``.
- ``Vary: Cookie`` and ``Vary: Accept-Language`` are dropped from stored responses: requests with a
  session cookie never reach the cache and responses that set cookies are never stored, so what an
  anonymous visitor sees does not depend on cookies (a leftover ``csrftoken`` must not give every
  visitor an own copy of every page), and the site speaks German only. A CDN can then share them.
- Invalidation: every stored page carries the namespace token of ``invalidation``, which is replaced
  whenever published content changes; a page rendered from data older than the change can never be
  served under the new token.
- A hit costs one cache round trip: the token and the entry are read together (``get_many``) and the
  entry counts only if it carries the current token. Entries are plain tuples (token, the values of
  the headers it still varies on, status, headers, content), one per URL, not pickled responses.
- ``renders.cached_render`` (the search) and ``content.content_cached`` (menu, private sections)
  keep their values under the same token and rules.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import has_vary_header, patch_cache_control
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date

from cms.caching import invalidation

UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")


def enabled():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def _excluded(request):
    return not enabled() or any(request.path.startswith(path) for path in settings.PAGE_CACHE_EXCLUDED_PATHS)


def _known_parameters(path):
    """The query parameters the pages (or views) under ``path`` read (``PAGE_CACHE_QUERY_PARAMETERS``)."""
    prefixes = getattr(settings, "PAGE_CACHE_QUERY_PARAMETERS", {})
    matching = [prefix for prefix in prefixes if path.startswith(prefix)]
    return frozenset(prefixes[max(matching, key=len)]) if matching else frozenset()


def query_is_cacheable(request):
    """Whether the query string holds only parameters the address reads, each once, and is short."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return True
    if len(query) > getattr(settings, "PAGE_CACHE_MAX_QUERY_LENGTH", 200):
        return False
    known = _known_parameters(request.path)
    return all(name in known and len(values) == 1 for name, values in request.GET.lists())


def _request_is_cacheable(request):
    if request.method not in ("GET", "HEAD") or _excluded(request):
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and query_is_cacheable(request)


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    return not has_vary_header(response, "*")


IGNORED_VARY = {"cookie", "accept-language"}


def _drop_vary(response, names):
    """Remove ``names`` (lower case) from the response's Vary header."""
    if not response.has_header("Vary"):
        return
    kept = [value.strip() for value in response["Vary"].split(",") if value.strip().lower() not in names]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def url_digest(request):
    url = iri_to_uri(request.build_absolute_uri()).encode("ascii")
    return hashlib.md5(url, usedforsecurity=False).hexdigest()


def _vary_values(request, response):
    """The request headers a stored response still varies on (after IGNORED_VARY), as pairs."""
    if not response.has_header("Vary"):
        return ()
    names = sorted({value.strip().lower() for value in response["Vary"].split(",") if value.strip()})
    return tuple((name, request.headers.get(name, "")) for name in names)


def _from_entry(request, token, entry):
    """The response of a stored entry, if it was stored under ``token`` for a request like this."""
    if not isinstance(entry, tuple) or len(entry) != 5 or entry[0] != token:
        return None
    _token, vary, status, headers, content = entry
    if any(request.headers.get(name, "") != value for name, value in vary):
        return None
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class FetchFromPageCacheMiddleware:
    """Answers from the page cache. Right after UpdatePageCacheMiddleware: a hit skips all later middleware
    (sessions, users, CSRF, CSP, ...), whose headers the stored response already carries; whether a
    request may be answered from the cache depends only on its method, path and session cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._page_cache_key = None
        if _request_is_cacheable(request):
            key = f"pagecache.page.{url_digest(request)}"
            token, entry = invalidation.token_and_entry(request, key)
            request._page_cache_key = key
            response = _from_entry(request, token, entry)
            if response is not None:
                response["X-Page-Cache"] = "hit"
                return response
        return self.get_response(request)


class UpdatePageCacheMiddleware:
    """Stores cacheable responses and sets their Cache-Control. First of the cache pair in MIDDLEWARE,
    right after ConditionalGetMiddleware, so it sees the Vary headers of all the others."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("X-Page-Cache") or _excluded(request):
            return response
        key = getattr(request, "_page_cache_key", None)
        if key is None or not _response_is_cacheable(request, response):
            # Logged-in views, pages with forms ...: no CDN or proxy may keep them either.
            if response.status_code == 200 and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_MAX_AGE,
            s_maxage=settings.PAGE_CACHE_S_MAXAGE,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
        )
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        _drop_vary(response, IGNORED_VARY)
        if request.method == "GET":
            entry = (
                request._page_cache_token,
                _vary_values(request, response),
                response.status_code,
                list(response.headers.items()),
                response.content,
            )
            invalidation.cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response
