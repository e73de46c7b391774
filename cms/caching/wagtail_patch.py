"""The one place where Wagtail itself is changed at start-up: two methods that read page view restrictions.

Wagtail 8 has no supported hook for either. ``PageQuerySet.public()`` is called by Wagtail's own code
(API, sitemap, menus) on its own ``Page.objects``, so a manager or page base class of this project
would not reach those callers; and the ``before_serve_page`` hook that asks ``get_view_restrictions``
is Wagtail's own, registered before any of ours. So the two methods are replaced on Wagtail's
classes, here and nowhere else:

- ``PageQuerySet.private_q`` by ``cms.caching.restrictions.private_q``: the same condition, built
  from the cached list of private sections instead of a query per call;
- ``Page.get_view_restrictions`` (asked before serving every page: two queries) answers "none" at once
  while the site has no restriction at all and the content cache is on; otherwise Wagtail's own
  method runs (it also handles aliases of restricted pages).

Both replacements copy what Wagtail's originals do. ``ORIGINAL_SOURCE_SHA256`` records the hash of
their source for the Wagtail version named in ``RECORDED_FOR_WAGTAIL``; the test
tests/caching/test_wagtail_patch.py fails when an upgrade changes them, so that someone re-checks the
replacements before the site runs on the new version.
"""

from django.conf import settings
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from cms.caching.restrictions import private_q, private_sections

RECORDED_FOR_WAGTAIL = "8.0.1"
ORIGINAL_SOURCE_SHA256 = {
    "wagtail.query.PageQuerySet.private_q": (
        "eb30b1c0017f13c2f7f385972ddefbe70a2c2818d648ce22a709c370ac519368"
    ),
    "wagtail.models.Page.get_view_restrictions": (
        "f41021bde7cdda11d832d32e9e28cdb92f197ddac050218ff8c748e65a888c05"
    ),
}

# Wagtail's own methods, kept when they are replaced (for the fallback and the test).
ORIGINALS = {}


def get_view_restrictions(page):
    if getattr(settings, "CONTENT_CACHE", False) and not private_sections():
        return PageViewRestriction.objects.none()
    return ORIGINALS["wagtail.models.Page.get_view_restrictions"](page)


def install():
    """Replace the two methods (once; a second call changes nothing)."""
    if ORIGINALS:
        return
    ORIGINALS["wagtail.query.PageQuerySet.private_q"] = PageQuerySet.private_q
    ORIGINALS["wagtail.models.Page.get_view_restrictions"] = Page.get_view_restrictions
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
