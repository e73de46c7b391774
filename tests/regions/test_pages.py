"""Region and initiative page types: tree rules, admin create/edit/preview, validation."""

import datetime

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from meetings.models import MeetingIndexPage
from regions.models import (
    InitiativeIndexPage,
    InitiativePage,
    RegionIndexPage,
    RegionPage,
)
from tests.factories.core import ContactFactory, GoodPracticeCriterionFactory, OrganisationFactory
from tests.factories.home import make_site_root
from tests.factories.regions import (
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    RegionIndexPageFactory,
    RegionPageFactory,
    RegionPartnerFactory,
)
from tests.support.pages import assert_edit_publishes, edit_form_data


def region_form_data(**overrides):
    data = {
        "title": "Region Stuttgart",
        "federal_state": "BW",
        "summary": "Industriedialog in der Region Stuttgart.",
        "initiative": "",
        "body": streamfield([("paragraph", rich_text("<p>Bericht</p>"))]),
        "partners": inline_formset([]),
        "contact": "",
        "latitude": "48.77845",
        "longitude": "9.18001",
    }
    data.update(overrides)
    return nested_form_data(data)


def initiative_form_data(**overrides):
    data = {
        "title": "Bündnis für Industrie Ruhr",
        "kind": "alliance",
        "founded_year": "2015",
        "federal_state": "NW",
        "city": "Dortmund",
        "summary": "Ein Bündnis von Unternehmen, Kammern und Gewerkschaften.",
        "body": streamfield([]),
        "website": "https://example.org/",
        "partners": inline_formset([]),
        "contact": "",
    }
    data.update(overrides)
    return nested_form_data(data)


class RegionPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.region_index = RegionIndexPageFactory(parent=cls.home, intro="<p>Der regionale Dialog.</p>")
        cls.initiative_index = InitiativeIndexPageFactory(parent=cls.home)
        cls.initiative = InitiativePageFactory(parent=cls.initiative_index, title="Zukunft Stuttgart")
        cls.region = RegionPageFactory(parent=cls.region_index, title="Stuttgart", initiative=cls.initiative)
        RegionPartnerFactory(page=cls.region, organisation=OrganisationFactory(name="IHK Stuttgart"))

    def setUp(self):
        self.user = self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(RegionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(RegionIndexPage, {RegionPage})
        self.assertAllowedParentPageTypes(RegionPage, {RegionIndexPage})
        self.assertAllowedSubpageTypes(RegionPage, set())
        self.assertAllowedParentPageTypes(InitiativeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(InitiativeIndexPage, {InitiativePage})
        self.assertAllowedParentPageTypes(InitiativePage, {InitiativeIndexPage})
        self.assertAllowedSubpageTypes(InitiativePage, set())
        self.assertCanCreateAt(RegionIndexPage, RegionPage)
        self.assertCanNotCreateAt(HomePage, RegionPage)
        self.assertCanNotCreateAt(InitiativeIndexPage, RegionPage)
        self.assertCanNotCreateAt(StandardPage, RegionIndexPage)
        self.assertCanCreateAt(InitiativeIndexPage, InitiativePage)
        self.assertCanNotCreateAt(RegionIndexPage, InitiativePage)
        self.assertCanNotCreateAt(MeetingIndexPage, InitiativePage)

    def test_index_pages_are_singletons(self):
        self.assertFalse(RegionIndexPage.can_create_at(self.home))
        self.assertFalse(InitiativeIndexPage.can_create_at(self.home))

    def test_can_create_region_index_when_none_exists(self):
        self.region_index.delete()
        self.assertCanCreate(
            self.home,
            RegionIndexPage,
            nested_form_data(
                {
                    "title": "Modellregionen",
                    "intro": rich_text("<p>Einleitung</p>", features=["bold", "italic", "link"]),
                    "body": streamfield([("heading", {"text": "Ablauf", "level": "h2"})]),
                    "contact": ContactFactory().pk,
                }
            ),
        )

    def test_can_create_initiative_index_when_none_exists(self):
        self.initiative_index.delete()
        self.assertCanCreate(
            self.home,
            InitiativeIndexPage,
            nested_form_data({"title": "Initiativen", "intro": rich_text("<p>Alle</p>"), "per_page": "10"}),
        )

    def test_can_create_region_with_partners(self):
        chamber = OrganisationFactory(name="Handwerkskammer Region Stuttgart")
        union = OrganisationFactory(name="IG Metall Stuttgart")
        self.assertCanCreate(
            self.region_index,
            RegionPage,
            region_form_data(
                title="Region Neckar-Alb",
                initiative=self.initiative.pk,
                partners=inline_formset(
                    [
                        {"organisation": chamber.pk, "role": "Projektpartner"},
                        {"organisation": union.pk, "role": ""},
                    ]
                ),
            ),
        )
        region = RegionPage.objects.get(slug="region-neckar-alb")
        self.assertEqual(region.initiative.specific, self.initiative)
        self.assertEqual(
            [(p.organisation.name, p.role) for p in region.partners.all()],
            [("Handwerkskammer Region Stuttgart", "Projektpartner"), ("IG Metall Stuttgart", "")],
        )

    def test_can_create_initiative_with_partners_and_criteria(self):
        criterion = GoodPracticeCriterionFactory(name="Breite Beteiligung")
        partner = OrganisationFactory(name="IHK Dortmund")
        data = initiative_form_data(
            partners=inline_formset([{"organisation": partner.pk, "role": "Gründungsmitglied"}]),
            is_good_practice="on",
        )
        data["good_practice_criteria"] = [criterion.pk]
        self.assertCanCreate(self.initiative_index, InitiativePage, data)
        initiative = InitiativePage.objects.get(slug="bundnis-fur-industrie-ruhr")
        self.assertTrue(initiative.is_good_practice)
        self.assertEqual(list(initiative.good_practice_criteria.all()), [criterion])
        self.assertEqual(initiative.partners.get().organisation, partner)

    def _create_errors(self, parent, model, data):
        url = reverse(
            "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
        )
        data["slug"] = "x"
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200, "the invalid page must not be saved")
        return response.context["form"].errors

    def test_region_with_only_latitude_is_refused_in_german(self):
        errors = self._create_errors(self.region_index, RegionPage, region_form_data(longitude=""))
        self.assertIn("Bitte Breiten- und Längengrad gemeinsam angeben", str(errors))
        self.assertFalse(RegionPage.objects.filter(slug="x").exists())

    def test_region_coordinates_outside_germany_are_refused(self):
        errors = self._create_errors(self.region_index, RegionPage, region_form_data(latitude="60"))
        self.assertIn("latitude", errors)

    def test_initiative_founded_in_the_future_is_refused(self):
        next_year = datetime.date.today().year + 1
        errors = self._create_errors(
            self.initiative_index, InitiativePage, initiative_form_data(founded_year=str(next_year))
        )
        self.assertEqual(errors["founded_year"], ["Das Gründungsjahr darf nicht in der Zukunft liegen."])

    def test_initiative_founded_this_year_is_accepted(self):
        this_year = datetime.date.today().year
        self.assertCanCreate(
            self.initiative_index, InitiativePage, initiative_form_data(founded_year=str(this_year))
        )

    def test_pages_render(self):
        for page in (self.region_index, self.region, self.initiative_index, self.initiative):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)

    def test_pages_are_editable_and_previewable(self):
        body = streamfield([("quote", {"text": "Gemeinsam stark.", "attribution": "Eine Teilnehmerin"})])
        for page in (self.region_index, self.region, self.initiative_index, self.initiative):
            with self.subTest(page=page):
                data = edit_form_data(self.client, page, body=body)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)
                assert_edit_publishes(self, page, data, self.user)
        self.region.refresh_from_db()
        self.assertEqual(self.region.body[0].value["text"], "Gemeinsam stark.")
        self.assertEqual(self.region.partners.get().organisation.name, "IHK Stuttgart")
