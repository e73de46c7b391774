"""The request's Wagtail site from the content cache (cms/caching/sites.py): Wagtail's answer for
every host and port, no site query on a second request, renewed when a site changes, and made-up
hosts do not add cache entries."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.caching import content
from cms.caching.sites import CachedSiteMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(home_page):
    default = Site.objects.get(is_default_site=True)
    default.hostname, default.port = "zukunft-der-industrie.de", 443
    default.save()
    other = home_page.add_child(instance=home_page.specific_class(title="Woche", slug="woche-site"))
    Site.objects.create(hostname="woche.example", port=443, root_page=other)
    Site.objects.create(hostname="woche.example", port=8443, root_page=other, site_name="Test")
    return default


def through_middleware(host, port=None):
    extra = {"HTTP_HOST": host if port is None else f"{host}:{port}"}
    if port is not None:
        extra["SERVER_PORT"] = str(port)
    request = RequestFactory().get("/", **extra)
    seen = {}

    def view(request):
        seen["site"] = Site.find_for_request(request)  # Wagtail's own lookup reads what was set
        return None

    CachedSiteMiddleware(view)(request)
    return request, seen["site"]


HOSTS = [
    ("zukunft-der-industrie.de", None), ("zukunft-der-industrie.de", 443), ("zukunft-der-industrie.de", 8080),
    ("woche.example", 443), ("woche.example", 8443), ("woche.example", 80), ("unbekannt.example", 443),
    ("WOCHE.example", 443), ("127.0.0.1", 8000),
]  # fmt: skip


@pytest.mark.parametrize("cached", [False, True])
def test_every_host_gets_the_site_wagtail_finds(sites, content_cache, settings, cached):
    settings.CONTENT_CACHE = cached
    for round_number in range(2):  # the second round from the cache
        for host, port in HOSTS:
            with CaptureQueriesContext(connection) as queries:
                request, site = through_middleware(host, port)
            looked_up = [query for query in queries.captured_queries if "wagtailcore_site" in query["sql"]]
            if not cached:
                assert looked_up, (host, port)  # Wagtail's own lookup, every time
            elif round_number == 1:
                assert not looked_up, (host, port)  # the key's answer is cached
            fresh = RequestFactory().get(
                "/", HTTP_HOST=request.META["HTTP_HOST"], SERVER_PORT=request.META.get("SERVER_PORT", "80")
            )
            expected = Site._find_for_request(fresh)
            assert site == expected, (host, port)
            assert site.root_page_id == expected.root_page_id


def test_a_second_request_needs_no_site_query(sites, content_cache):
    through_middleware("woche.example", 8443)
    with CaptureQueriesContext(connection) as queries:
        request, site = through_middleware("woche.example", 8443)
        assert site.root_page.title == "Woche"
    assert not [query for query in queries.captured_queries if "wagtailcore_site" in query["sql"]]
    assert request._wagtail_site is site
    other, _site = through_middleware("woche.example", 8443)
    assert other._wagtail_site is not site  # each request has its own copy


def test_a_changed_site_is_seen_at_once(sites, content_cache, django_capture_on_commit_callbacks):
    assert through_middleware("woche.example", 8443)[1].site_name == "Test"
    with django_capture_on_commit_callbacks(execute=True):
        site = Site.objects.get(site_name="Test")
        site.site_name = "Geändert"
        site.save()
    assert through_middleware("woche.example", 8443)[1].site_name == "Geändert"


def test_made_up_hosts_do_not_fill_the_cache(sites, content_cache):
    for number in range(50):
        through_middleware(f"zufall-{number}.example", 1000 + number)
        through_middleware("woche.example", 20000 + number)
    keys = [name for name in content._local if name.startswith("sites.site.")]
    assert sorted(keys) == ["sites.site.*", "sites.site.woche.example:*"]


def test_a_port_that_is_no_number_is_left_to_wagtail(sites, content_cache):
    request = RequestFactory().get("/", HTTP_HOST="woche.example", SERVER_PORT="abc")
    CachedSiteMiddleware(lambda request: None)(request)
    assert not hasattr(request, "_wagtail_site")


def test_requests_share_no_root_page_object(sites, content_cache):
    first = through_middleware("woche.example", 443)[1]
    second = through_middleware("woche.example", 443)[1]
    assert first == second and first.root_page is not second.root_page
