"""The namespace token of every cache that holds content: replaced whenever published content changes.

The page cache (``pages``), the search render cache (``renders``) and the content cache (``content``)
store their entries under the token that was current when their request began. Publishing,
unpublishing, moving or deleting any page, and saving or deleting any model in
``PAGE_CACHE_INVALIDATING_MODELS`` (snippets shown on pages, documents, images, sites ...) replaces
the token, at once and again after the transaction commits: every cached entry is gone at once, for
all instances (the token lives in the shared cache, Redis when ``REDIS_URL`` is set). A request keeps
the token it read before rendering, so a page rendered from data older than the change can never be
served under the new token. Rules: docs/architecture.md, "Zwischenspeicher".
"""

import logging
import threading
import uuid

from asgiref.local import Local
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger("cms.caching")

NAMESPACE_KEY = "pagecache:token"


def cache():
    """The Django cache all content caches use (``PAGE_CACHE_ALIAS``)."""
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _new_token():
    return uuid.uuid4().hex


def _token_from(value):
    """The stored token, or a new one when it is missing (evicted, new cache)."""
    if value is not None:
        return value
    token = _new_token()
    if not cache().add(NAMESPACE_KEY, token, timeout=None):
        token = cache().get(NAMESPACE_KEY) or token
    return token


# The token read by the request this thread is serving: one cache read per request, not one per use.
# Only between request_started and request_finished; outside requests (commands) it is read each time.
_request_state = Local()

# Set by ``invalidate`` in the thread that changed content, until its transaction commits (or the
# request ends; after a rollback that is the safe side: values are only built fresh, never kept).
_uncommitted = threading.local()


def uncommitted_changes():
    """Whether this thread changed content that is not committed yet (nothing may be kept then)."""
    return getattr(_uncommitted, "changes", False)


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
        token = _token_from(cache().get(NAMESPACE_KEY))
        _remember(token)
    if request is not None:
        request._page_cache_token = token
    return token


def current_prefix():
    return f"pagecache.{current_token()}"


def token_and_entry(request, key):
    """The namespace token and the entry under ``key``: one cache round trip (``get_many``)."""
    values = cache().get_many([NAMESPACE_KEY, key])
    request._page_cache_token = token = _token_from(values.get(NAMESPACE_KEY))
    _remember(token)
    return token, values.get(key)


def clear():
    """Drop every cached entry now (a new namespace token; the old entries are never served again)."""
    token = _new_token()
    cache().set(NAMESPACE_KEY, token, timeout=None)
    _remember(token)
    logger.debug("Seiten-Cache geleert.")


def invalidate(reason=""):
    """Drop every cached entry now and once more when the current transaction has committed.

    The second time is the one that counts for visitors: a page rendered between the change and
    the commit (from the data before the change) carries the token of the first and is dropped.
    Until the commit this thread builds content-cache values fresh and keeps none of them: they may
    come from rows that are not committed yet (and may be rolled back), see ``content.content_cached``.
    """
    logger.debug("Seiten-Cache wird geleert: %s", reason)
    _uncommitted.changes = True
    clear()
    transaction.on_commit(_committed, robust=True)


def _committed():
    _uncommitted.changes = False
    clear()


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
