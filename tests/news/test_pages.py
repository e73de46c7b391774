"""News page types: tree rules, admin create/edit/preview, the listing and the home page teasers."""

import datetime

from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from meetings.models import MeetingIndexPage
from news.models import NewsIndexPage, NewsPage
from tests.factories.core import ImageFactory
from tests.factories.home import make_site_root
from tests.factories.meetings import (
    ForumIndexPageFactory,
    ForumTopicPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.regions import RegionIndexPageFactory, RegionPageFactory
from tests.support.pages import assert_edit_publishes, edit_form_data


class NewsPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.index = NewsIndexPageFactory(parent=cls.home, intro="<p>Neues aus dem N3tzwerk.</p>")
        cls.news = NewsPageFactory(parent=cls.index, image=ImageFactory(alt_text="Ein Werkstor"))

    def setUp(self):
        self.user = self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsPage)
        self.assertCanNotCreateAt(MeetingIndexPage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)

    def test_index_is_a_singleton(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.home))

    def test_can_create_index_when_none_exists(self):
        self.index.delete()
        self.assertCanCreate(
            self.home, NewsIndexPage, nested_form_data({"title": "Aktuelles", "intro": rich_text("<p>x</p>")})
        )

    def test_can_create_news_with_image_and_links(self):
        image = ImageFactory()
        regions = RegionIndexPageFactory(parent=self.home)
        region = RegionPageFactory(parent=regions, title="Krefeld")
        meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=self.home))
        topic = ForumTopicPageFactory(parent=ForumIndexPageFactory(parent=self.home))
        data = nested_form_data(
            {
                "title": "Drittes Treffen der Industriebündnisse",
                "date": "2017-04-06",
                "teaser": "Rund 60 Fachleute trafen sich beim DIHK.",
                "image": image.pk,
                "body": streamfield(
                    [
                        ("heading", {"text": "Vernetzung", "level": "h2"}),
                        ("paragraph", rich_text("<p>Der Bericht.</p>")),
                    ]
                ),
            }
        )
        data["related_regions"] = [region.pk]
        data["related_meetings"] = [meeting.pk]
        data["related_topics"] = [topic.pk]
        self.assertCanCreate(self.index, NewsPage, data)
        news = NewsPage.objects.get(slug="drittes-treffen-der-industriebundnisse")
        self.assertEqual(news.date, datetime.date(2017, 4, 6))
        self.assertEqual(news.image, image)
        self.assertEqual(news.body[0].value["text"], "Vernetzung")
        self.assertEqual(list(news.related_regions.all()), [region])
        self.assertEqual(list(news.related_meetings.all()), [meeting])
        self.assertEqual(list(news.related_topics.all()), [topic])

    def test_news_without_teaser_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=["news", "newspage", self.index.pk])
        data = nested_form_data(
            {
                "title": "Ohne Teaser",
                "slug": "ohne-teaser",
                "date": "2017-04-06",
                "teaser": "",
                "body": streamfield([]),
            }
        )
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("teaser", response.context["form"].errors)
        self.assertFalse(NewsPage.objects.filter(slug="ohne-teaser").exists())

    def test_admin_form_is_german(self):
        url = reverse("wagtailadmin_pages:add", args=["news", "newspage", self.index.pk])
        html = self.client.get(url).content.decode()
        for label in (
            "Datum",
            "Teaser",
            "Bild",
            "Verknüpfungen",
            "Modellregionen",
            "Themen Forum Industriepolitik",
        ):
            self.assertIn(label, html)

    def test_pages_render(self):
        for page in (self.index, self.news):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)

    def test_pages_are_editable_and_previewable(self):
        body = streamfield([("heading", {"text": "Ergebnisse", "level": "h2"})])
        for page in (self.index, self.news):
            with self.subTest(page=page):
                data = edit_form_data(self.client, page, body=body)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)
                assert_edit_publishes(self, page, data, self.user)
        self.news.refresh_from_db()
        self.assertEqual(self.news.body[0].value["text"], "Ergebnisse")


