"""The BITV page types: tree rules, admin create, rendering, and the header links to them."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accessibility.models import AccessibilityStatementPage, EasyLanguageIndexPage, EasyLanguagePage
from home.models import HomePage, StandardPage
from tests.factories.accessibility import (
    AccessibilityStatementPageFactory,
    EasyLanguageIndexPageFactory,
    EasyLanguagePageFactory,
)
from tests.factories.core import ContactFactory
from tests.factories.home import StandardPageFactory, make_site_root
from tests.support.pages import assert_edit_publishes, edit_form_data


class AccessibilityPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.statement = AccessibilityStatementPageFactory(
            parent=cls.home, contact=ContactFactory(label="Barrierefreiheit", email="barrieren@example.org")
        )
        cls.easy_index = EasyLanguageIndexPageFactory(parent=cls.home)
        cls.easy_page = EasyLanguagePageFactory(parent=cls.easy_index, slug="verein")
        cls.about = StandardPageFactory(parent=cls.home, slug="ueber-uns", show_in_menus=True)

    def setUp(self):
        self.user = self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())
        self.assertAllowedParentPageTypes(EasyLanguageIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EasyLanguageIndexPage, {EasyLanguagePage})
        self.assertAllowedParentPageTypes(EasyLanguagePage, {EasyLanguageIndexPage})
        self.assertAllowedSubpageTypes(EasyLanguagePage, set())
        self.assertCanCreateAt(EasyLanguageIndexPage, EasyLanguagePage)
        self.assertCanNotCreateAt(StandardPage, AccessibilityStatementPage)
        self.assertCanNotCreateAt(HomePage, EasyLanguagePage)

    def test_one_statement_and_one_easy_language_section_per_site(self):
        # max_count = 1: both exist already, so the home page offers neither again.
        self.assertFalse(AccessibilityStatementPage.can_create_at(self.home))
        self.assertFalse(EasyLanguageIndexPage.can_create_at(self.home))
        self.assertTrue(EasyLanguagePage.can_create_at(self.easy_index))

    def test_pages_render_and_are_editable_and_previewable(self):
        for page in (self.statement, self.easy_index, self.easy_page):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)
                data = edit_form_data(self.client, page)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)
                assert_edit_publishes(self, page, data, self.user)
        self.assertPageIsRenderable(self.statement, route_path="/danke/")

    def test_can_create_a_statement(self):
        self.statement.delete()
        data = nested_form_data(
            {
                "title": "Erklärung zur Barrierefreiheit",
                "slug": "barrierefreiheit",
                "intro": rich_text("<p>Wir sind bemüht …</p>"),
                "compliance": "full",
                "compliance_text": rich_text(""),
                "non_accessible_content": rich_text("<p>Keine bekannt.</p>"),
                "prepared_on": "2026-11-01",
                "reviewed_on": "2026-11-20",
                "method": "Selbstbewertung",
                "feedback_intro": rich_text("<p>Schreiben Sie uns.</p>"),
                "contact": "",
                "thank_you_text": rich_text("<p>Danke.</p>"),
                "enforcement": rich_text("<p>Schlichtungsstelle BGG</p>"),
            }
        )
        self.assertCanCreate(self.home, AccessibilityStatementPage, data)
        page = AccessibilityStatementPage.objects.get(slug="barrierefreiheit")
        self.assertEqual(page.get_compliance_display(), "vollständig vereinbar")

    def test_can_create_easy_language_pages(self):
        data = nested_form_data(
            {
                "title": "Die Woche der Industrie",
                "slug": "woche",
                "intro": rich_text("<p>Einmal im Jahr.</p>"),
                "body": streamfield([("paragraph", rich_text("<p>Firmen öffnen ihre Türen.</p>"))]),
            }
        )
        self.assertCanCreate(self.easy_index, EasyLanguagePage, data)

    def test_statement_shows_the_required_sections(self):
        response = self.client.get(self.statement.url)
        self.assertContains(response, "<h1>Erklärung zur Barrierefreiheit</h1>", html=True)
        for heading in (
            "Stand der Vereinbarkeit mit den Anforderungen",
            "Nicht barrierefreie Inhalte",
            "Erstellung dieser Erklärung",
            "Barrieren melden: Feedback und Kontakt",
            "Schlichtungsverfahren",
        ):
            self.assertContains(response, heading)
        self.assertContains(response, "teilweise vereinbar")
        self.assertContains(response, "barrieren@example.org")
        self.assertContains(response, 'name="message"')

    def test_easy_language_index_lists_its_pages(self):
        response = self.client.get(self.easy_index.url)
        self.assertContains(response, f'<a href="{self.easy_page.url}">Was ist das N3tzwerk?</a>', html=True)

    def test_easy_language_page_links_back_to_the_section(self):
        response = self.client.get(self.easy_page.url)
        self.assertContains(
            response,
            f'<a href="{self.easy_index.url}">Zurück zur Übersicht in Leichter Sprache</a>',
            html=True,
        )
        self.assertNotContains(response, "Mehr in Leichter Sprache")

    def test_home_page_header_links_both_bitv_pages_outside_the_main_navigation(self):
        self.client.logout()
        response = self.client.get(self.home.url)
        self.assertContains(response, 'aria-label="Barrierefreiheit"')
        html = response.content.decode()
        service_nav = html.split('aria-label="Barrierefreiheit"', 1)[1].split("</nav>", 1)[0]
        main_nav = html.split('aria-label="Hauptnavigation"', 1)[1].split("</nav>", 1)[0]
        self.assertIn(f'href="{self.easy_index.url}"', service_nav)
        self.assertIn(f'href="{self.statement.url}"', service_nav)
        self.assertNotIn(self.easy_index.url, main_nav)
        self.assertIn(f'href="{self.about.url}"', main_nav)

    def test_unpublished_bitv_pages_are_not_linked(self):
        self.easy_index.unpublish()
        response = self.client.get(self.home.url)
        self.assertNotContains(response, f'href="{self.easy_index.url}"')
