"""Event page types: tree rules, admin create/edit/preview, validation, rendering."""

import datetime

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from tests.factories.core import ContactFactory, OrganisationFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import make_site_root
from tests.support.pages import assert_edit_publishes, edit_form_data


def event_form_data(**overrides):
    data = {
        "title": "Tag der offenen Tür im Stahlwerk",
        "start": "2017-09-18 10:00",
        "end": "2017-09-18 16:00",
        "kind": "open_day",
        "audience": "everyone",
        "organiser": "",
        "organiser_name": "Stahlwerk Andernach",
        "venue": "Werk Andernach",
        "street": "Koblenzer Straße 141",
        "postcode": "56626",
        "city": "Andernach",
        "federal_state": "RP",
        "latitude": "50.43930",
        "longitude": "7.40170",
        "description": "Führungen durch die Walzstraße.",
        "registration_info": "",
        "registration_url": "",
        "accessibility": "Stufenlos erreichbar.",
    }
    data.update(overrides)
    return nested_form_data(data)


class EventPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.index = EventIndexPageFactory(parent=cls.home, intro="<p>Alle Termine.</p>")
        cls.event = EventPageFactory(parent=cls.index, organiser=OrganisationFactory(name="IHK Köln"))

    def setUp(self):
        self.user = self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)

    def test_one_index_per_year_can_exist_side_by_side(self):
        self.assertCanCreate(
            self.home,
            EventIndexPage,
            nested_form_data(
                {
                    "title": "Woche der Industrie 2018",
                    "year": "2018",
                    "week_start": "2018-09-15",
                    "week_end": "2018-09-23",
                    "intro": rich_text("<p>2018</p>"),
                    "body": streamfield([]),
                    "contact": ContactFactory().pk,
                    "per_page": "25",
                }
            ),
        )

    def test_can_create_event(self):
        self.assertCanCreate(self.index, EventPage, event_form_data())
        event = EventPage.objects.get(slug="tag-der-offenen-tur-im-stahlwerk")
        self.assertEqual(event.city, "Andernach")
        self.assertEqual(event.date, datetime.date(2017, 9, 18))

    def _create_errors(self, data):
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", self.index.pk])
        data["slug"] = "x"
        data["action-publish"] = "action-publish"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200, "the invalid event must not be saved")
        self.assertFalse(EventPage.objects.filter(slug="x").exists())
        return response.context["form"].errors

    def test_end_before_start_is_refused_in_german(self):
        errors = self._create_errors(event_form_data(end="2017-09-18 09:00"))
        self.assertEqual(errors["end"], ["Das Ende darf nicht vor dem Beginn liegen."])

    def test_bad_postcode_is_refused(self):
        errors = self._create_errors(event_form_data(postcode="5066"))
        self.assertIn("fünfstellige Postleitzahl", str(errors["postcode"]))

    def test_half_coordinates_are_refused(self):
        errors = self._create_errors(event_form_data(latitude=""))
        self.assertIn("gemeinsam", str(errors["longitude"]))

    def test_week_end_before_start_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=["events", "eventindexpage", self.home.pk])
        data = nested_form_data(
            {
                "title": "Woche 2019",
                "slug": "woche-2019",
                "year": "2019",
                "week_start": "2019-09-20",
                "week_end": "2019-09-10",
                "intro": rich_text(""),
                "body": streamfield([]),
                "per_page": "25",
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("week_end", response.context["form"].errors)

    def test_pages_render(self):
        for page in (self.index, self.event):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(self.index, route_path="/karte/")

    def test_pages_are_editable_and_previewable(self):
        for page in (self.index, self.event):
            with self.subTest(page=page):
                data = edit_form_data(self.client, page)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)
                assert_edit_publishes(self, page, data, self.user)