def test_index_lists_live_public_news_newest_first(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    old = NewsPageFactory(parent=index, title="Alte Meldung", date=datetime.date(2016, 5, 1))
    new = NewsPageFactory(parent=index, title="Neue Meldung", date=datetime.date(2017, 5, 1))
    draft = NewsPageFactory(parent=index, title="Entwurf", live=False)
    private = NewsPageFactory(parent=index, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    response = client.get(index.url)
    assert response.status_code == 200
    assert list(response.context["news"]) == [new, old]
    html = response.content.decode()
    assert html.index("Neue Meldung") < html.index("Alte Meldung")
    assert draft.title not in html and private.title not in html


def test_index_paginates_with_a_notice_for_bad_numbers(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    for _ in range(NewsIndexPage.per_page + 1):
        NewsPageFactory(parent=index)
    page_two = client.get(index.url, {"seite": "2"})
    assert len(page_two.context["news"]) == 1
    assert "<title>Aktuelles – Seite 2 | N3tzwerk Zukunft der Industrie</title>" in page_two.content.decode()
    bad = client.get(index.url, {"seite": "abc"})
    assert bad.status_code == 200
    assert "keine gültige Seitenzahl" in bad.content.decode()


def test_news_page_links_only_live_related_pages(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    meetings = MeetingIndexPageFactory(parent=home_page)
    live_meeting = MeetingPageFactory(parent=meetings, title="3. Treffen")
    draft_meeting = MeetingPageFactory(parent=meetings, title="Geplantes Treffen", live=False)
    news = NewsPageFactory(parent=index, title="Bericht vom Treffen")
    news.related_meetings.add(live_meeting, draft_meeting)
    news.save()
    response = client.get(news.url)
    html = response.content.decode()
    assert "<title>Bericht vom Treffen – Aktuelles | N3tzwerk Zukunft der Industrie</title>" in html
    assert live_meeting.url in html
    assert draft_meeting.title not in html


def test_home_page_shows_the_latest_three_news(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    items = [NewsPageFactory(parent=index, date=datetime.date(2017, 1, day)) for day in range(1, 6)]
    response = client.get(home_page.url)
    assert list(response.context["latest_news"]) == items[:-4:-1]
    html = response.content.decode()
    assert "Aktuelles" in html and items[4].title in html and items[1].title not in html
    assert index.url in html


def test_home_page_without_news_index_has_no_news_section(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    assert response.context["latest_news"] == []
    assert 'id="latest-news-heading"' not in response.content.decode()


def test_home_page_leaves_out_a_private_news_index(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index, title="Nur für Mitglieder")
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    response = client.get(home_page.url)
    assert response.context["latest_news"] == []
    assert "Nur für Mitglieder" not in response.content.decode()


def test_news_page_does_not_link_private_meetings_or_regions(client, home_page):
    """Issue 15: a public news item named private meetings and regions (it checked only "live")."""
    meetings = MeetingIndexPageFactory(parent=home_page)
    public_meeting = MeetingPageFactory(parent=meetings, title="Offenes Treffen")
    private_meeting = MeetingPageFactory(parent=meetings, title="Internes Treffen")
    regions = RegionIndexPageFactory(parent=home_page)
    private_region = RegionPageFactory(parent=regions, title="Geheimregion")
    PageViewRestriction.objects.create(page=private_meeting, restriction_type="login")
    PageViewRestriction.objects.create(
        page=private_region, restriction_type="password", password="geheim-123"
    )
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    news.related_meetings.add(public_meeting, private_meeting)
    news.related_regions.add(private_region)
    news.save_revision().publish()

    html = client.get(news.url).content.decode()
    assert "Offenes Treffen" in html
    assert "Internes Treffen" not in html
    assert "Geheimregion" not in html
