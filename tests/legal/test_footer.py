"""The footer of every page type: the association's contact from the organisation settings and the
links to Impressum and Datenschutzerklärung; the server error page keeps the links without a database."""

from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from tests.factories.home import make_site_root
from tests.factories.legal import ImpressumPageFactory, PrivacyPageFactory, organisation_settings
from tests.support.site import build_more_site, build_site


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
        built = build_more_site(build_site(cls.home))
        pages = [page for name, page in built.items() if name not in ("home", "document", "image")]
        cls.pages = [cls.home, cls.impressum, cls.privacy, *pages]

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
