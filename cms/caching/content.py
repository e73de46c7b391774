"""The content cache: small values derived from published content, kept under the namespace token.

``content_cached`` keeps values that many pages show (the main menu, the list of private sections)
under the token of ``invalidation``, so they are renewed by the page cache's rules; it works whether
or not the page cache is on (``CONTENT_CACHE``). Rules: docs/architecture.md, "Zwischenspeicher".
"""

import time

from django.conf import settings

from cms.caching import invalidation

# Values derived from content, per process: {name: (token, value, expires)}. An entry of an older
# token is never used (the token only ever changes to a new one) and is replaced by the next build.
_local = {}


def content_cached(name, build, request=None):
    """``build()``, kept under the current token: in this process, then in the shared cache.

    For small values that many pages show and that change only through the rules above (the main
    menu, the private sections). Off when ``CONTENT_CACHE`` is false (the tests, except their own).
    Kept at most ``CONTENT_CACHE_SECONDS``, so that a change that sent no signal (``QuerySet.update``,
    raw SQL, a lost write to Redis) is seen after that time at the latest.
    """
    if not getattr(settings, "CONTENT_CACHE", False) or invalidation.uncommitted_changes():
        return build()
    token = invalidation.current_token(request)
    now = time.monotonic()
    local = _local.get(name)
    if local is not None and local[0] == token and local[2] > now:
        return local[1]
    seconds = getattr(settings, "CONTENT_CACHE_SECONDS", 300)
    key = f"pagecache.{token}.content.{name}"
    value = invalidation.cache().get(key)
    if value is None:
        value = build()
        invalidation.cache().set(key, value, timeout=seconds)
    _local[name] = (token, value, now + seconds)
    return value
