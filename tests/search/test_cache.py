"""Repeated searches come from the cache, are still counted, and are renewed when content changes."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.cache import SessionStore
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query

from cms.caching import invalidation, renders
from search.indexing import rebuild
from search.views import search_cache_seconds
from tests.factories.regions import InitiativePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_cache")]


def search(client, **params):
    return client.get(reverse("search"), params)


def test_a_repeated_search_comes_from_the_cache_and_is_still_counted(client, corpus):
    first = search(client, q="Thüringen")
    second = search(client, q="Thüringen")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "Bündnis für Industrie <mark>Thüringen</mark>" in second.content.decode()
    assert Query.get("thüringen").hits == 2
    # No CDN or browser keeps it: the view's own headers, also on a hit.
    assert {"private", "no-store"} <= {part.strip() for part in second["Cache-Control"].split(",")}
    assert second["Content-Type"] == first["Content-Type"] == "text/html; charset=utf-8"


def test_each_address_has_its_own_entry(client, corpus):
    search(client, q="Thüringen")
    other = search(client, q="Krefeld")
    filtered = search(client, q="Thüringen", land="NW")
    assert (other["X-Page-Cache"], filtered["X-Page-Cache"]) == ("miss", "miss")
    assert "Krefeld" in other.content.decode()
    assert filtered.context["total"] == 0


def test_publishing_renews_the_cached_searches(client, corpus, django_capture_on_commit_callbacks):
    search(client, q="Thüringen")
    assert search(client, q="Thüringen")["X-Page-Cache"] == "hit"
    page = InitiativePageFactory.build(title="Netzwerk Ostthüringen", federal_state="TH", live=False)
    corpus["alliance"].get_parent().add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = search(client, q="Thüringen")
    assert response["X-Page-Cache"] == "miss"
    assert "Netzwerk <mark>Ostthüringen</mark>" in response.content.decode()


def test_rebuilding_the_index_renews_the_cached_searches(client, corpus, django_capture_on_commit_callbacks):
    search(client, q="Krefeld")
    with django_capture_on_commit_callbacks(execute=True):
        rebuild()
    assert search(client, q="Krefeld")["X-Page-Cache"] == "miss"


def test_logged_in_visitors_get_a_fresh_search(client, corpus, django_user_model):
    search(client, q="Krefeld")
    assert search(client, q="Krefeld")["X-Page-Cache"] == "hit"
    client.force_login(django_user_model.objects.create_user("redaktion", password="x" * 12))
    response = search(client, q="Krefeld")
    assert "X-Page-Cache" not in response  # rendered for them, neither read from nor kept in the cache
    assert "Krefeld" in response.content.decode()
    assert Query.get("krefeld").hits == 3


@pytest.mark.parametrize("setting", ["SEARCH_CACHE_SECONDS", "PAGE_CACHE_SECONDS"])
def test_switched_off(client, corpus, settings, setting):
    setattr(settings, setting, 0)
    search(client, q="Krefeld")
    response = search(client, q="Krefeld")
    assert "X-Page-Cache" not in response
    assert "Krefeld" in response.content.decode()


def test_a_visitor_with_a_session_gets_a_fresh_search(client, corpus, settings):
    search(client, q="Krefeld")
    client.cookies[settings.SESSION_COOKIE_NAME] = "abc"
    assert "X-Page-Cache" not in search(client, q="Krefeld")


def rendered_through_cache(rf, render):
    request = rf.get("/suche/", {"q": "Krefeld"})
    request.user = AnonymousUser()
    return renders.cached_render(request, lambda: render(request), 300)


def with_csrf_token(request):
    return HttpResponse(f"<input name=csrfmiddlewaretoken value={get_token(request)}>")


def with_csp_nonce(request):
    return HttpResponse(f"<script nonce={request.__dict__.setdefault('_csp_nonce', 'n0nce')}></script>")


def with_session_change(request):
    request.session = SessionStore()
    request.session["seen"] = True
    return HttpResponse("ok")


@pytest.mark.parametrize("render", [with_csrf_token, with_csp_nonce, with_session_change])
def test_a_rendering_with_something_of_the_visitor_is_not_kept(rf, render):
    first = rendered_through_cache(rf, render)
    second = rendered_through_cache(rf, render)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "miss")


def test_a_rendering_of_the_same_address_for_everybody_is_kept(rf):
    rendered_through_cache(rf, lambda request: HttpResponse("für alle"))
    response = rendered_through_cache(rf, lambda request: HttpResponse("anders"))
    assert response["X-Page-Cache"] == "hit"
    assert response.content.decode() == "für alle"


def test_a_change_during_the_rendering_is_never_served_from_it(rf):
    def changing(request):
        invalidation.clear()  # another instance publishes while this one renders
        return HttpResponse("alte Daten")

    rendered_through_cache(rf, changing)
    response = rendered_through_cache(rf, lambda request: HttpResponse("neue Daten"))
    assert response["X-Page-Cache"] == "miss"
    assert response.content.decode() == "neue Daten"


def test_the_thread_that_changes_content_keeps_no_rendering(rf, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invalidation.invalidate("Test")
        rendered_through_cache(rf, lambda request: HttpResponse("vor der Bestätigung"))
        response = rendered_through_cache(rf, lambda request: HttpResponse("noch einmal"))
        assert "X-Page-Cache" not in response
    assert rendered_through_cache(rf, lambda request: HttpResponse("danach"))["X-Page-Cache"] == "miss"


def test_off_with_a_search_server(settings):
    assert search_cache_seconds() == 300
    settings.SEARCH_EXTERNAL_BACKEND = True
    assert search_cache_seconds() == 0
