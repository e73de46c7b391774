"""Every page type in Chromium: axe (WCAG 2.2 A/AA) finds nothing, and the BITV basics hold.

For each page type: ``lang="de"``, the skip link comes first, one h1 and no skipped heading level,
every image has a text alternative, axe finds nothing at 1280, 768 and 375 px, no horizontal
scrolling at 320 px, no cookie for anonymous visitors on pages without a form, and with
``SCREENSHOTS=folder`` a PNG at 1280 and 375 px.
"""

import pytest

from tests.support import browser as support

pytestmark = pytest.mark.browser


def _first(model_path, suffix=""):
    def resolve():
        from django.utils.module_loading import import_string

        page = import_string(model_path).objects.live().order_by("path").first()
        assert page is not None, f"the demo content has no {model_path}"
        return page.url + suffix

    return resolve


def _fixed(path):
    return lambda: path


# name -> (path resolver, has a form that sets the CSRF cookie)
PAGE_TYPES = {
    "startseite": (_fixed("/"), False),
    "inhaltsseite": (_first("home.models.StandardPage"), False),
    "modellregionen": (_first("regions.models.RegionIndexPage"), False),
    "modellregion": (_first("regions.models.RegionPage"), False),
    "initiativen": (_first("regions.models.InitiativeIndexPage"), False),
    "initiative": (_first("regions.models.InitiativePage"), False),
    "treffen": (_first("meetings.models.MeetingIndexPage"), False),
    "treffen-bericht": (_first("meetings.models.MeetingPage"), False),
    "forum": (_first("meetings.models.ForumIndexPage"), False),
    "forum-thema": (_first("meetings.models.ForumTopicPage"), False),
    "veranstaltungen-liste": (_first("events.models.EventIndexPage"), False),
    "veranstaltungen-karte": (_first("events.models.EventIndexPage", "karte/"), False),
    "veranstaltung": (_first("events.models.EventPage"), False),
    "veranstaltung-anmelden": (_first("events.models.EventIndexPage", "anmelden/"), True),
    "materialien": (_first("materials.models.MaterialsPage"), False),
    "bestellformular": (_first("materials.models.OrderPage"), True),
    "aktuelles": (_first("news.models.NewsIndexPage"), False),
    "meldung": (_first("news.models.NewsPage"), False),
    "suche": (_fixed("/suche/?q=Industrie"), False),
    "barrierefreiheit": (_first("accessibility.models.AccessibilityStatementPage"), True),
    "leichte-sprache": (_first("accessibility.models.EasyLanguageIndexPage"), False),
    "leichte-sprache-seite": (_first("accessibility.models.EasyLanguagePage"), False),
    "impressum": (_first("legal.models.ImpressumPage"), False),
    "datenschutz": (_first("legal.models.PrivacyPage"), False),
    "nicht-gefunden": (_fixed("/gibt-es-nicht/"), False),
}


def axe_violations(page):
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": support.AXE_TAGS}})
    return [
        f"{violation['id']}: {violation['help']} – {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
    ]


def screenshot(page, name, size):
    folder = support.screenshot_dir()
    if folder is not None:
        page.screenshot(path=folder / f"{name}-{size['width']}.png", full_page=True)


def check_page(visitor, name):
    """The checks every page type passes, at desktop, tablet and phone width (and reflow at 320 px)."""
    page = visitor.page
    assert page.evaluate("document.documentElement.lang") == "de"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhalt"
    assert page.evaluate("document.activeElement.textContent.trim()") == "Zum Inhalt springen"
    page.evaluate("document.activeElement.blur()")  # the focused skip link would cover the logo

    levels = page.evaluate(support.HEADING_LEVELS_JS)
    assert levels.count(1) == 1, levels
    assert support.heading_jumps(levels) == []
    assert page.evaluate(support.IMAGES_WITHOUT_ALT_JS) == []
    for size in support.AXE_VIEWPORTS:
        page.set_viewport_size(size)
        assert axe_violations(page) == [], size["width"]
        if size in (support.DESKTOP, support.PHONE):
            screenshot(page, name, size)

    page.set_viewport_size(support.NARROW)
    assert page.evaluate(support.OVERFLOW_JS) <= 0
    page.set_viewport_size(support.DESKTOP)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type(visitor, name):
    resolve, has_form = PAGE_TYPES[name]
    response = visitor.goto(resolve())
    assert response.status == (404 if name == "nicht-gefunden" else 200)
    check_page(visitor, name)
    if not has_form:
        assert "set-cookie" not in response.headers
        assert visitor.context.cookies() == []


@pytest.mark.usefixtures("open_week")
@pytest.mark.parametrize(
    ("name", "resolve", "button"),
    [
        ("veranstaltung-anmelden-fehler", PAGE_TYPES["veranstaltung-anmelden"][0], "Veranstaltung melden"),
        ("bestellformular-fehler", PAGE_TYPES["bestellformular"][0], "Bestellung absenden"),
        ("barrierefreiheit-fehler", PAGE_TYPES["barrierefreiheit"][0], "Rückmeldung senden"),
    ],
)
def test_form_error_state(visitor, name, resolve, button):
    visitor.goto(resolve())
    visitor.page.get_by_role("button", name=button).click()
    summary = visitor.page.locator(".form-errors")
    assert summary.is_visible()
    assert visitor.page.title().startswith("Fehler")
    check_page(visitor, name)


def test_axe_finds_a_missing_text_alternative(visitor):
    """Guards the check itself: axe reports an image without alt text added to a page."""
    visitor.goto("/")
    visitor.page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/img/logo.svg';"
        " document.querySelector('main').append(img); }"
    )
    assert any(line.startswith("image-alt:") for line in axe_violations(visitor.page))
