"""The yearly cycle (events/weeks.py, events/admin_views.py): the next week copied from the current
one, menu and home page following the current week, the archive with its own figures, the page tree
of a week without its events."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import PageViewRestriction

from events import weeks
from events.models import EventIndexPage, EventPage
from materials.models import MaterialsPage, OrderPage
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.materials import MaterialDownloadFactory, MaterialsPageFactory, OrderPageFactory
from tests.support.queries import query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def week(home_page):
    """The 2017 week with its materials (one download), order form and three events in two states."""
    week = EventIndexPageFactory(
        parent=home_page,
        slug="woche-der-industrie",
        show_in_menus=True,
        intro="<p>Die Woche der Industrie 2017 zeigt Industrie vor Ort.</p>",
    )
    materials = MaterialsPageFactory(parent=week)
    MaterialDownloadFactory(page=materials, description="Signet")
    OrderPageFactory(parent=materials)
    EventPageFactory(parent=week, federal_state="NW")
    EventPageFactory(parent=week, federal_state="NW", city="Bonn")
    EventPageFactory(parent=week, federal_state="BY", city="München")
    return week


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "geheim")


def menu(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    return [link.text.strip() for link in soup.select("header nav a, nav a")]


def publish_tree(page):
    for each in [page, *page.get_descendants()]:
        each.specific.get_latest_revision().publish()


def test_next_week_copies_texts_dates_and_partner_pages_without_events(week):
    new = weeks.create_next_week(
        week, year=2018, week_start=datetime.date(2018, 9, 15), week_end=datetime.date(2018, 9, 23)
    )
    assert isinstance(new, EventIndexPage)
    assert (new.year, new.slug, new.title) == (2018, "woche-der-industrie-2018", "Woche der Industrie 2018")
    assert new.intro == "<p>Die Woche der Industrie 2018 zeigt Industrie vor Ort.</p>"
    assert (new.week_start, new.week_end) == (datetime.date(2018, 9, 15), datetime.date(2018, 9, 23))
    assert new.get_parent().pk == week.get_parent().pk
    assert not new.live  # a draft: the editors publish it through the review
    assert not EventPage.objects.child_of(new).exists()
    materials = MaterialsPage.objects.child_of(new).get()
    assert not materials.live and [d.description for d in materials.downloads.all()] == ["Signet"]
    assert OrderPage.objects.child_of(materials).get().title == "Werbemittel bestellen"
    assert EventPage.objects.child_of(week).count() == 3  # the old week keeps its events


def test_proposed_dates_are_one_year_later_on_the_same_weekday(week):
    proposal = weeks.next_week_defaults(week)
    assert proposal["year"] == 2018
    assert proposal["week_start"] == datetime.date(2018, 9, 15)
    assert proposal["week_start"].weekday() == week.week_start.weekday()


def test_a_year_cannot_be_created_twice(week):
    weeks.create_next_week(week, year=2018, week_start=None, week_end=None)
    with pytest.raises(weeks.WeekExists):
        weeks.create_next_week(week, year=2018, week_start=None, week_end=None)


def test_menu_and_home_follow_the_published_new_week(client, week):
    assert "Woche der Industrie 2017" in menu(client)
    new = weeks.create_next_week(
        week, year=2018, week_start=datetime.date(2018, 9, 15), week_end=datetime.date(2018, 9, 23)
    )
    assert weeks.current_week().pk == week.pk  # a draft changes nothing yet
    assert "Woche der Industrie 2018" not in menu(client)

    publish_tree(new)

    assert weeks.current_week().pk == new.pk
    items = menu(client)
    assert "Woche der Industrie 2018" in items and "Woche der Industrie 2017" not in items
    home = BeautifulSoup(client.get("/").content, "html.parser")
    teaser = home.select_one("#event-week-heading")
    assert teaser.text.strip() == "Die Woche der Industrie 2018"  # no events yet: no figures


def test_a_private_newest_week_leaves_the_menu_with_the_last_public_week(client, week):
    new = weeks.create_next_week(
        week, year=2018, week_start=datetime.date(2018, 9, 15), week_end=datetime.date(2018, 9, 23)
    )
    publish_tree(new)
    PageViewRestriction.objects.create(page=new, restriction_type="password", password="geheim")
    # The menu, the home page and /woche/ follow the same week: the newest public one.
    assert weeks.current_week().pk == week.pk
    assert list(EventIndexPage.objects.filter(pk__in=weeks.current_week_subquery())) == [
        week.page_ptr.specific
    ]
    items = menu(client)
    assert "Woche der Industrie 2017" in items and "Woche der Industrie 2018" not in items


def test_archive_shows_each_week_with_its_own_figures(client, week, home_page):
    EventIndexPageFactory(
        parent=home_page,
        year=2016,
        week_start=None,
        week_end=None,
        archive_figures="mehr als 370 Veranstaltungen",
    )
    new = weeks.create_next_week(week, year=2018, week_start=None, week_end=None, live=True)
    EventPageFactory(parent=new)

    current = BeautifulSoup(client.get(new.url).content, "html.parser")
    archive = [item.text.strip() for item in current.select(".week-archive li")]
    assert archive == ["2017: 3 Veranstaltungen in 2 Ländern", "2016: mehr als 370 Veranstaltungen"]
    assert current.select_one(".notice") is None or "vorbei" not in current.select_one(".notice").text

    old = BeautifulSoup(client.get(week.url).content, "html.parser")
    assert "ist vorbei und steht hier als Archiv" in old.text
    assert old.find("a", string="Woche der Industrie 2018")["href"] == new.url
    assert {t for t, _ in weeks.archive(exclude=new)} == set(EventIndexPage.objects.exclude(pk=new.pk))


def test_week_without_dates_lists_the_days_of_its_events(client, home_page):
    """Regression: the day filter of a week without dates called QuerySet.dates(tzinfo=…), a TypeError."""
    undated = EventIndexPageFactory(parent=home_page, year=2018, week_start=None, week_end=None)
    EventPageFactory(parent=undated)
    response = client.get(undated.url)
    assert response.status_code == 200
    assert 'value="2017-09-18"' in response.content.decode()


def test_week_page_queries_do_not_grow_with_the_archive(client, week, home_page):
    before = query_count(client, week.url)
    for number in range(4):
        archived = EventIndexPageFactory(parent=home_page, year=2016, slug=f"archiv-{number}")
        EventPageFactory(parent=archived)
    assert query_count(client, week.url) == before


def test_admin_action_creates_the_week_and_opens_it(client, week, editor):
    client.force_login(editor)
    url = reverse("events_new_week")
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="2018"' in html and 'value="2018-09-15"' in html
    assert "Signet und Motive" in html

    response = client.post(url, {"year": "2018", "week_start": "2018-09-15", "week_end": "2018-09-23"})
    new = EventIndexPage.objects.get(year=2018)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=[new.pk])

    again = client.post(url, {"year": "2018", "week_start": "2018-09-15", "week_end": "2018-09-23"})
    assert again.status_code == 200 and "gibt es schon" in again.content.decode()
    menu_html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("events_new_week") in menu_html  # the menu item "Neue Woche"


def test_admin_action_needs_the_right_to_add_pages(client, week, django_user_model):
    user = django_user_model.objects.create_user("gast", "gast@example.org", "geheim")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message.
    for response in (
        client.get(reverse("events_new_week")),
        client.post(reverse("events_new_week"), {"year": "2018", "week_start": "2018-09-15"}),
    ):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert reverse("events_new_week") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not EventIndexPage.objects.filter(year=2018).exists()


def test_page_tree_of_a_week_lists_its_partner_pages_not_its_events(client, week, editor):
    client.force_login(editor)
    explorer = client.get(reverse("wagtailadmin_explore", args=[week.pk]))
    soup = BeautifulSoup(explorer.content, "html.parser")
    titles = [link.text.strip() for link in soup.select("td.title a, .title-wrapper a")]
    assert "Signet und Motive" in " ".join(titles)
    assert "Werksführung" not in explorer.content.decode()
    assert "Veranstaltungen dieser Woche (3)" in explorer.content.decode()

    listing = client.get(reverse("veranstaltungen:index") + f"?week={week.pk}")
    assert listing.status_code == 200
    assert listing.content.decode().count("Werksführung") >= 3
    searched = client.get(reverse("wagtailadmin_explore", args=[week.pk]) + "?q=Werksführung")
    assert "Werksführung" in searched.content.decode()
