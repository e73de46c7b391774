"""Searches are counted for the editors' report in batches: by a timer in its own thread, and at exit."""

import pytest
from django.db import DatabaseError, OperationalError
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import querylog


@pytest.fixture(autouse=True)
def batched(settings):
    settings.SEARCH_LOG_FLUSH_SECONDS = 60
    querylog._pending.clear()
    yield
    timer = querylog._state["timer"]
    if timer is not None:
        timer.cancel()
        querylog._state["timer"] = None
    querylog._pending.clear()


def hits(query_string):
    return sum(QueryDailyHits.objects.filter(query__query_string=query_string).values_list("hits", flat=True))


@pytest.fixture
def failing_for(monkeypatch):
    """Make writing the counts of some queries fail with ``error``."""
    original = Query.objects.get_or_create

    def install(error, query_strings=None):
        def get_or_create(*args, **kwargs):
            if query_strings is None or kwargs.get("query_string") in query_strings:
                raise error("kaputt")
            return original(*args, **kwargs)

        monkeypatch.setattr(Query.objects, "get_or_create", get_or_create)

    return install


@pytest.mark.django_db(transaction=True)
def test_a_timer_writes_the_counts_together_after_the_responses(client, corpus, settings):
    settings.SEARCH_LOG_FLUSH_SECONDS = 0.3
    client.get(reverse("search"), {"q": "Thüringen"})
    client.get(reverse("search"), {"q": "thüringen  "})
    assert hits("thüringen") == 0  # no database write on the visitors' requests
    timer = querylog._state["timer"]
    timer.join(10)
    assert not timer.is_alive()
    assert hits("thüringen") == 2
    assert QueryDailyHits.objects.filter(query__query_string="thüringen").count() == 1
    assert not querylog._pending
    assert querylog._state["timer"] is None  # the next search starts a new one


@pytest.mark.django_db
def test_later_batches_add_to_the_same_day():
    for batch in (3, 2):
        for _ in range(batch):
            querylog.count("Krefeld")
        querylog.flush()
    assert hits("krefeld") == 5
    assert Query.objects.get(query_string="krefeld").hits == 5  # what the admin report shows


@pytest.mark.django_db
def test_what_is_left_is_written_at_exit():
    querylog.count("Krefeld")
    timer = querylog._state["timer"]
    querylog._write_at_exit()
    assert hits("krefeld") == 1
    assert timer.finished.is_set()  # cancelled: nothing is written twice


def test_queries_without_words_are_not_counted():
    querylog.count("   ")
    assert not querylog._pending
    assert querylog._state["timer"] is None


@pytest.mark.django_db
def test_written_at_once_without_batching(settings, client, corpus):
    settings.SEARCH_LOG_FLUSH_SECONDS = 0
    client.get(reverse("search"), {"q": "Krefeld"})
    assert hits("krefeld") == 1


@pytest.mark.django_db
def test_an_unreachable_database_keeps_the_counts_for_the_next_write(failing_for, monkeypatch, caplog):
    querylog.count("Krefeld")
    querylog.count("Krefeld")
    querylog.count("Thüringen")
    failing_for(OperationalError)
    querylog.flush()
    assert "werden später geschrieben" in caplog.text
    assert sum(querylog._pending.values()) == 3
    monkeypatch.undo()
    querylog.flush()
    assert (hits("krefeld"), hits("thüringen")) == (2, 1)


@pytest.mark.django_db
def test_a_query_that_cannot_be_stored_is_dropped_alone(failing_for, caplog):
    querylog.count("Krefeld")
    querylog.count("Thüringen")
    failing_for(DatabaseError, {"krefeld"})
    querylog.flush()
    assert "'krefeld' konnte nicht gezählt werden" in caplog.text
    assert (hits("krefeld"), hits("thüringen")) == (0, 1)
    assert not querylog._pending


@pytest.mark.django_db
def test_a_database_error_never_breaks_the_search(client, corpus, failing_for, settings, caplog):
    settings.SEARCH_LOG_FLUSH_SECONDS = 0  # written during the request
    failing_for(DatabaseError)
    response = client.get(reverse("search"), {"q": "Krefeld"})
    assert response.status_code == 200
    assert "Krefeld" in response.content.decode()
    assert "konnte nicht gezählt werden" in caplog.text
