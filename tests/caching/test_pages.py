"""The page cache: what is stored, for whom, with which headers, and every rule that empties it."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from cms.caching import content, invalidation, pages
from tests.factories.core import DocumentFactory, OrganisationFactory, PersonFactory
from tests.factories.events import EventIndexPageFactory
from tests.factories.materials import MaterialsPageFactory, OrderCatalogueItemFactory, OrderPageFactory
from tests.factories.meetings import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MeetingPresentationFactory,
    MeetingSpeakerFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.regions import RegionIndexPageFactory, RegionPageFactory, RegionPartnerFactory


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_MAX_AGE = 0
    settings.PAGE_CACHE_S_MAXAGE = 60
    settings.PAGE_CACHE_STALE_WHILE_REVALIDATE = 30
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs the on-commit invalidation as a real commit would."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def cached(client, url):
    """GET ``url`` twice; the second answer must come from the cache."""
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    return second.content.decode()


def fresh(client, url):
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss", "expected a new rendering after the change"
    return response


def publish(page):
    page.save_revision().publish()


# What is stored, with which headers


def test_anonymous_pages_are_cached_with_cdn_headers(client, news_index):
    first = client.get(news_index.url)
    second = client.get(news_index.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    directives = {part.strip() for part in second["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=0", "s-maxage=60", "stale-while-revalidate=30"}
    assert second["ETag"] == first["ETag"]
    assert second["Last-Modified"] == first["Last-Modified"]


def test_conditional_requests_get_304(client, news_index):
    response = client.get(news_index.url)
    by_etag = client.get(news_index.url, headers={"If-None-Match": response["ETag"]})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    by_date = client.get(news_index.url, headers={"If-Modified-Since": response["Last-Modified"]})
    assert by_date.status_code == 304
    other = client.get(news_index.url, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_304_turns_into_200_after_a_change(client, news_index, commit):
    etag = client.get(news_index.url)["ETag"]
    news_index.title = "Neuigkeiten"
    commit(lambda: publish(news_index))
    response = client.get(news_index.url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "Neuigkeiten" in response.content.decode()


def test_head_requests_are_answered_from_the_cache(client, news_index):
    client.get(news_index.url)
    response = client.head(news_index.url)
    assert response["X-Page-Cache"] == "hit"


def test_logged_in_users_are_never_served_from_or_written_to_the_cache(client, news_index, admin_user):
    cached(client, news_index.url)
    client.force_login(admin_user)
    response = client.get(news_index.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    client.logout()
    cache.clear()
    client.force_login(admin_user)
    client.get(news_index.url)
    client.logout()
    assert client.get(news_index.url)["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("form", ["order", "event_submission"])
def test_pages_with_a_form_are_not_cached_and_each_visitor_gets_an_own_token(home_page, form):
    year = timezone.localdate().year + 1
    index = EventIndexPageFactory(
        parent=home_page,
        year=year,
        week_start=datetime.date(year, 9, 14),
        week_end=datetime.date(year, 9, 20),
    )
    if form == "order":
        OrderCatalogueItemFactory()
        url = OrderPageFactory(parent=MaterialsPageFactory(parent=index)).url
    else:
        url = index.url + index.reverse_subpage("submit")
    tokens = []
    for _ in range(2):
        response = Client().get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "csrftoken" in response.cookies
        assert {"private", "no-cache"} <= {part.strip() for part in response["Cache-Control"].split(",")}
        tokens.append(response.cookies["csrftoken"].value)
    assert tokens[0] != tokens[1]


def test_responses_that_set_a_cookie_are_not_stored(rf, news_index):
    from django.http import HttpResponse

    def view(request):
        response = HttpResponse("mit Keks")
        response.set_cookie("gesehen", "1")
        return response

    middleware = pages.UpdatePageCacheMiddleware(pages.FetchFromPageCacheMiddleware(view))
    for _ in range(2):
        response = middleware(rf.get("/keks/"))
        assert "X-Page-Cache" not in response


def test_admin_and_error_pages_are_not_cached(client, home_page):
    assert client.get("/gibt-es-nicht/").status_code == 404
    assert "X-Page-Cache" not in client.get("/gibt-es-nicht/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_switched_off_with_zero_seconds(client, news_index, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(news_index.url)
    assert "X-Page-Cache" not in client.get(news_index.url)


def test_a_lost_namespace_token_never_brings_old_entries_back(client, news_index):
    cached(client, news_index.url)
    cache.delete(invalidation.NAMESPACE_KEY)
    assert client.get(news_index.url)["X-Page-Cache"] == "miss"


# Invalidation rules


def test_publishing_a_page_refreshes_it(client, news_index, commit):
    assert "Aktuelles" in cached(client, news_index.url)
    news_index.title = "Neuigkeiten aus dem N3tzwerk"
    commit(lambda: publish(news_index))
    assert "Neuigkeiten aus dem N3tzwerk" in fresh(client, news_index.url).content.decode()


def test_a_draft_is_not_shown_until_published(client, news_index, commit):
    cached(client, news_index.url)
    news_index.title = "Entwurfstitel"
    commit(lambda: news_index.save_revision())
    response = client.get(news_index.url)
    assert response["X-Page-Cache"] == "hit"  # a draft changes nothing the public sees
    assert "Entwurfstitel" not in response.content.decode()


def test_making_a_page_private_takes_it_out_of_the_cache_at_once(client, news_index, commit):
    from wagtail.models import PageViewRestriction

    child = NewsPageFactory(parent=news_index, title="Nur für Mitglieder")
    assert "Nur für Mitglieder" in cached(client, child.url)
    commit(lambda: PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.LOGIN))
    response = client.get(child.url)
    assert response.status_code == 302 and "/login" in response.url  # not the cached public copy


def test_publishing_a_child_refreshes_the_listings(client, home_page, news_index, commit):
    assert "Neue Meldung" not in cached(client, news_index.url)
    assert "Neue Meldung" not in cached(client, home_page.url)
    news = NewsPageFactory(parent=news_index, title="Neue Meldung", live=False)
    commit(lambda: publish(news))
    assert "Neue Meldung" in fresh(client, news_index.url).content.decode()
    assert "Neue Meldung" in fresh(client, home_page.url).content.decode()


def test_unpublishing_removes_the_page_and_its_listing_entry(client, news_index, commit):
    news = NewsPageFactory(parent=news_index, title="Bald weg")
    assert "Bald weg" in cached(client, news_index.url)
    cached(client, news.url)
    commit(news.unpublish)
    assert client.get(news.url).status_code == 404
    assert "Bald weg" not in fresh(client, news_index.url).content.decode()


def test_deleting_removes_the_page_and_its_listing_entry(client, news_index, commit):
    news = NewsPageFactory(parent=news_index, title="Gelöschte Meldung")
    url = news.url
    assert "Gelöschte Meldung" in cached(client, news_index.url)
    cached(client, url)
    commit(news.delete)
    assert client.get(url).status_code == 404
    assert "Gelöschte Meldung" not in fresh(client, news_index.url).content.decode()


def test_moving_refreshes_old_and_new_place(client, home_page, news_index, commit):
    other_index = NewsIndexPageFactory(parent=home_page, title="Archiv", slug="archiv")
    news = NewsPageFactory(parent=news_index, title="Wandernde Meldung", slug="wandernd")
    old_url = news.url
    assert "Wandernde Meldung" in cached(client, news_index.url)
    assert "Wandernde Meldung" not in cached(client, other_index.url)
    cached(client, old_url)
    commit(lambda: news.move(other_index, pos="last-child"))
    assert "Wandernde Meldung" not in fresh(client, news_index.url).content.decode()
    assert "Wandernde Meldung" in fresh(client, other_index.url).content.decode()
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the cached old page
    assert (moved.status_code, moved["Location"]) == (301, "/archiv/wandernd/")
    assert client.get("/archiv/wandernd/").status_code == 200


def test_changing_a_snippet_refreshes_the_pages_showing_it(client, home_page, commit):
    organisation = OrganisationFactory(name="Alte Werke GmbH")
    region = RegionPageFactory(parent=RegionIndexPageFactory(parent=home_page))
    RegionPartnerFactory(page=region, organisation=organisation)
    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home_page))
    person = PersonFactory(last_name="Muster", organisation=organisation)
    MeetingSpeakerFactory(page=meeting, person=person, organisation=organisation)
    assert "Alte Werke GmbH" in cached(client, region.url)
    assert "Muster" in cached(client, meeting.url)

    organisation.name = "Neue Werke GmbH"
    commit(organisation.save)
    assert "Neue Werke GmbH" in fresh(client, region.url).content.decode()

    cached(client, meeting.url)
    person.last_name = "Beispiel"
    commit(person.save)
    assert "Beispiel" in fresh(client, meeting.url).content.decode()


def test_changing_a_document_refreshes_the_meeting_report(client, home_page, commit):
    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home_page))
    document = DocumentFactory(title="Folien alt")
    MeetingPresentationFactory(page=meeting, document=document, title="")
    assert "Folien alt" in cached(client, meeting.url)
    document.title = "Folien neu"
    commit(document.save)
    assert "Folien neu" in fresh(client, meeting.url).content.decode()


def test_unrelated_saves_keep_the_cache(client, news_index, commit):
    from django.contrib.auth import get_user_model

    cached(client, news_index.url)
    commit(lambda: get_user_model().objects.create_user("leser", password="geheim-genug"))
    assert client.get(news_index.url)["X-Page-Cache"] == "hit"


def test_a_page_rendered_before_the_commit_is_dropped_at_the_commit(
    client, news_index, django_capture_on_commit_callbacks
):
    """The token changes at once (the editor's own request sees the change) and again at the commit, so
    a page rendered in between, possibly from the data before the change, is never served after it."""
    cached(client, news_index.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        news_index.title = "Noch nicht bestätigt"
        publish(news_index)
    in_between = client.get(news_index.url)
    assert in_between["X-Page-Cache"] == "miss"
    assert client.get(news_index.url)["X-Page-Cache"] == "hit"
    assert callbacks, "expected the invalidation to be registered for the commit"
    for callback in callbacks:
        callback()
    assert client.get(news_index.url)["X-Page-Cache"] == "miss"


def test_a_leftover_csrf_cookie_does_not_split_the_cache(client, news_index):
    """Anonymous pages do not vary on cookies or language: one stored copy serves every visitor."""
    first = client.get(news_index.url)
    assert first["X-Page-Cache"] == "miss"
    assert "cookie" not in first.get("Vary", "").lower()
    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    other.cookies["csrftoken"] = "x" * 32
    assert other.get(news_index.url)["X-Page-Cache"] == "hit"


def test_a_hit_is_answered_without_database_queries_and_keeps_the_security_headers(
    client, news_index, django_assert_num_queries
):
    first = client.get(news_index.url)
    with django_assert_num_queries(0):
        hit = client.get(news_index.url)
    assert hit["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert hit[header] == first[header]


def test_a_response_that_still_varies_is_served_only_for_the_same_header(rf, news_index):
    from django.http import HttpResponse

    def view(request):
        response = HttpResponse(f"für {request.headers.get('Accept-Encoding', '-')}")
        response["Vary"] = "Accept-Encoding, Cookie"
        return response

    middleware = pages.UpdatePageCacheMiddleware(pages.FetchFromPageCacheMiddleware(view))
    assert middleware(rf.get("/variante/", HTTP_ACCEPT_ENCODING="gzip"))["X-Page-Cache"] == "miss"
    hit = middleware(rf.get("/variante/", HTTP_ACCEPT_ENCODING="gzip"))
    assert (hit["X-Page-Cache"], hit.content, hit["Vary"]) == ("hit", "für gzip".encode(), "Accept-Encoding")
    other = middleware(rf.get("/variante/", HTTP_ACCEPT_ENCODING="br"))
    assert (other["X-Page-Cache"], other.content) == ("miss", "für br".encode())


# The content cache: values many pages show, renewed by the same rules


def test_content_cached_builds_once_per_token(content_cache):
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    assert content.content_cached("zahl", build) == 1
    assert content.content_cached("zahl", build) == 1
    content._local.clear()  # another process: served from the shared cache
    assert content.content_cached("zahl", build) == 1
    invalidation.clear()
    assert content.content_cached("zahl", build) == 2
    assert len(calls) == 2


def test_content_cached_is_off_without_the_setting(settings):
    settings.CONTENT_CACHE = False
    values = iter([1, 2])
    assert content.content_cached("zahl", lambda: next(values)) == 1
    assert content.content_cached("zahl", lambda: next(values)) == 2


def test_the_menu_is_renewed_when_a_page_is_published_or_unpublished(
    client, home_page, content_cache, commit
):
    from home.models import StandardPage

    assert "Über uns" not in client.get(home_page.url).content.decode()
    page = StandardPage(title="Über uns", slug="ueber-uns", show_in_menus=True, live=False)
    home_page.add_child(instance=page)
    assert "Über uns" not in client.get(home_page.url).content.decode()
    commit(lambda: publish(page))
    assert 'href="/ueber-uns/"' in client.get(home_page.url).content.decode()
    page.refresh_from_db()
    commit(page.unpublish)
    assert 'href="/ueber-uns/"' not in client.get(home_page.url).content.decode()


def test_private_sections_are_renewed_when_a_restriction_changes(home_page, content_cache, commit):
    from wagtail.models import Page, PageViewRestriction

    news_index = NewsIndexPageFactory(parent=home_page)
    article = NewsPageFactory(parent=news_index)
    assert article.pk in set(Page.objects.public().values_list("pk", flat=True))
    restriction = PageViewRestriction(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    commit(restriction.save)
    public = set(Page.objects.public().values_list("pk", flat=True))
    assert article.pk not in public and news_index.pk not in public and home_page.pk in public
    assert set(Page.objects.not_public().values_list("pk", flat=True)) == {news_index.pk, article.pk}
    commit(restriction.delete)
    assert article.pk in set(Page.objects.public().values_list("pk", flat=True))


def test_private_sections_cost_one_query_per_content_change(
    home_page, content_cache, django_assert_num_queries
):
    from wagtail.models import Page

    list(Page.objects.public())
    with django_assert_num_queries(1):  # the pages only; the private sections come from the cache
        list(Page.objects.live().public())


def test_a_private_page_stays_private_with_the_content_cache(client, home_page, content_cache, commit):
    from wagtail.models import PageViewRestriction

    news_index = NewsIndexPageFactory(parent=home_page)
    article = NewsPageFactory(parent=news_index, title="Interne Mitteilung")
    assert "Interne Mitteilung" in client.get(article.url).content.decode()
    restriction = PageViewRestriction(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    commit(restriction.save)
    response = client.get(article.url)
    assert "Interne Mitteilung" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    commit(restriction.delete)
    assert "Interne Mitteilung" in client.get(article.url).content.decode()


def test_without_private_sections_serving_a_page_asks_no_restriction_query(client, home_page, content_cache):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    news_index = NewsIndexPageFactory(parent=home_page)
    client.get(news_index.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(news_index.url).status_code == 200
    assert not [query for query in queries if "wagtailcore_pageviewrestriction" in query["sql"]]


def test_a_request_reads_the_token_once(client, home_page, content_cache, settings, monkeypatch):
    """Menu, private sections ... share the token the request read first: one cache read, not one per use."""
    settings.PAGE_CACHE_SECONDS = 0
    news_index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news_index)
    real = invalidation.cache()
    reads = []

    class Counting:
        def __getattr__(self, name):
            return getattr(real, name)

        def get(self, key, *args, **kwargs):
            reads.append(key)
            return real.get(key, *args, **kwargs)

    monkeypatch.setattr(invalidation, "cache", Counting)
    assert client.get(news_index.url).status_code == 200
    assert reads.count(invalidation.NAMESPACE_KEY) == 1
    invalidation.clear()  # outside a request the token is read each time: a change is seen at once
    before = reads.count(invalidation.NAMESPACE_KEY)
    invalidation.current_token()
    invalidation.current_token()
    assert reads.count(invalidation.NAMESPACE_KEY) == before + 2


def test_values_built_before_a_commit_are_not_kept(home_page, content_cache):
    """A change that is rolled back must not leave values built from it in the cache."""
    from django.db import transaction
    from wagtail.models import Page, PageViewRestriction

    news_index = NewsIndexPageFactory(parent=home_page)
    restriction = PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    invalidation._uncommitted.changes = False  # as after the commit of the line above
    assert news_index.pk not in set(Page.objects.public().values_list("pk", flat=True))

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        restriction.delete()
        # The deleting code itself sees its change ...
        assert news_index.pk in set(Page.objects.public().values_list("pk", flat=True))
        raise Rollback
    # ... but after the rollback nothing built inside the transaction is used.
    invalidation._uncommitted.changes = False  # a new request
    assert news_index.pk not in set(Page.objects.public().values_list("pk", flat=True))


def test_a_token_changed_between_requests_is_seen_by_the_next_request(client, home_page, content_cache):
    from home.models import StandardPage

    client.get(home_page.url)  # fills the menu under the current token
    page = StandardPage(title="Neu im Menü", slug="neu", show_in_menus=True)
    home_page.add_child(instance=page)  # live, but no publish signal: the cached menu stays
    assert "Neu im Menü" not in client.get(home_page.url).content.decode()
    invalidation.clear()  # what another instance's publish does: a new token in the shared cache
    assert "Neu im Menü" in client.get(home_page.url).content.decode()


def test_content_cache_values_expire(home_page, content_cache, settings, monkeypatch):
    values = iter([1, 2])
    assert content.content_cached("zahl", lambda: next(values)) == 1
    invalidation.cache().delete(f"{invalidation.current_prefix()}.content.zahl")  # the shared entry expired
    real_monotonic = content.time.monotonic
    monkeypatch.setattr(
        content.time, "monotonic", lambda: real_monotonic() + settings.CONTENT_CACHE_SECONDS + 1
    )
    assert content.content_cached("zahl", lambda: next(values)) == 2


# Unknown query parameters (issue 15): served, but neither looked up nor stored.


def cache_entries():
    return len(cache._cache)  # LocMemCache, the test settings' cache


def test_junk_query_parameters_add_no_cache_entries(client, news_index):
    cached(client, news_index.url)
    before = cache_entries()
    for number in range(100):
        response = client.get(news_index.url, {"junk": f"x{number}"})
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]  # no CDN keeps it either
    for query in ("utm_source=newsletter", "seite=1&seite=2", "seite=1&x=" + "a" * 300):
        assert "X-Page-Cache" not in client.get(f"{news_index.url}?{query}")
    assert cache_entries() == before


def test_known_filter_parameters_are_still_cached(client, home_page, news_index):
    week = EventIndexPageFactory(parent=home_page)
    cached(client, news_index.url + "?seite=1")
    cached(client, week.url + "?land=NW&art=workshop")
    cached(client, "/api/v2/pages/?type=news.NewsPage&limit=5")


def test_the_search_keeps_no_rendering_for_junk_parameters(client, home_page, settings):
    settings.SEARCH_CACHE_SECONDS = 300
    before = cache_entries()
    for number in range(20):
        assert client.get("/suche/", {"q": "Industrie", "junk": number}).status_code == 200
    assert cache_entries() <= before + 1  # the namespace token at most
    client.get("/suche/", {"q": "Industrie"})
    assert client.get("/suche/", {"q": "Industrie"})["X-Page-Cache"] == "hit"
