"""Sitemap, robots.txt, canonical links, OpenGraph/Twitter, JSON-LD, titles and the error pages."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.models import PageViewRestriction

from tests.factories.core import ImageFactory
from tests.factories.home import StandardPageFactory
from tests.factories.legal import organisation_settings
from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(soup):
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


@pytest.fixture
def tree(home_page):
    about = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=news_index, title="Treffen beim DIHK")
    meetings = MeetingIndexPageFactory(parent=home_page)
    meeting = MeetingPageFactory(parent=meetings)
    draft = NewsPageFactory(parent=news_index, title="Entwurf", live=False)
    private = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")
    private_child = StandardPageFactory(parent=private, title="Intern Unterseite", slug="unterseite")
    return {
        "public": [home_page, about, news_index, news, meetings, meeting],
        "hidden": [draft, private, private_child],
    }


def test_sitemap_lists_every_live_public_page_and_nothing_else(client, tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    locations = {element.text for element in root.findall("sm:url/sm:loc", SITEMAP_NS)}
    assert locations == {page.get_full_url() for page in tree["public"]}
    for page in tree["hidden"]:
        assert page.get_full_url() not in locations
    assert all(element.text for element in root.findall("sm:url/sm:lastmod", SITEMAP_NS))


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_news_page_has_canonical_opengraph_twitter_and_article_data(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    image = ImageFactory(alt_text="Blick in den Saal", file__width=1600, file__height=1000)
    news = NewsPageFactory(
        parent=index,
        title="Treffen </script> beim DIHK",
        teaser="Rund 60 Fachleute trafen sich.",
        image=image,
    )
    soup = soup_of(client, news.url)
    assert soup.title.string == "Treffen </script> beim DIHK – Aktuelles | N3tzwerk Zukunft der Industrie"
    assert soup.find("link", rel="canonical")["href"] == news.get_full_url()
    assert meta(soup, "description") == "Rund 60 Fachleute trafen sich."
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == "Treffen </script> beim DIHK"
    assert meta(soup, "og:url") == news.get_full_url()
    assert meta(soup, "og:locale") == "de_DE"
    rendition = image.get_rendition("fill-1200x630")
    assert meta(soup, "og:image") == "http://testserver" + rendition.url
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:alt") == "Blick in den Saal"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")

    (article,) = json_ld(soup)
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Treffen </script> beim DIHK"
    assert article["datePublished"].startswith(news.date.isoformat())
    assert article["image"] == [meta(soup, "og:image")]
    assert article["publisher"]["name"] == "N3tzwerk Zukunft der Industrie e. V."
    # The title cannot end the script element early.
    assert "</script> beim" not in str(soup.find("script", type="application/ld+json"))


def test_home_page_has_organisation_data_and_the_default_share_image(client, home_page):
    organisation_settings(email="info@n3tzwerk.org")
    home_page.search_description = "Das Bündnis für die Industrie."
    home_page.save()
    soup = soup_of(client, home_page.url)
    assert soup.title.string == "N3tzwerk Zukunft der Industrie"
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "description") == "Das Bündnis für die Industrie."
    assert meta(soup, "og:image") == "http://testserver/static/img/share.png"
    (organisation,) = json_ld(soup)
    assert organisation["@type"] == "Organization"
    assert organisation["url"] == home_page.get_full_url()
    assert organisation["email"] == "info@n3tzwerk.org"


def test_other_pages_have_a_german_title_and_no_organisation_data(client, home_page):
    about = StandardPageFactory(parent=home_page, title="Über uns", intro="Wer <b>wir</b> sind.")
    soup = soup_of(client, about.url)
    assert soup.title.string == "Über uns | N3tzwerk Zukunft der Industrie"
    assert meta(soup, "description") == "Wer wir sind."
    assert json_ld(soup) == []


def test_404_is_german_and_not_indexed(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.string == "Seite nicht gefunden | N3tzwerk Zukunft der Industrie"
    assert meta(soup, "robots") == "noindex"
    assert soup.find("form", role="search")


def test_500_page_renders_without_the_database():
    # No db fixture: any query would fail the test.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.h1.string == "Entschuldigung, ein Fehler ist aufgetreten"
    assert soup.find("link", rel="stylesheet")["href"] == "/static/css/site.css"
