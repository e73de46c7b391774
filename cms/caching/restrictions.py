"""Private sections (page view restrictions), read once per content change instead of once per query.

Wagtail's ``PageQuerySet.public()`` reads every ``PageViewRestriction`` each time it is called, and a
page render calls it several times (menu, listings, teasers). ``private_q`` below builds the same
condition from a list of (path, depth) of the restricted pages that is kept by
``cms.caching.content.content_cached``: saving or deleting a restriction and moving or deleting a page
renew it, like every cached page (see ``cms.caching.invalidation``). ``cms.caching.wagtail_patch``
installs it on ``PageQuerySet``, so that Wagtail's own callers (API, sitemap) use it too.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from cms.caching.content import content_cached


def private_sections():
    """(path, depth) of every page with a view restriction; its subtree is private."""

    def build():
        return sorted(set(PageViewRestriction.objects.values_list("page__path", "page__depth")))

    return content_cached("private-sections", build)


def private_q(queryset=None):
    """The pages inside a private section, as Wagtail's ``PageQuerySet.private_q`` defines them."""
    q = Q()
    for path, depth in private_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    # Match no page at all if no private section exists.
    return q if q else Q(pk__in=[])


def is_public(page, sections=None):
    """Whether visitors may see ``page``: live and outside every private section (no query when
    ``sections``, the value of ``private_sections()``, is given or cached; for pages already loaded,
    e.g. the related pages a page links to)."""
    sections = private_sections() if sections is None else sections
    return page.live and not any(
        page.path.startswith(path) and page.depth >= depth for path, depth in sections
    )


def public_only(pages):
    """The pages of ``pages`` visitors may see (``is_public``), reading the private sections once."""
    sections = private_sections()
    return [page for page in pages if is_public(page, sections)]
