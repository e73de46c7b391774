"""ImpressumPage and PrivacyPage: one each per site below the home page, filled from the settings."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import HomePage
from legal.models import ImpressumPage, PrivacyPage, RetentionSettings
from tests.factories.home import make_site_root
from tests.factories.legal import ImpressumPageFactory, PrivacyPageFactory, organisation_settings


class LegalPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        organisation_settings(
            street="Musterweg 1",
            postcode="10117",
            city="Berlin",
            email="kontakt@n3tzwerk.example",
            phone="030 516 95 6860",
            board="Erika Mustermann (Vorsitzende)\nMax Muster (Stellvertreter)",
            register_court="Amtsgericht Charlottenburg",
            register_number="VR 12345 B",
            content_responsible="Erika Mustermann, Musterweg 1, 10117 Berlin",
            privacy_contact="Datenschutz: datenschutz@n3tzwerk.example",
        )

    def setUp(self):
        self.user = self.login()

    def test_tree_rules(self):
        for model in (ImpressumPage, PrivacyPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanCreateAt(HomePage, model)

    def test_only_one_of_each_per_site(self):
        ImpressumPageFactory(parent=self.home)
        PrivacyPageFactory(parent=self.home)
        assert not ImpressumPage.can_create_at(self.home)
        assert not PrivacyPage.can_create_at(self.home)

    def test_editors_create_them_in_the_admin(self):
        self.assertCanCreate(
            self.home,
            ImpressumPage,
            nested_form_data({"title": "Impressum", "slug": "impressum", "intro": rich_text("<p>Hallo</p>")}),
        )
        self.assertCanCreate(
            self.home,
            PrivacyPage,
            nested_form_data(
                {
                    "title": "Datenschutzerklärung",
                    "slug": "datenschutz",
                    "intro": rich_text("<p>Einleitung</p>"),
                    "server_logs": rich_text("<p>Protokolle</p>"),
                    "email_delivery": rich_text("<p>E-Mail</p>"),
                    "cookies": rich_text("<p>Keine</p>"),
                    "rights": rich_text("<p>Rechte</p>"),
                    "authority": rich_text("<p>Behörde</p>"),
                }
            ),
        )

    def test_impressum_shows_the_organisation_settings(self):
        page = ImpressumPageFactory(parent=self.home)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page)
        html = self.client.get(page.url).content.decode()
        for fact in (
            "N3tzwerk Zukunft der Industrie e. V.",
            "Musterweg 1",
            "10117 Berlin",
            "<li>Erika Mustermann (Vorsitzende)</li>",
            "Amtsgericht Charlottenburg, Registernummer VR 12345 B",
            "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
            'href="mailto:kontakt@n3tzwerk.example"',
            "Telefon 030 516 95 6860",
        ):
            assert fact in html, fact

    def test_privacy_page_has_the_sections_the_law_asks_for_with_the_configured_periods(self):
        page = PrivacyPageFactory(parent=self.home)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page)
        retention = RetentionSettings.load()
        retention.orders_days = 99
        retention.save()
        html = self.client.get(page.url).content.decode()
        for heading in (
            "Verantwortlicher",
            "Kontakt für den Datenschutz",
            "Meldungen von Veranstaltungen",
            "Bestellungen",
            "Rückmeldungen zur Barrierefreiheit",
            "Suchbegriffe",
            "Server-Protokolle",
            "E-Mail-Versand",
            "Ihre Rechte",
            "Beschwerde bei einer Aufsichtsbehörde",
        ):
            assert f">{heading}</h" in html, heading
        assert "99 Tage ab Eingang" in html
        assert f"{retention.event_submissions_days} Tage ab Eingang" in html
        assert "Art. 6 Abs. 1 lit. b DSGVO" in html and "Art. 15 DSGVO" in html and "Art. 77 DSGVO" in html
        assert "datenschutz@n3tzwerk.example" in html

    def test_the_settings_are_in_the_admin_settings_menu(self):
        for name in ("organisationsettings", "retentionsettings"):
            response = self.client.get(reverse("wagtailsettings:edit", args=["legal", name]), follow=True)
            assert response.status_code == 200
