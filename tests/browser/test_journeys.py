"""What visitors do, step by step in Chromium, each journey with the mouse or the keyboard only.

The ``visitor`` fixture checks after every journey that no request left the site and that the
browser reported no Content-Security-Policy violation.
"""

import pytest

from tests.support import browser as support

pytestmark = pytest.mark.browser

MAIN = "main"


def test_home_to_region_to_meeting_report_to_presentation(visitor):
    from meetings.models import MeetingPage

    page = visitor.page
    visitor.goto("/")
    page.locator(MAIN).get_by_role("link", name="Regionaler Dialog").first.click()
    page.wait_for_url("**/regionen/")
    page.locator(MAIN).get_by_role("link", name="Baden-Württemberg").first.click()
    page.wait_for_url("**/regionen/baden-wuerttemberg/")
    page.locator(MAIN).locator("a[href*='/treffen/3-treffen']").first.click()
    page.wait_for_url("**/treffen/3-treffen-regionale-industriebuendnisse/")
    assert page.locator("h1").inner_text() == MeetingPage.objects.live().get().title

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Businessplan Industrie für Köln").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_search_with_a_facet_then_open_a_result(visitor):
    page = visitor.page
    visitor.goto("/")
    page.locator("#site-search-q").fill("Industrie")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/suche/?q=Industrie")
    page.locator(".search-facets, [aria-labelledby='search-facets-heading']").first.get_by_role(
        "link", name="Veranstaltungen"
    ).click()
    page.wait_for_url("**art=event**")
    results = page.locator("ol.search-results > li")
    assert results.count() > 0
    assert results.count() == page.locator("ol.search-results > li.search-result--event").count()

    first = results.first.locator("a").first
    title = first.inner_text().strip()
    first.click()
    page.wait_for_load_state()
    assert "/woche-der-industrie" in page.url  # the 2017 week or the demo's current one (-<year>)
    assert page.locator("h1").inner_text().strip().startswith(title)


def test_event_list_filter_then_event_then_ics(visitor):
    from events.models import EventPage

    page = visitor.page
    index = EventPage.objects.live().first().get_parent()
    index_url = index.url
    visitor.goto(index_url)
    page.locator("#id_land").select_option("BY")
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**land=BY**")
    bavarian = EventPage.objects.live().child_of(index).filter(federal_state="BY").count()
    assert bavarian > 0
    titles = page.locator(".event-list__title a")
    assert titles.count() == bavarian

    titles.first.click()
    page.wait_for_load_state()
    event = EventPage.objects.live().get(url_path__endswith=page.url.split(index_url, 1)[1])
    assert event.federal_state == "BY"
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In den Kalender eintragen").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), encoding="utf-8") as ics:
        text = ics.read()
    assert text.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in text


def test_event_submission_with_errors_then_success(visitor, open_week):
    from events.models import EventPage, EventSubmission

    page = visitor.page
    visitor.goto(open_week.url + "anmelden/")
    page.get_by_role("button", name="Veranstaltung melden").click()
    summary = page.locator("#form-errors")
    assert summary.is_visible()
    assert "Bitte geben Sie den Ort an." in summary.inner_text()
    assert page.locator("#id_city").get_attribute("aria-invalid") == "true"

    fields = {
        "title": "Werkstore offen bei der Browser GmbH",
        "start": f"{open_week.start:%Y-%m-%d}T14:00",
        "description": "Wir zeigen unsere Fertigung.",
        "organiser_name": "Browser GmbH",
        "venue": "Werk Köln, Tor 3",
        "postcode": "50667",
        "city": "Köln",
        "submitter_name": "Erika Muster",
        "submitter_email": "erika@example.org",
    }
    for name, value in fields.items():
        page.locator(f"#id_{name}").fill(value)
    page.locator("#id_federal_state").select_option("NW")
    page.locator("#id_kind").select_option("factory_tour")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Veranstaltung melden").click()
    page.wait_for_load_state()
    assert page.url.endswith("/anmelden/danke/"), page.locator(MAIN).inner_text()
    assert page.locator("h1").inner_text() == "Vielen Dank für Ihre Meldung"
    event = EventPage.objects.get(title=fields["title"])
    assert not event.live
    assert EventSubmission.objects.get(page=event).email == "erika@example.org"


