"""RSS/Atom feeds of news and meeting reports, the iCalendar feed of the forum, and their <link>s."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.factories.meetings import (
    ForumIndexPageFactory,
    ForumSessionFactory,
    ForumTopicPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


def alternate_links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {link["type"]: link["href"] for link in soup.find_all("link", rel="alternate")}


@pytest.fixture
def news(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    items = {
        "old": NewsPageFactory(parent=index, title="Forum startet", date=datetime.date(2017, 3, 1)),
        "new": NewsPageFactory(
            parent=index,
            title="Treffen beim DIHK & Co.",
            date=datetime.date(2017, 4, 6),
            teaser="Über 60 <Gäste>.",
        ),
        "draft": NewsPageFactory(parent=index, title="Entwurf", live=False),
        "private": NewsPageFactory(parent=index, title="Intern"),
    }
    PageViewRestriction.objects.create(page=items["private"], restriction_type="login")
    return index, items


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_news_feeds_parse_and_list_live_public_news(client, news, route, version):
    index, items = news
    response, feed = parse(client, index.url + route)
    assert feed.version == version
    assert feed.feed.title == "Aktuelles – N3tzwerk Zukunft der Industrie"
    if version == "rss20":
        assert feed.feed.language == "de"
    assert [entry.title for entry in feed.entries] == ["Treffen beim DIHK & Co.", "Forum startet"]
    newest = feed.entries[0]
    assert newest.link == "http://testserver" + items["new"].url
    # The description is HTML: the teaser's text is escaped, so readers show it as written.
    assert newest.summary == "Über 60 &lt;Gäste&gt;."
    # Midnight of the news date in Berlin (CEST), which feedparser reports in UTC.
    assert newest.published_parsed[:5] == (2017, 4, 5, 22, 0)


def test_news_pages_announce_the_feeds(client, news):
    index, items = news
    for url in (index.url, items["new"].url, index.get_parent().url):
        links = alternate_links(client, url)
        assert links["application/rss+xml"] == index.url + "rss/", url
        assert links["application/atom+xml"] == index.url + "atom/", url


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_meeting_report_feeds(client, home_page, route, version):
    index = MeetingIndexPageFactory(parent=home_page)
    MeetingPageFactory(parent=index, title="2. Treffen", date=datetime.date(2016, 10, 1))
    MeetingPageFactory(parent=index, title="3. Treffen", date=datetime.date(2017, 4, 5), summary="Bericht.")
    MeetingPageFactory(parent=index, title="Entwurf", live=False)
    _response, feed = parse(client, index.url + route)
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["3. Treffen", "2. Treffen"]
    assert feed.entries[0].summary == "Bericht."
    meeting = index.get_children().live().first()
    for url in (index.url, meeting.url):
        assert alternate_links(client, url)["application/rss+xml"] == index.url + "rss/"


def test_forum_calendar_lists_dated_sessions_of_live_topics(client, home_page):
    forum = ForumIndexPageFactory(parent=home_page)
    topic = ForumTopicPageFactory(
        parent=forum, title="Berufliche Bildung stärken", recommendation="Berufsschulen."
    )
    ForumSessionFactory(
        page=topic, date=datetime.date(2017, 6, 20), time=datetime.time(10, 0), venue="Berlin"
    )
    ForumSessionFactory(page=topic, date=datetime.date(2017, 3, 14))
    ForumSessionFactory(page=topic, date=None, note="geplant für Herbst")
    hidden = ForumTopicPageFactory(parent=forum, title="Entwurf", live=False)
    ForumSessionFactory(page=hidden, date=datetime.date(2017, 5, 1))

    response = client.get(forum.url + "kalender/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [event.decoded("dtstart") for event in events][0] == datetime.date(2017, 3, 14)
    timed = events[1]
    start = timed.decoded("dtstart")
    assert (start.isoformat(), str(start.tzinfo)) == ("2017-06-20T10:00:00+02:00", "Europe/Berlin")
    assert timed.decoded("dtend") - start == datetime.timedelta(hours=2)
    assert str(timed["summary"]) == "Forum Industriepolitik: Berufliche Bildung stärken"
    assert str(timed["location"]) == "Berlin"
    assert str(timed["url"]) == topic.get_full_url()
    assert len({str(event["uid"]) for event in events}) == 2
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    for url in (forum.url, topic.url):
        assert alternate_links(client, url)["text/calendar"] == forum.url + "kalender/"


def test_pages_without_feeds_have_no_alternate_links(client, home_page):
    assert alternate_links(client, home_page.url) == {}
