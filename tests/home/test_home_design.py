"""The home page as a showcase: hero picture, news as cards, the partner strip."""

from bs4 import BeautifulSoup

from tests.factories.core import OrganisationFactory
from tests.support.queries import query_count


def soup_of(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def choose_partners(home_page, organisations):
    from home.models import HomePartner

    home_page.partner_organisations = [
        HomePartner(organisation=organisation, sort_order=n) for n, organisation in enumerate(organisations)
    ]
    home_page.save_revision().publish()


def test_partner_strip_shows_the_editors_choice_in_their_order(client, home_page):
    """Issue 18: the strip lists the organisations the editors chose, in their order, not the first
    by name; organisations not chosen are left out."""
    ihk = OrganisationFactory(
        name="Industrie- und Handelskammer zu Köln", short_name="IHK Köln", website="https://ihk.example"
    )
    prognos = OrganisationFactory(name="Prognos AG")
    OrganisationFactory(name="Aaa Nicht gewählt GmbH")
    choose_partners(home_page, [prognos, ihk, prognos])  # chosen twice: shown once
    strip = soup_of(client).select_one(".partner-strip")
    names = [li.select_one(".partner-strip__name").get_text() for li in strip.select("li")]
    assert names == ["Prognos AG", "Industrie- und Handelskammer zu Köln"]
    assert strip.select_one("a")["href"] == "https://ihk.example"
    assert [mark.get_text() for mark in strip.select(".partner-strip__mark")] == ["P", "I"]
    assert all(mark["aria-hidden"] == "true" for mark in strip.select(".partner-strip__mark"))


def test_no_partner_strip_without_chosen_partners(client, home_page):
    OrganisationFactory(name="Prognos AG")
    assert soup_of(client).select_one(".partner-strip") is None


def test_partner_logos_in_bounded_queries(client, home_page):
    """The logos and their renditions are fetched for all partners at once, not one query per logo."""
    from cms.core.demo.utils import DemoLog, ensure_image

    logos = [ensure_image(DemoLog(), name, name) for name in ("netzwerk", "zahnraeder", "industrie")]
    organisations = [
        OrganisationFactory(name=f"Partner {n}", logo=logo) for n, logo in enumerate(logos, start=1)
    ]
    choose_partners(home_page, organisations[:1])
    client.get("/")  # renditions made once
    with_one = query_count(client, "/")
    choose_partners(home_page, organisations)
    client.get("/")
    strip = soup_of(client).select_one(".partner-strip")
    assert [img["alt"] for img in strip.select("img")] == ["Partner 1", "Partner 2", "Partner 3"]
    assert query_count(client, "/") == with_one


def test_hero_image_with_responsive_renditions(client, home_page):
    from cms.core.demo.utils import DemoLog, ensure_image

    image = ensure_image(DemoLog(), "netzwerk", "Netz")
    assert image.alt_text and image.width == 1600
    home_page.hero_image = image
    home_page.save_revision().publish()
    hero = soup_of(client).select_one(".hero--with-image")
    img = hero.select_one(".hero__image img")
    assert img["alt"] == image.alt_text
    assert img["fetchpriority"] == "high"
    sources = hero.select("source")
    assert {source["type"] for source in sources} == {"image/avif", "image/webp"}
    assert all(len(source["srcset"].split(",")) == 3 for source in sources)


def test_focus_area_cards_show_their_picture_in_bounded_queries(client, home_page):
    """Issue 18: the teaser cards of the focus areas carry a picture (decorative: the title says it)."""
    from cms.core.demo.utils import DemoLog, ensure_image
    from home.models import FocusArea

    images = [ensure_image(DemoLog(), "netzwerk", "Netz"), ensure_image(DemoLog(), "zahnraeder", "Räder")]
    home_page.focus_areas = [FocusArea(title="Eins", text="a", image=images[0])]
    home_page.save_revision().publish()
    client.get("/")  # renditions made once
    with_one = query_count(client, "/")
    home_page.focus_areas = [
        FocusArea(title="Eins", text="a", image=images[0]),
        FocusArea(title="Zwei", text="b", image=images[1]),
        FocusArea(title="Drei", text="c"),
    ]
    home_page.save_revision().publish()
    client.get("/")
    cards = soup_of(client).select("#focus-heading + .cards > .card")
    assert [bool(card.select_one(".card__image img")) for card in cards] == [True, True, False]
    img = cards[0].select_one(".card__image img")
    assert img["alt"] == "" and img["loading"] == "lazy"
    assert {source["type"] for source in cards[0].select("source")} == {"image/avif", "image/webp"}
    assert query_count(client, "/") == with_one
