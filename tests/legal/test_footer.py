"""The footer of every page type: the association's contact from the organisation settings and the
links to Impressum and Datenschutzerklärung; the server error page keeps the links without a database."""

from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from tests.factories.accessibility import (
    AccessibilityStatementPageFactory,
    EasyLanguageIndexPageFactory,
    EasyLanguagePageFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import StandardPageFactory, make_site_root
from tests.factories.legal import ImpressumPageFactory, PrivacyPageFactory, organisation_settings
from tests.factories.materials import MaterialsPageFactory, OrderPageFactory
from tests.factories.meetings import (
    ForumIndexPageFactory,
    ForumTopicPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
)

# factory, factory of its parent (listed before it; None: directly below the home page)
CHILD_PAGES = [
    (StandardPageFactory, None),
    (RegionIndexPageFactory, None),
    (RegionPageFactory, RegionIndexPageFactory),
    (InitiativeIndexPageFactory, None),
    (InitiativePageFactory, InitiativeIndexPageFactory),
    (MeetingIndexPageFactory, None),
    (MeetingPageFactory, MeetingIndexPageFactory),
    (ForumIndexPageFactory, None),
    (ForumTopicPageFactory, ForumIndexPageFactory),
    (NewsIndexPageFactory, None),
    (NewsPageFactory, NewsIndexPageFactory),
    (EventIndexPageFactory, None),
    (EventPageFactory, EventIndexPageFactory),
    (MaterialsPageFactory, None),
    (OrderPageFactory, None),
    (AccessibilityStatementPageFactory, None),
    (EasyLanguageIndexPageFactory, None),
    (EasyLanguagePageFactory, EasyLanguageIndexPageFactory),
]


def footer_of(html):
    return BeautifulSoup(html, "html.parser").find("footer", class_="site-footer")


class FooterOnEveryPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        organisation_settings(
            email="kontakt@n3tzwerk.example", phone="030 516 95 6860", street="Musterweg 1", postcode="10117"
        )
        cls.home = make_site_root()
        cls.impressum = ImpressumPageFactory(parent=cls.home)
        cls.privacy = PrivacyPageFactory(parent=cls.home)
        cls.pages = [cls.home, cls.impressum, cls.privacy]
        made = {}
        for factory, parent_factory in CHILD_PAGES:
            made[factory] = factory(parent=made[parent_factory] if parent_factory else cls.home)
            cls.pages.append(made[factory])

    def test_every_page_type_is_covered(self):
        covered = {type(page.specific) for page in self.pages}
        assert covered == set(get_page_models()) - {Page}

    def test_footer_has_contact_impressum_and_privacy_links_on_every_page_type(self):
        for page in self.pages:
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsRenderable(page)
                response = self.client.get(page.url)
                footer = footer_of(response.content)
                assert footer is not None
                links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
                assert links["Impressum"] == "/impressum/"
                assert links["Datenschutz"] == "/datenschutz/"
                assert links["kontakt@n3tzwerk.example"] == "mailto:kontakt@n3tzwerk.example"
                text = footer.get_text(" ", strip=True)
                assert "Musterweg 1, 10117 Berlin" not in text  # city not set in this test
                assert "Telefon 030 516 95 6860" in text
                assert footer.find("nav", attrs={"aria-label": "Rechtliches"}) is not None

    def test_placeholders_are_left_out_of_the_footer(self):
        organisation_settings(street="[bitte ergänzen]", city="Berlin", postcode="")
        text = footer_of(self.client.get(self.home.url).content).get_text(" ", strip=True)
        assert "bitte ergänzen" not in text
        assert "Berlin" in text

    def test_the_server_error_page_links_impressum_and_privacy_without_the_database(self):
        with self.assertNumQueries(0):
            response = server_error(RequestFactory().get("/kaputt/"))
        footer = footer_of(response.content)
        hrefs = {a["href"] for a in footer.find_all("a")}
        assert {"/impressum/", "/datenschutz/"} <= hrefs
