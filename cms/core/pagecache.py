"""Full-page cache for anonymous visitors, emptied whenever published content changes.

wagtail-cache (CodeRed) would be the library for this, but its releases require Wagtail < 8. This module
is the same idea in Django's cache (Redis when ``REDIS_URL`` is set), so that every app instance sees
the same entries and the same invalidation.

Rules (README, "Zwischenspeicher"):

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
- Invalidation: every stored page carries the namespace token that was current when its request
  began. Publishing, unpublishing, moving or deleting any page, and saving or deleting any model in
  ``PAGE_CACHE_INVALIDATING_MODELS`` (snippets shown on pages, documents, images, sites ...) replaces
  the token, at once and again after the transaction commits: every cached page is gone at once, for
  all instances. A request keeps the token it read before rendering, so a page rendered from data
  older than the change can never be served under the new token.
- A hit costs one cache round trip: the token and the entry are read together (``get_many``) and the
  entry counts only if it carries the current token. Entries are plain tuples (token, the values of
  the headers it still varies on, status, headers, content), one per URL, not pickled responses.
- ``cached_render`` keeps the rendering of a view that must still run on every request (the search,
  which counts each query) under the same conditions, token and rules.
- ``content_cached`` keeps values derived from published content (the menu, the list of private
  sections) under the same token, so they are renewed by the same rules; it works whether or not the
  page cache is on (``CONTENT_CACHE``).
"""

import hashlib
import logging
import threading
import time
import uuid

from asgiref.local import Local
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import has_vary_header, patch_cache_control
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger("cms.core.pagecache")

NAMESPACE_KEY = "pagecache:token"
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _enabled():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def _new_token():
    return uuid.uuid4().hex


def _token_from(value):
    """The stored token, or a new one when it is missing (evicted, new cache)."""
    if value is not None:
        return value
    token = _new_token()
    if not _cache().add(NAMESPACE_KEY, token, timeout=None):
        token = _cache().get(NAMESPACE_KEY) or token
    return token


# The token read by the request this thread is serving: one cache read per request, not one per use.
# Only between request_started and request_finished; outside requests (commands) it is read each time.
_request_state = Local()


def _remember(token):
    if getattr(_request_state, "active", False):
        _request_state.token = token


def _request_started(**kwargs):
    _request_state.active, _request_state.token = True, None
    _uncommitted.changes = False


def _request_finished(**kwargs):
    _request_state.active, _request_state.token = False, None
    _uncommitted.changes = False


def current_token(request=None):
    """The namespace token, read once per request (kept on ``request`` and for the thread's request)."""
    token = getattr(request, "_page_cache_token", None)
    if token is None and getattr(_request_state, "active", False):
        token = _request_state.token
    if token is None:
        token = _token_from(_cache().get(NAMESPACE_KEY))
        _remember(token)
    if request is not None:
        request._page_cache_token = token
    return token


def current_prefix():
    return f"pagecache.{current_token()}"


def clear():
    """Drop every cached page now (a new namespace token; the old entries are never served again)."""
    token = _new_token()
    _cache().set(NAMESPACE_KEY, token, timeout=None)
    _remember(token)
    _local.clear()
    logger.debug("Seiten-Cache geleert.")


def invalidate(reason=""):
    """Drop every cached page now and once more when the current transaction has committed.

    The second time is the one that counts for visitors: a page rendered between the change and
    the commit (from the data before the change) carries the token of the first and is dropped.
    Until the commit this thread builds content-cache values fresh and keeps none of them: they may
    come from rows that are not committed yet (and may be rolled back), see ``content_cached``.
    """
    logger.debug("Seiten-Cache wird geleert: %s", reason)
    _uncommitted.changes = True
    clear()
    transaction.on_commit(_committed, robust=True)


def _committed():
    _uncommitted.changes = False
    clear()


# Set by ``invalidate`` in the thread that changed content, until its transaction commits (or the
# request ends; after a rollback that is the safe side: values are only built fresh, never kept).
_uncommitted = threading.local()

# Values derived from content, per process: {name: (token, value, expires)}.
_local = {}


