"""HomePage and StandardPage: tree rules, admin create/edit/preview, rendering and context."""

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accessibility.models import AccessibilityStatementPage, EasyLanguageIndexPage
from events.models import EventIndexPage
from home.models import FocusArea, HomePage, StandardPage
from legal.models import ImpressumPage, PrivacyPage
from materials.models import MaterialsPage, OrderPage
from meetings.models import ForumIndexPage, MeetingIndexPage, MeetingPage
from news.models import NewsIndexPage
from regions.models import InitiativeIndexPage, RegionIndexPage, RegionPage
from tests.factories.core import ContactFactory, OrganisationFactory
from tests.factories.home import StandardPageFactory, make_site_root
from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory
from tests.factories.regions import RegionIndexPageFactory
from tests.support.pages import assert_edit_publishes, edit_form_data


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root(intro="<p>Industrie vor Ort stärken.</p>")
        cls.regions = RegionIndexPageFactory(parent=cls.home)
        FocusArea.objects.create(
            page=cls.home, title="Regionaler Dialog", text="Modellregionen vernetzen.", link_page=cls.regions
        )
        FocusArea.objects.create(page=cls.home, title="Forum Industriepolitik", text="Empfehlungen.")

    def setUp(self):
        self.user = self.login()

    def test_parent_and_subpage_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                RegionIndexPage,
                InitiativeIndexPage,
                MeetingIndexPage,
                ForumIndexPage,
                EventIndexPage,
                NewsIndexPage,
                AccessibilityStatementPage,
                EasyLanguageIndexPage,
                ImpressumPage,
                PrivacyPage,
            },
        )
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(HomePage, RegionPage)
        self.assertCanNotCreateAt(HomePage, MaterialsPage)  # they belong under a week
        self.assertCanNotCreateAt(HomePage, OrderPage)
        self.assertCanNotCreateAt(HomePage, MeetingPage)

    def test_only_one_home_page(self):
        root = Page.objects.get(depth=1)
        self.assertFalse(HomePage.can_create_at(root))

    def test_can_create_under_root_when_none_exists(self):
        HomePage.objects.all().delete()
        root = Page.objects.get(depth=1)
        contact = ContactFactory()
        partner = OrganisationFactory(name="IHK Köln")
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Neue Startseite",
                    "slug": "neu",
                    "intro": rich_text("<p>Willkommen</p>", features=["bold", "italic", "link"]),
                    "focus_areas": inline_formset(
                        [{"title": "Regionaler Dialog", "text": "Regionen vernetzen.", "link_page": ""}]
                    ),
                    "partner_organisations": inline_formset([{"organisation": partner.pk}]),
                    "body": streamfield(
                        [
                            ("heading", {"text": "Mitmachen", "level": "h2"}),
                            ("paragraph", rich_text("<p>Text</p>")),
                        ]
                    ),
                    "contact": contact.pk,
                }
            ),
        )
        page = HomePage.objects.get(slug="neu")
        self.assertEqual([a.title for a in page.focus_areas.all()], ["Regionaler Dialog"])
        self.assertEqual(page.body[0].value["text"], "Mitmachen")
        self.assertEqual([organisation.name for organisation in page.partners()], ["IHK Köln"])

    def test_renders_focus_areas_and_latest_meeting(self):
        meetings = MeetingIndexPageFactory(parent=self.home)
        host = OrganisationFactory(name="DIHK")
        MeetingPageFactory(parent=meetings, title="Altes Treffen", date=datetime.date(2016, 1, 1))
        MeetingPageFactory(parent=meetings, title="Neues Treffen", date=datetime.date(2018, 6, 1), host=host)
        self.assertPageIsRenderable(self.home)
        response = self.client.get("/")
        self.assertContains(response, '<h1 id="page-title">N3tzwerk Zukunft der Industrie</h1>', html=True)
        self.assertContains(response, f'<a href="{self.regions.url}">Regionaler Dialog</a>', html=True)
        self.assertContains(response, "Forum Industriepolitik")
        self.assertContains(response, "Neues Treffen")
        self.assertContains(response, "Gastgeber: DIHK")
        self.assertNotContains(response, "Altes Treffen")

    def test_draft_meeting_is_not_the_latest(self):
        meetings = MeetingIndexPageFactory(parent=self.home)
        MeetingPageFactory(parent=meetings, title="Veröffentlicht", date=datetime.date(2016, 1, 1))
        MeetingPageFactory(parent=meetings, title="Entwurf", date=datetime.date(2019, 1, 1), live=False)
        response = self.client.get("/")
        self.assertContains(response, "Veröffentlicht")
        self.assertNotContains(response, "Entwurf")

    def test_is_editable_and_previewable(self):
        data = edit_form_data(
            self.client, self.home, body=streamfield([("quote", {"text": "Zitat", "attribution": ""})])
        )
        self.assertPageIsEditable(self.home, post_data=data)
        self.assertPageIsPreviewable(self.home, post_data=data)
        assert_edit_publishes(self, self.home, data, self.user)
        self.home.refresh_from_db()
        self.assertEqual(self.home.body[0].value["text"], "Zitat")
        self.assertEqual(self.home.focus_areas.count(), 2)


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.page = StandardPageFactory(parent=cls.home, title="Über uns", slug="ueber-uns")

    def setUp(self):
        self.login()

    def test_parent_and_subpage_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(RegionIndexPage, StandardPage)

    def test_can_create_with_body(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Impressum",
                    "intro": "Angaben gemäß § 5 DDG.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Anschrift", "level": "h2"}),
                            ("paragraph", rich_text("<p>Musterstraße 1</p>")),
                            ("quote", {"text": "Ein Zitat", "attribution": "Jemand"}),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="impressum")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph", "quote"])

    def test_renders_body(self):
        self.page.body = [("heading", {"text": "Wer wir sind", "level": "h2"})]
        self.page.save_revision().publish()
        self.assertPageIsRenderable(self.page)
        response = self.client.get(self.page.url)
        self.assertContains(response, "<h1>Über uns</h1>", html=True)
        self.assertContains(response, "<h2>Wer wir sind</h2>", html=True)
        self.assertContains(response, "Eine Inhaltsseite.")

    def test_is_editable_and_previewable(self):
        data = edit_form_data(
            self.client, self.page, body=streamfield([("paragraph", rich_text("<p>Neu</p>"))])
        )
        self.assertPageIsEditable(self.page, post_data=data)
        self.assertPageIsPreviewable(self.page, post_data=data)
