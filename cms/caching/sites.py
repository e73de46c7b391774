"""The request's Wagtail site from the content cache, instead of a query on every request.

Wagtail's ``Site.find_for_request`` looks the site up once per request (``get_site_for_hostname``: a
query with a ``CASE`` ordering; with its compilation about 2 ms, measured in the search view,
docs/search.md) and keeps the answer on the request as ``request._wagtail_site``, the per-request
cache its docstring names. ``CachedSiteMiddleware`` puts the site there from the content cache
(``cms.caching.content``), so Wagtail's serving, its settings, the redirects and this project's tags
all find it without a query. The content cache renews it whenever a site or published content changes
(``wagtailcore.Site`` is in ``PAGE_CACHE_INVALIDATING_MODELS``), and only while ``CONTENT_CACHE`` is on;
otherwise Wagtail looks the site up itself, as before.

The answer is Wagtail's own (``Site._find_for_request``), kept per key. Only keys the sites table
allows are used, so that made-up ``Host`` headers cannot fill the cache: a hostname that is no site's
hostname gets Wagtail's answer for any unknown host (the default site), and a port that no site with
that hostname has gets the answer for the hostname alone (Wagtail's rules then ignore the port).
Each request gets its own (deep) copy of the site and its root page. No library does this
(wagtail-cache stores whole pages and requires Wagtail < 8).
"""

import copy

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site

from cms.caching.content import content_cached


def _hosts():
    return {(hostname, port) for hostname, port in Site.objects.values_list("hostname", "port")}


def site_key(request):
    """The cache key of the request's site: its hostname and port as far as they can change the
    answer; ``None`` for a port that is not a number (then Wagtail looks the site up itself)."""
    try:
        port = int(request.get_port())
    except (TypeError, ValueError):
        return None
    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail reads it (no ALLOWED_HOSTS check)
    hosts = content_cached("sites.hosts", _hosts, request)
    if not any(hostname == known for known, _port in hosts):
        return "*"
    return f"{hostname}:{port}" if (hostname, port) in hosts else f"{hostname}:*"


def cached_site(request, key):
    """The site Wagtail would find for ``request``, from the content cache under ``key``: a deep copy
    per request, so that no request sees what another one cached on the site or its root page."""
    site = content_cached(f"sites.site.{key}", lambda: Site._find_for_request(request), request)
    return copy.deepcopy(site)


class CachedSiteMiddleware:
    """Sets ``request._wagtail_site`` from the content cache before Wagtail looks it up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "CONTENT_CACHE", False) and not hasattr(request, "_wagtail_site"):
            key = site_key(request)
            if key is not None:
                request._wagtail_site = cached_site(request, key)
        return self.get_response(request)