def content_cached(name, build, request=None):
    """``build()``, kept under the current token: in this process, then in the shared cache.

    For small values that many pages show and that change only through the rules above (the main
    menu, the private sections). Off when ``CONTENT_CACHE`` is false (the tests, except their own).
    Kept at most ``CONTENT_CACHE_SECONDS``, so that a change that sent no signal (``QuerySet.update``,
    raw SQL, a lost write to Redis) is seen after that time at the latest.
    """
    if not getattr(settings, "CONTENT_CACHE", False) or getattr(_uncommitted, "changes", False):
        return build()
    token = current_token(request)
    now = time.monotonic()
    local = _local.get(name)
    if local is not None and local[0] == token and local[2] > now:
        return local[1]
    seconds = getattr(settings, "CONTENT_CACHE_SECONDS", 300)
    key = f"pagecache.{token}.content.{name}"
    value = _cache().get(key)
    if value is None:
        value = build()
        _cache().set(key, value, timeout=seconds)
    _local[name] = (token, value, now + seconds)
    return value


def _excluded(request):
    return not _enabled() or any(request.path.startswith(path) for path in settings.PAGE_CACHE_EXCLUDED_PATHS)


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


def _url_digest(request):
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


def _token_and_entry(request, key):
    """The namespace token and the entry under ``key``: one cache round trip (``get_many``)."""
    values = _cache().get_many([NAMESPACE_KEY, key])
    request._page_cache_token = token = _token_from(values.get(NAMESPACE_KEY))
    _remember(token)
    return token, values.get(key)


def cached_render(request, render, seconds):
    """``render()``'s response, kept for this URL under the current token for anonymous visitors.

    For a view that must run on every request although its output for one URL is the same for every
    anonymous visitor: the search counts each query for the editors' report, so the page cache must
    not answer it, but matching, ranking, facets, highlighting and the template can come from here.
    Looked up for GET requests without a session cookie of visitors who are not logged in and with
    known query parameters only (``query_is_cacheable``), renewed by
    the page cache's rules; an entry lives at most ``seconds``. Stored only with status 200 and when
    the rendering holds nothing of this visitor's: no cookie, no CSRF token (the middleware would send
    its cookie only afterwards), no CSP nonce, no change to a session. The response keeps the view's
    own headers (the search sends ``no-store``: no CDN or browser keeps it).
    """
    user = getattr(request, "user", None)
    if (
        not _enabled()
        or seconds <= 0
        or request.method != "GET"
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or (user is not None and user.is_authenticated)
        or getattr(_uncommitted, "changes", False)
        or not query_is_cacheable(request)
    ):
        return render()
    key = f"pagecache.view.{_url_digest(request)}"
    token, entry = _token_and_entry(request, key)
    if isinstance(entry, tuple) and len(entry) == 3 and entry[0] == token:
        response = HttpResponse(entry[2], content_type=entry[1])
        response["X-Page-Cache"] = "hit"
        return response
    response = render()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and not response.streaming and not _personal(request, response):
        _cache().set(key, (token, response["Content-Type"], response.content), seconds)
    response["X-Page-Cache"] = "miss"
    return response


def _personal(request, response):
    """Whether a rendering holds something of this visitor's (see ``cached_render``)."""
    session = getattr(request, "session", None)
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # {% csrf_token %}: the token of this visitor
        or isinstance(getattr(request, "_csp_nonce", None), str)  # django-csp made a nonce for the page
        or getattr(session, "modified", False)
    )


class FetchFromPageCacheMiddleware:
    """Answers from the page cache. Right after UpdatePageCacheMiddleware: a hit skips all later middleware
    (sessions, users, CSRF, CSP, ...), whose headers the stored response already carries; whether a
    request may be answered from the cache depends only on its method, path and session cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._page_cache_key = None
        if _request_is_cacheable(request):
            key = f"pagecache.page.{_url_digest(request)}"
            token, entry = _token_and_entry(request, key)
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
            _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response


def _page_changed(sender, instance, **kwargs):
    invalidate(f"{sender.__name__} {instance.pk}")


def _page_moved(sender, instance, **kwargs):
    invalidate(f"Seite {instance.pk} verschoben")


def _object_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate(f"Seite {instance.pk} gelöscht")


def _content_saved_or_deleted(sender, instance, **kwargs):
    invalidate(f"{sender.__name__} {instance.pk}")  # also for fixtures (raw): e.g. a restored restriction


def connect_signals():
    request_started.connect(_request_started, dispatch_uid="pagecache_request_started")
    request_finished.connect(_request_finished, dispatch_uid="pagecache_request_finished")
    page_published.connect(_page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache_moved")
    post_delete.connect(_object_deleted, dispatch_uid="pagecache_page_deleted")
    for label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        model = apps.get_model(label)
        uid = f"pagecache_{label}"
        post_save.connect(_content_saved_or_deleted, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(_content_saved_or_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