def test_order_form(visitor):
    from materials.models import Order, OrderPage

    page = visitor.page
    from events.weeks import current_week

    order_page = OrderPage.objects.live().descendant_of(current_week()).get()
    visitor.goto(order_page.url)
    page.get_by_role("button", name="Bestellung absenden").click()
    assert page.locator(".form-errors").is_visible()

    page.locator("input.quantity").first.fill("2")
    for name, value in {
        "name": "Erika Muster",
        "organisation": "Musterwerk GmbH",
        "email": "erika@example.org",
        "street": "Industriestraße 5",
        "postcode": "50667",
        "city": "Köln",
    }.items():
        page.locator(f"#id_{name}").fill(value)
    page.get_by_role("button", name="Bestellung absenden").click()
    page.wait_for_url("**/danke/")
    assert page.locator("h1").inner_text() == "Vielen Dank für Ihre Bestellung"
    order = Order.objects.get(email="erika@example.org")
    assert order.reference in page.locator(MAIN).inner_text()
    assert order.lines.get().quantity == 2


def tab_to(page, predicate_js, limit=80):
    """Press Tab until ``predicate_js`` (run on the focused element) is true; each stop must show focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(support.FOCUS_VISIBLE_JS)
        assert focus is not None, f"the focus left the page while looking for {predicate_js}"
        assert focus["visible"], f"no visible focus on {focus}"
        if page.evaluate(f"(el) => ({predicate_js})(el)", page.evaluate_handle("document.activeElement")):
            return
    raise AssertionError(f"no element matching {predicate_js} within {limit} tabs")


def test_keyboard_skip_link_and_navigation(visitor):
    page = visitor.page
    visitor.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link must be visible"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"

    visitor.goto("/")
    tab_to(page, "el => el.closest('.site-nav') && el.textContent.trim().startsWith('Woche der Industrie')")
    page.keyboard.press("Enter")
    from events.weeks import current_week

    page.wait_for_url(f"**{current_week().url}")  # the menu follows the current week
    current = page.locator("nav[aria-label='Hauptnavigation'] a[aria-current='page']").inner_text()
    assert current.startswith("Woche der Industrie")

    tab_to(page, "el => el.closest('nav[aria-label=\"Barrierefreiheit\"]') !== null")
    assert page.evaluate("document.activeElement.textContent.trim()") in {
        "Erklärung zur Barrierefreiheit",
        "Leichte Sprache",
    }


def test_keyboard_search_suggestions(visitor):
    page = visitor.page
    visitor.goto("/suche/")
    tab_to(page, "el => el.id === 'search-q'")
    combobox = page.locator("#search-q")
    assert combobox.get_attribute("role") == "combobox"
    page.keyboard.type("Werk", delay=30)
    listbox = page.locator("#" + combobox.get_attribute("aria-controls"))
    listbox.locator("[role='option']").first.wait_for(state="visible")
    assert combobox.get_attribute("aria-expanded") == "true"

    suggestions = visitor.context.request.get(visitor.url("/suche/vorschlaege/?q=Werk")).json()["suggestions"]
    page.keyboard.press("ArrowDown")
    active_id = combobox.get_attribute("aria-activedescendant")
    option = page.locator(f"#{active_id}")
    assert option.get_attribute("aria-selected") == "true"
    assert option.inner_text().startswith(suggestions[0]["title"])
    assert page.evaluate("document.activeElement.id") == "search-q", "the focus stays in the field"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{suggestions[0]['url']}")

    visitor.goto("/suche/")
    tab_to(page, "el => el.id === 'search-q'")
    page.keyboard.type("Werk", delay=30)
    listbox.locator("[role='option']").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert listbox.is_hidden()
    assert combobox.get_attribute("aria-expanded") == "false"


def test_keyboard_map(visitor):
    from events.models import EventIndexPage

    page = visitor.page
    visitor.goto(EventIndexPage.objects.live().get(slug="woche-der-industrie").url + "karte/")
    svg = page.locator("svg.event-map__svg")
    label_id = svg.get_attribute("aria-labelledby")
    assert label_id and page.locator(f"#{label_id}").text_content().strip(), (
        "the map needs a text alternative"
    )

    tab_to(page, "el => el.closest('svg.event-map__layer') !== null && el.tagName.toLowerCase() === 'a'")
    focused = page.evaluate_handle("document.activeElement")
    name = page.evaluate(
        "el => el.getAttribute('aria-label') || (el.querySelector('title') || {}).textContent || ''", focused
    )
    assert name.strip(), "every map point has an accessible name"
    href = page.evaluate("el => el.getAttribute('href') || el.getAttribute('xlink:href')", focused)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
