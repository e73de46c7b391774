"""The forum's iCalendar feed (meetings/feeds.py): stable UIDs whatever the request's host."""

import datetime

import pytest
from icalendar import Calendar

from tests.factories.meetings import ForumIndexPageFactory, ForumSessionFactory, ForumTopicPageFactory


@pytest.fixture
def forum(home_page):
    forum = ForumIndexPageFactory(parent=home_page)
    topic = ForumTopicPageFactory(parent=forum, title="Energiepreise", recommendation="Netzentgelte senken.")
    ForumSessionFactory(page=topic, date=datetime.date(2017, 6, 20), time=datetime.time(10, 0))
    ForumSessionFactory(page=topic, date=datetime.date(2017, 3, 14))
    return forum


def uids(client, url, host):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return sorted(str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT"))


def test_forum_uids_do_not_depend_on_the_host(client, forum):
    url = forum.url + "kalender/"
    assert uids(client, url, "localhost") == uids(client, url, "127.0.0.1:8000")


def test_forum_uids_use_the_configured_domain(client, forum, settings):
    settings.ICAL_UID_DOMAIN = "kalender.example"
    sessions = forum.get_children().first().specific.sessions.order_by("pk")
    assert uids(client, forum.url + "kalender/", "localhost") == sorted(
        f"forum-termin-{session.pk}@kalender.example" for session in sessions
    )
