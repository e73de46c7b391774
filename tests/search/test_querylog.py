"""Searches are counted for the editors' report in batches, written after responses and at exit."""

import pytest
from django.db import DatabaseError
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import querylog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def batched(settings):
    settings.SEARCH_LOG_FLUSH_SECONDS = 60
    querylog._pending.clear()
    yield
    querylog._pending.clear()


def hits(query_string):
    return sum(QueryDailyHits.objects.filter(query__query_string=query_string).values_list("hits", flat=True))


def test_counts_are_written_together_once_due(client, corpus):
    querylog.flush()  # starts the interval now
    client.get(reverse("search"), {"q": "Thüringen"})
    client.get(reverse("search"), {"q": "thüringen  "})
    assert hits("thüringen") == 0  # not yet due: no database write on the visitor's request
    querylog._state["written"] -= 61
    client.get(reverse("search"))  # any request: written after its response
    assert hits("thüringen") == 2
    assert QueryDailyHits.objects.filter(query__query_string="thüringen").count() == 1
    assert not querylog._pending


def test_later_batches_add_to_the_same_day(corpus):
    for batch in (3, 2):
        for _ in range(batch):
            querylog.count("Krefeld")
        querylog.flush()
    assert hits("krefeld") == 5
    assert Query.objects.get(query_string="krefeld").hits == 5  # what the admin report shows


def test_queries_without_words_are_not_counted():
    querylog.count("   ")
    assert not querylog._pending


def test_written_at_once_without_batching(settings, client, corpus):
    settings.SEARCH_LOG_FLUSH_SECONDS = 0
    client.get(reverse("search"), {"q": "Krefeld"})
    assert hits("krefeld") == 1


def test_a_database_error_is_logged_and_never_breaks_the_search(
    client, corpus, monkeypatch, caplog, settings
):
    def broken(*args, **kwargs):
        raise DatabaseError("kaputt")

    monkeypatch.setattr(QueryDailyHits.objects, "get_or_create", broken)
    settings.SEARCH_LOG_FLUSH_SECONDS = 0  # written during the request
    response = client.get(reverse("search"), {"q": "Krefeld"})
    assert response.status_code == 200
    assert "Krefeld" in response.content.decode()
    assert "konnte nicht gezählt werden" in caplog.text
    assert not querylog._pending
