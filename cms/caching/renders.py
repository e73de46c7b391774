"""The search render cache: the rendering of a view that must still run on every request.

``cached_render`` keeps the response of the search (which counts each query, so the page cache must
not answer it) for anonymous visitors under the same conditions, namespace token and rules as the
page cache (``pages``, ``invalidation``). Rules: docs/architecture.md, "Zwischenspeicher".
"""

from django.conf import settings
from django.http import HttpResponse

from cms.caching import invalidation, pages


def cached_render(request, render, seconds):
    """``render()``'s response, kept for this URL under the current token for anonymous visitors.

    For a view that must run on every request although its output for one URL is the same for every
    anonymous visitor: the search counts each query for the editors' report, so the page cache must
    not answer it, but matching, ranking, facets, highlighting and the template can come from here.
    Looked up for GET requests without a session cookie of visitors who are not logged in and with
    known query parameters only (``pages.query_is_cacheable``), renewed by
    the page cache's rules; an entry lives at most ``seconds``. Stored only with status 200 and when
    the rendering holds nothing of this visitor's: no cookie, no CSRF token (the middleware would send
    its cookie only afterwards), no CSP nonce, no change to a session. The response keeps the view's
    own headers (the search sends ``no-store``: no CDN or browser keeps it).
    """
    user = getattr(request, "user", None)
    if (
        not pages.enabled()
        or seconds <= 0
        or request.method != "GET"
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or (user is not None and user.is_authenticated)
        or invalidation.uncommitted_changes()
        or not pages.query_is_cacheable(request)
    ):
        return render()
    key = f"pagecache.view.{pages.url_digest(request)}"
    token, entry = invalidation.token_and_entry(request, key)
    if isinstance(entry, tuple) and len(entry) == 3 and entry[0] == token:
        response = HttpResponse(entry[2], content_type=entry[1])
        response["X-Page-Cache"] = "hit"
        return response
    response = render()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and not response.streaming and not _personal(request, response):
        invalidation.cache().set(key, (token, response["Content-Type"], response.content), seconds)
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
