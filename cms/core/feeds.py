"""Feeds of listing pages (RSS 2.0 and Atom 1.0 via Django's syndication framework).

A listing page serves its feeds as sub-URLs with ``ListingFeedsMixin``::

    class NewsIndexPage(ListingFeedsMixin, RoutablePageMixin, Page):
        feed_class = NewsFeed  # a PageFeed: RSS at rss/, Atom at atom/

and announces them in ``<head>`` through ``feed_links()`` (a list of ``FeedLink``), which base.html
renders as ``<link rel="alternate">``. Pages below a listing use ``parent_feed_links()``.
"""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from wagtail.contrib.routable_page.models import path

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
ICAL_TYPE = "text/calendar"


class FeedLink(NamedTuple):
    """One ``<link rel="alternate">`` of a page."""

    title: str
    url: str
    content_type: str


def routable_links(page, routes):
    """``FeedLink``s for the sub-URLs of a routable ``page``: ``routes`` is ``[(route name, title, type)]``.

    Empty for a page without a URL yet (the preview of a page that was never saved).
    """
    base = page.url if page.pk else None
    if not base:
        return []
    return [
        FeedLink(title, base.rstrip("/") + "/" + page.reverse_subpage(name).lstrip("/"), content_type)
        for name, title, content_type in routes
    ]


def feed_links(page, title):
    """RSS and Atom links of a listing page that serves the routes ``rss`` and ``atom``."""
    return routable_links(page, [("rss", f"{title} (RSS)", RSS_TYPE), ("atom", f"{title} (Atom)", ATOM_TYPE)])


def parent_feed_links(page, index_model):
    """The feed links of ``page``'s parent if it is an ``index_model`` (for the pages below a listing)."""
    index = index_model.objects.parent_of(page).first() if page.pk else None
    return index.feed_links() if index else []


def day_start(date):
    """Midnight of ``date`` in the site's time zone, as an aware datetime (feeds need times)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))


class PageFeed(Feed):
    """RSS 2.0 (or, with ``atom=True``, Atom 1.0) feed of the newest child pages of a listing page.

    ``items_for(index)`` selects the pages; they need ``title``, ``summary`` and a date.
    """

    feed_type = Rss201rev2Feed
    language = "de"
    limit = 20
    date_attribute = "date"

    def __init__(self, atom=False):
        super().__init__()
        if atom:
            self.feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index):
        return index

    def items_for(self, index):
        raise NotImplementedError

    def items(self, index):
        return self.items_for(index)[: self.limit]

    def title(self, index):
        return f"{index.title} – {settings.WAGTAIL_SITE_NAME}"

    def link(self, index):
        return index.get_url(request=self.request)

    def feed_url(self, index):
        return self.request.path

    def description(self, index):
        return f"Neue Beiträge unter „{index.title}“ – {settings.WAGTAIL_SITE_NAME}"

    def subtitle(self, index):
        return self.description(index)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers treat the description as HTML: plain text must be escaped to show "<" and "&".
        return escape(item.summary)

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        """The page's own date; the time of first publication if that was on the same day."""
        date = getattr(item, self.date_attribute)
        published = item.first_published_at
        if published and timezone.localtime(published).date() == date:
            return published
        return day_start(date)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class ListingFeedsMixin:
    """RSS at ``rss/`` and Atom at ``atom/`` for a ``RoutablePageMixin`` listing page.

    ``feed_class`` is the ``PageFeed`` to serve; ``feed_title`` names the feeds (default: the title).
    """

    feed_class = PageFeed
    feed_title = ""

    def feed_links(self):
        return feed_links(self, self.feed_title or self.title)

    @path("rss/", name="rss")
    def rss(self, request):
        return self.feed_class()(request, index=self)

    @path("atom/", name="atom")
    def atom(self, request):
        return self.feed_class(atom=True)(request, index=self)
