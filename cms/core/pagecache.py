"""Full-page cache for anonymous visitors, emptied whenever published content changes.

wagtail-cache (CodeRed) would be the library for this, but its releases require Wagtail < 8. This module
is the same idea on Django's own cache helpers (``get_cache_key``/``learn_cache_key``, which honour
``Vary``), in the shared cache (Redis when ``REDIS_URL`` is set), so that every app instance sees the
same entries and the same invalidation.

Rules (README, "Zwischenspeicher"):

- Only GET/HEAD requests without a session cookie (i.e. never for logged-in editors, never for
  previews, which live under /admin/) and outside ``PAGE_CACHE_EXCLUDED_PATHS`` are looked up.
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
- Invalidation: the cache keys carry a namespace token. Publishing, unpublishing, moving or deleting
  any page, and saving or deleting any model in ``PAGE_CACHE_INVALIDATING_MODELS`` (snippets shown on
  pages, documents, images, sites ...) replaces the token after the transaction commits: every cached
  page is gone at once, for all instances. A request keeps the token it read before rendering, so a
  page rendered from data older than the change can never be stored under the new token.
"""

import hashlib
import logging
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_cache_key, has_vary_header, learn_cache_key, patch_cache_control
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


def current_prefix():
    """Key prefix of the current namespace; a missing token (evicted, new cache) starts a new one."""
    cache = _cache()
    token = cache.get(NAMESPACE_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(NAMESPACE_KEY, token, timeout=None):
            token = cache.get(NAMESPACE_KEY) or token
    return f"pagecache.{token}"


def clear():
    """Drop every cached page now (a new namespace token; the old entries expire unread)."""
    _cache().set(NAMESPACE_KEY, uuid.uuid4().hex, timeout=None)
    logger.debug("Seiten-Cache geleert.")


def invalidate(reason=""):
    """Drop every cached page once the current transaction has committed."""
    logger.debug("Seiten-Cache wird geleert: %s", reason)
    transaction.on_commit(clear, robust=True)


def _excluded(request):
    return not _enabled() or any(request.path.startswith(path) for path in settings.PAGE_CACHE_EXCLUDED_PATHS)


def _request_is_cacheable(request):
    if request.method not in ("GET", "HEAD") or _excluded(request):
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


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


class FetchFromPageCacheMiddleware:
    """Answers from the page cache. Right after UpdatePageCacheMiddleware: a hit skips all later middleware
    (sessions, users, CSRF, CSP, ...), whose headers the stored response already carries; whether a
    request may be answered from the cache depends only on its method, path and session cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._page_cache_prefix = None
        if _request_is_cacheable(request):
            prefix = current_prefix()
            request._page_cache_prefix = prefix
            key = get_cache_key(request, prefix, "GET", cache=_cache())
            response = _cache().get(key) if key else None
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
        prefix = getattr(request, "_page_cache_prefix", None)
        if prefix is None or not _response_is_cacheable(request, response):
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
            timeout = settings.PAGE_CACHE_SECONDS
            key = learn_cache_key(request, response, timeout, prefix, cache=_cache())
            _cache().set(key, response, timeout)
        response["X-Page-Cache"] = "miss"
        return response


def _page_changed(sender, instance, **kwargs):
    invalidate(f"{sender.__name__} {instance.pk}")


def _page_moved(sender, instance, **kwargs):
    invalidate(f"Seite {instance.pk} verschoben")


def _object_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate(f"Seite {instance.pk} gelöscht")


def _content_saved_or_deleted(sender, instance, raw=False, **kwargs):
    if not raw:
        invalidate(f"{sender.__name__} {instance.pk}")


def connect_signals():
    page_published.connect(_page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache_moved")
    post_delete.connect(_object_deleted, dispatch_uid="pagecache_page_deleted")
    for label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        model = apps.get_model(label)
        uid = f"pagecache_{label}"
        post_save.connect(_content_saved_or_deleted, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(_content_saved_or_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
