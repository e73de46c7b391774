"""MaterialsPage and OrderPage: tree rules, admin create/edit/preview, rendering and context."""

from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from materials.models import MaterialDownload, MaterialsPage, OrderPage
from tests.factories.core import MINIMAL_PDF, ContactFactory, DocumentFactory
from tests.factories.events import EventIndexPageFactory
from tests.factories.home import StandardPageFactory, make_site_root
from tests.factories.materials import (
    MaterialDownloadFactory,
    MaterialsPageFactory,
    OrderCatalogueItemFactory,
    OrderPageFactory,
)
from tests.support.pages import assert_edit_publishes, edit_form_data


class MaterialsPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.materials = MaterialsPageFactory(parent=cls.index, contact=ContactFactory(label="Woche"))
        cls.type_motif = MaterialDownloadFactory(
            page=cls.materials, category="type", document=DocumentFactory(title="Typomotiv Zukunft")
        )
        cls.signet = MaterialDownloadFactory(
            page=cls.materials,
            category="signet",
            document=DocumentFactory(title="Signet"),
            title="Signet Woche der Industrie",
            description="Für helle Hintergründe",
        )
        cls.order_page = OrderPageFactory(parent=cls.materials, contact=ContactFactory(label="Bestellung"))
        OrderCatalogueItemFactory(name="Plakat A1")

    def setUp(self):
        self.user = self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(MaterialsPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(MaterialsPage, {OrderPage})
        self.assertAllowedParentPageTypes(OrderPage, {EventIndexPage, MaterialsPage})
        self.assertAllowedSubpageTypes(OrderPage, set())
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage, MaterialsPage, OrderPage})
        self.assertCanCreateAt(EventIndexPage, MaterialsPage)
        self.assertCanNotCreateAt(HomePage, MaterialsPage)  # a week's, not the home page's (Issue 20)
        self.assertCanCreateAt(MaterialsPage, OrderPage)
        self.assertCanCreateAt(EventIndexPage, OrderPage)
        self.assertCanNotCreateAt(HomePage, OrderPage)
        self.assertCanNotCreateAt(StandardPage, MaterialsPage)
        self.assertCanNotCreateAt(StandardPage, OrderPage)
        self.assertCanNotCreateAt(OrderPage, MaterialsPage)
        self.assertCanNotCreateAt(MaterialsPage, EventPage)

    def test_can_create_materials_page_with_downloads(self):
        logo = DocumentFactory(title="Logo")
        motif = DocumentFactory(title="Motiv Halle")
        data = nested_form_data(
            {
                "title": "Weitere Materialien",
                "intro": rich_text("<p>Zum Herunterladen.</p>"),
                "downloads": inline_formset(
                    [
                        {"category": "image", "document": motif.pk, "title": "", "description": "Quer"},
                        {"category": "signet", "document": logo.pk, "title": "Signet", "description": ""},
                    ]
                ),
                "usage_terms": rich_text("<p>Kostenlos.</p>"),
                "contact": "",
            }
        )
        self.assertCanCreate(self.index, MaterialsPage, data)  # under a week, not the home page
        page = MaterialsPage.objects.get(slug="weitere-materialien", depth=self.index.depth + 1)
        self.assertEqual([d.display_title for d in page.downloads.all()], ["Motiv Halle", "Signet"])

    def test_download_without_document_is_refused(self):
        from django.urls import reverse

        url = reverse("wagtailadmin_pages:add", args=["materials", "materialspage", self.index.pk])
        data = nested_form_data(
            {
                "title": "Ohne Datei",
                "slug": "ohne-datei",
                "intro": rich_text(""),
                "downloads": inline_formset([{"category": "signet", "document": "", "title": "x"}]),
                "usage_terms": rich_text(""),
                "contact": "",
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(MaterialsPage.objects.filter(slug="ohne-datei").exists())

    def test_can_create_order_page(self):
        data = nested_form_data(
            {
                "title": "Bestellen",
                "intro": rich_text("<p>Kostenlos bestellen.</p>"),
                "privacy_note": "Nur für den Versand.",
                "thank_you_text": rich_text("<p>Danke!</p>"),
                "confirmation_subject": "Ihre Bestellung",
                "contact": "",
            }
        )
        self.assertCanCreate(self.index, OrderPage, data)
        page = OrderPage.objects.get(slug="bestellen", depth=self.index.depth + 1)
        self.assertEqual(page.confirmation_subject, "Ihre Bestellung")

    def test_pages_render(self):
        for page in (self.materials, self.order_page):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(self.order_page, route_path="/danke/")

    def test_pages_are_editable_and_previewable(self):
        for page in (self.materials, self.order_page):
            with self.subTest(page=page):
                data = edit_form_data(self.client, page)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)
                assert_edit_publishes(self, page, data, self.user)
        self.assertEqual(self.materials.downloads.count(), 2)

    def test_downloads_are_grouped_with_file_type_and_size(self):
        groups = self.materials.download_groups()
        self.assertEqual(
            [(heading, [d.display_title for d in items]) for heading, _category, items in groups],
            [
                ("Signet „Woche der Industrie“", ["Signet Woche der Industrie"]),
                ("Typomotive", ["Typomotiv Zukunft"]),
            ],
        )
        response = self.client.get(self.materials.url)
        html = response.content.decode()
        soup = BeautifulSoup(html, "html.parser")
        infos = [info.get_text() for info in soup.select(".document-list__info")]
        self.assertEqual(infos, [f"(PDF, {len(MINIMAL_PDF)} Byte)"] * 2)
        self.assertLess(html.index("Signet Woche der Industrie"), html.index("Typomotiv Zukunft"))
        self.assertContains(response, "Für helle Hintergründe")
        self.assertContains(response, "Nutzungsbedingungen")
        self.assertContains(response, "Bildmotive", count=0)  # no empty group
        self.assertEqual(response.context["order_page"], self.order_page)
        self.assertContains(response, f'href="{self.order_page.url}"')

    def test_order_page_link_only_when_live(self):
        self.order_page.unpublish()
        response = self.client.get(self.materials.url)
        self.assertIsNone(response.context["order_page"])
        self.assertNotContains(response, "Zum Bestellformular")

    def test_sibling_order_page_is_linked(self):
        page = MaterialsPageFactory(parent=self.home, slug="material")
        sibling = OrderPageFactory(parent=self.home, slug="bestellung")
        StandardPageFactory(parent=self.home, slug="andere")
        self.assertEqual(page.order_page(), sibling)

    def test_empty_materials_page(self):
        page = MaterialsPageFactory(parent=self.home, slug="leer")
        response = self.client.get(page.url)
        self.assertContains(response, "Die Materialien werden gerade vorbereitet.")
        self.assertEqual(MaterialDownload.objects.filter(page=page).count(), 0)
