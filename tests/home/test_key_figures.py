"""The home page's key figures: the current Woche der Industrie in figures, counted from its published
events, so that they follow a new week by themselves (Issue 19); the 2016 figures the editors kept by
hand go to the archive figures of their week (home migration 0004)."""

import datetime
from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as global_apps
from wagtail.test.utils import WagtailPageTestCase

from events import weeks
from home.models import FocusArea
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import make_site_root
from tests.support.queries import query_count

BERLIN = datetime.timezone(datetime.timedelta(hours=2))


def figures(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    section = soup.select_one("section.key-figures")
    if section is None:
        return None, {}
    pairs = {div.dt.get_text(strip=True): div.dd.get_text(strip=True) for div in section.select("dl > div")}
    return section.select_one("h2").get_text(strip=True), pairs


class KeyFiguresFollowTheCurrentWeekTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.week = EventIndexPageFactory(parent=cls.home, show_in_menus=True)
        EventPageFactory(parent=cls.week, city="Köln", federal_state="NW")
        EventPageFactory(parent=cls.week, city="Bonn", federal_state="NW")
        EventPageFactory(parent=cls.week, city="München", federal_state="BY")
        EventPageFactory(parent=cls.week, city="München", federal_state="BY", live=False)  # a draft

    def test_figures_are_counted_from_the_published_events_of_the_current_week(self):
        self.assertPageIsRenderable(self.home)
        heading, pairs = figures(self.client)
        self.assertEqual(heading, "Die Woche der Industrie 2017 in Zahlen")
        self.assertEqual(pairs, {"Veranstaltungen": "3", "Bundesländer": "2", "Orte": "3"})
        # One box: the former sentence of the totals is not repeated beside the figures.
        self.assertNotContains(self.client.get("/"), "event-totals")

    def test_figures_follow_a_new_week_created_and_published_with_the_yearly_action(self):
        new = weeks.create_next_week(
            self.week, year=2018, week_start=datetime.date(2018, 9, 15), week_end=datetime.date(2018, 9, 23)
        )
        self.assertEqual(figures(self.client)[0], "Die Woche der Industrie 2017 in Zahlen")  # a draft
        for page in [new, *new.get_descendants()]:
            page.specific.get_latest_revision().publish()
        heading, pairs = figures(self.client)
        self.assertEqual(heading, "Die Woche der Industrie 2018")  # no events yet: no figures of 2017
        self.assertEqual(pairs, {})
        for city in ("Kiel", "Lübeck"):
            EventPageFactory(
                parent=new,
                city=city,
                federal_state="SH",
                start=datetime.datetime(2018, 9, 17, 10, tzinfo=BERLIN),
            )
        heading, pairs = figures(self.client)
        self.assertEqual(heading, "Die Woche der Industrie 2018 in Zahlen")
        self.assertEqual(pairs, {"Veranstaltungen": "2", "Bundesland": "1", "Orte": "2"})

    def test_a_focus_area_linking_to_last_years_week_links_to_the_current_week(self):
        FocusArea.objects.create(
            page=self.home, title="Woche der Industrie", text="Termine.", link_page=self.week
        )
        new = weeks.create_next_week(
            self.week, year=2018, week_start=datetime.date(2018, 9, 15), week_end=datetime.date(2018, 9, 23)
        )
        new.get_latest_revision().publish()
        new.refresh_from_db()
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        card = soup.find("a", string="Woche der Industrie")
        self.assertEqual(card["href"], new.url)
        self.assertNotEqual(new.url, self.week.url)

    def test_no_current_week_no_section(self):
        self.week.unpublish()
        self.assertEqual(figures(self.client), (None, {}))
        self.assertEqual(self.client.get("/").status_code, 200)


@pytest.mark.django_db
def test_home_page_query_count_does_not_grow_with_the_events_of_the_week(client, home_page):
    week = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=week)
    small = query_count(client, "/")
    for n in range(30):
        EventPageFactory(parent=week, city=f"Ort {n}")
    assert query_count(client, "/") == small
    assert figures(client)[1]["Veranstaltungen"] == "31"


@pytest.mark.django_db
def test_migration_moves_the_2016_figures_to_the_archive_figures_of_their_week(home_page):
    """The hand-kept figures under "Die Woche der Industrie 2016 in Zahlen" become the archive figures
    of the 2016 week (page and revisions); a week with its own archive figures keeps them."""
    migration = import_module("home.migrations.0004_key_figures_to_their_week")

    class FakeHome:
        pk, path, depth = home_page.pk, home_page.path, home_page.depth
        key_figures_heading = "Die Woche der Industrie 2016 in Zahlen"

    class Figure:
        def __init__(self, qualifier, value, label):
            self.qualifier, self.value, self.label = qualifier, value, label

    class Rows(list):
        def filter(self, **kwargs):
            return self

        def order_by(self, *fields):
            return self

        def all(self):
            return self

    rows = Rows(
        [Figure("mehr als", "370", "Veranstaltungen"), Figure("mehr als", "120.000", "Interessierte")]
    )

    class FakeApps:
        def get_model(self, app_label, name):
            if (app_label, name) == ("home", "HomePage"):
                return type("M", (), {"objects": Rows([FakeHome()])})
            if (app_label, name) == ("home", "KeyFigure"):
                return type("M", (), {"objects": rows})
            return global_apps.get_model(app_label, name)

    week_2016 = EventIndexPageFactory(parent=home_page, year=2016, week_start=None, week_end=None)
    week_2016.save_revision().publish()
    kept = EventIndexPageFactory(parent=home_page, year=2017, archive_figures="eigene Zahlen")
    migration.figures_to_weeks(FakeApps(), None)

    week_2016.refresh_from_db()
    text = "mehr als 370 Veranstaltungen, mehr als 120.000 Interessierte"
    assert week_2016.archive_figures == text
    assert week_2016.get_latest_revision_as_object().archive_figures == text
    kept.refresh_from_db()
    assert kept.archive_figures == "eigene Zahlen"
