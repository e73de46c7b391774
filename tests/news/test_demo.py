"""The news of the demo content: linked to the demo's regions, meeting and forum topics; idempotent."""

import feedparser
import pytest
from wagtail.models import Page, Revision

from cms.core.demo import load_all
from news.models import NewsIndexPage, NewsPage
from search.models import SearchEntry


@pytest.fixture
def demo(db):
    return load_all()


def test_demo_news_are_published_and_linked(demo, client):
    index = NewsIndexPage.objects.get()
    assert index.live and index.show_in_menus and index.slug == "aktuelles"
    news = list(index.get_news())
    assert len(news) == 4
    assert news[0].title == "Drittes Treffen der regionalen Industriebündnisse beim DIHK"
    assert news[0].related_meetings.get().number == 3
    regions = NewsPage.objects.get(slug="sechs-modellregionen").related_regions
    assert regions.count() == 6
    assert NewsPage.objects.get(slug="forum-industriepolitik-fuenf-themen").related_topics.count() == 5
    for item in news:
        response = client.get(item.url)
        assert response.status_code == 200
        assert item.teaser in response.content.decode()

    home = client.get("/")
    assert [item.title for item in home.context["latest_news"]] == [item.title for item in news[:3]]
    feed = feedparser.parse(client.get(index.url + "rss/").content)
    assert not feed.bozo and len(feed.entries) == 4


def test_demo_news_are_found_as_news_in_the_site_search(demo):
    entry = SearchEntry.objects.get(page__slug="wochen-der-industrie-2017")
    assert entry.kind == "news"
    assert entry.year == 2017
    assert "370 Veranstaltungen" in entry.summary


def test_second_run_changes_nothing(demo):
    counts = (Page.objects.count(), Revision.objects.count(), NewsPage.objects.count())
    assert load_all().created == []
    assert (Page.objects.count(), Revision.objects.count(), NewsPage.objects.count()) == counts


def test_a_deleted_news_item_comes_back_once(demo):
    NewsPage.objects.get(slug="sechs-modellregionen").delete()
    load_all()
    load_all()
    assert NewsPage.objects.filter(slug="sechs-modellregionen").count() == 1
