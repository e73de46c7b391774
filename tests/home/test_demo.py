"""The home demo: the home page as the site's root, its focus areas and the sections below it."""

from io import StringIO

import pytest
from wagtail.models import Page, Site

from cms.core.demo import load_all
from cms.core.models import Contact
from home.demo import ensure_partners, get_home_page


@pytest.fixture
def demo(db):
    return load_all()


def test_home_page_replaces_the_welcome_page_as_site_root(demo):
    home = get_home_page()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr]
    assert home.live and home.live_revision_id is not None
    assert [area.title for area in home.focus_areas.all()] == [
        "Regionaler Dialog",
        "Woche der Industrie",
        "Forum Industriepolitik",
    ]
    assert not hasattr(home, "key_figures")  # counted from the current week (tests/home/test_key_figures.py)
    links = {area.title: area.link_page for area in home.focus_areas.all()}
    assert links["Regionaler Dialog"].slug == "regionen"
    assert links["Forum Industriepolitik"].slug == "forum-industriepolitik"


def test_sections_are_published_menu_pages_with_their_own_contacts(demo):
    home = get_home_page()
    sections = {page.slug: page.specific for page in home.get_children()}
    for slug in ("regionen", "initiativen", "treffen", "forum-industriepolitik"):
        assert sections[slug].live and sections[slug].show_in_menus, slug
    assert sections["regionen"].contact.phone == "030 516 95 6860"
    assert Contact.objects.get(label="Woche der Industrie").phone == "030 516 95 6864"
    assert set(Contact.objects.values_list("email", flat=True)) == {"info@n3tzwerk.org"}


def test_demo_chooses_the_partner_strip_once(demo):
    """Issue 18: the demo's home page lists chosen partners (not the association itself); loading
    again changes nothing, and a home page from before the choice gets the strip."""
    from cms.core.demo.utils import DemoLog
    from home import demo as home_demo

    home = get_home_page()
    names = [organisation.name for organisation in home.partners()]
    assert names[:2] == [
        "Deutscher Industrie- und Handelskammertag",
        "Deutscher Gewerkschaftsbund Baden-Württemberg",
    ]
    assert len(names) == len(home_demo.PARTNERS)
    assert "N3tzwerk Zukunft der Industrie e.V." not in names and "Prognos AG" not in names
    revisions = home.revisions.count()
    load_all()
    home = get_home_page()
    assert home.partner_organisations.count() == len(home_demo.PARTNERS)
    assert home.revisions.count() == revisions

    home.partner_organisations.all().delete()
    home_demo.load(DemoLog())
    assert [organisation.name for organisation in get_home_page().partners()] == names


def test_partners_are_not_added_over_an_editors_unpublished_draft(home_page):
    draft = home_page.get_latest_revision_as_object()
    draft.title = "Entwurf der Redaktion"
    draft.save_revision()
    home_page.refresh_from_db()
    ensure_partners(StringIO(), home_page)
    home_page.refresh_from_db()
    assert home_page.title != "Entwurf der Redaktion"  # the draft did not go live
    assert home_page.has_unpublished_changes
    assert not home_page.partner_organisations.exists()
