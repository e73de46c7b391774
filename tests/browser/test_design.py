"""The layout as a visitor sees it: the header at 1280 px and on a phone (with and without
JavaScript), the map's width and targets on a phone and a laptop, hyphenation and the directory's
checkbox."""

import math

import pytest

from tests.support import browser as support

pytestmark = pytest.mark.browser

MAIN_NAV_LINKS = ".site-nav--main a"
BOXES_JS = """sel => [...document.querySelectorAll(sel)].map(el => {
  const r = el.getBoundingClientRect();
  const label = el.getAttribute('aria-label') || el.textContent.trim();
  return {x: r.x, y: r.y, w: r.width, h: r.height, label};
})"""
# The same for the elements the visitor sees (a hidden marker layer is display: none; Chromium's
# checkVisibility() says true for SVG elements there, but they have no layout box).
VISIBLE_BOXES_JS = BOXES_JS.replace("].map(", "].filter(el => el.getClientRects().length).map(")
MAP_TARGETS = ".event-map__layer a"


def _map_url():
    from events.models import EventIndexPage

    return EventIndexPage.objects.live().get(slug="woche-der-industrie").url + "karte/"


def test_main_navigation_fits_one_row_at_1280(visitor):
    visitor.goto("/")
    boxes = visitor.page.evaluate(BOXES_JS, MAIN_NAV_LINKS)
    assert len(boxes) >= 7
    assert len({round(box["y"]) for box in boxes}) == 1, boxes  # "Aktuelles" no longer on a second line
    assert visitor.page.locator(".menu-button").is_hidden()


def test_menu_button_on_a_phone_is_a_disclosure(visitor):
    page = visitor.page
    page.set_viewport_size(support.PHONE)
    visitor.goto("/")
    button = page.get_by_role("button", name="Menü")
    assert button.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.locator(MAIN_NAV_LINKS).first.is_hidden()
    assert page.locator("header").bounding_box()["height"] < 120  # content starts at once

    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator(MAIN_NAV_LINKS).first.is_visible()
    assert page.locator("#site-search-q").is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.locator(MAIN_NAV_LINKS).first.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('menu-button')")


def test_menu_without_javascript_is_open_and_the_button_hidden(site_server, chromium):
    context = chromium.new_context(viewport=support.PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.url + "/")
        assert page.locator(".menu-button").is_hidden()
        links = page.locator(MAIN_NAV_LINKS)
        assert links.count() >= 7
        assert all(links.nth(n).is_visible() for n in range(links.count()))
    finally:
        context.close()


@pytest.mark.parametrize(
    "size", [support.NARROW, support.PHONE, support.DESKTOP], ids=lambda s: str(s["width"])
)
def test_map_targets_are_large_apart_and_regions_on_top(visitor, size):
    page = visitor.page
    page.set_viewport_size(size)
    visitor.goto(_map_url())
    markers = page.evaluate(VISIBLE_BOXES_JS, MAP_TARGETS)
    assert len(markers) > 6
    for box in markers:
        assert box["w"] >= 24 and box["h"] >= 24, box
    # WCAG 2.5.8's spacing test: 24 px circles around the targets' centres never intersect
    centres = [(box["x"] + box["w"] / 2, box["y"] + box["h"] / 2, box["label"]) for box in markers]
    for i, (x1, y1, a) in enumerate(centres):
        for x2, y2, b in centres[i + 1 :]:
            assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= 24**2, (a, b)
    # a tap in the middle of every model region reaches the region, never an event group
    hits = page.evaluate(
        """() => [...document.querySelectorAll('.event-map__regions a')].map(a => {
          a.scrollIntoView({block: 'center', inline: 'center'});
          const r = a.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return hit && hit.closest('a') === a;
        })"""
    )
    assert hits and all(hits)
    counts = page.locator(".event-map__marker--group text")
    for n in range(counts.count()):
        text_box = counts.nth(n).bounding_box()
        shape_box = counts.nth(n).locator("xpath=preceding-sibling::*[1]").bounding_box()
        assert text_box["width"] <= shape_box["width"] - 4  # the count fits its pill


def _visible_map(page, size):
    page.set_viewport_size(size)
    page.locator(".event-map__svg").scroll_into_view_if_needed()
    return page.evaluate(VISIBLE_BOXES_JS, MAP_TARGETS)


def test_map_spans_the_column_and_groups_for_its_width(visitor):
    """On a phone the map is as wide as the content column; on a laptop as tall as the window
    allows (all Germany in view) with the list of states beside it, the two filling the column.
    Exactly one marker layer shows, grouped for the map's width: finer at 1280 px than at 375 px;
    no marker overlaps another or a model region."""
    page = visitor.page
    visitor.goto(_map_url())
    seen = {}
    for size in (support.PHONE, support.DESKTOP):
        markers = _visible_map(page, size)
        geometry = page.evaluate(
            """() => {
              const column = document.querySelector('main');
              const style = getComputedStyle(column);
              const c = column.getBoundingClientRect();
              const left = c.x + parseFloat(style.paddingLeft);
              const right = c.right - parseFloat(style.paddingRight);
              const m = document.querySelector('.event-map__canvas').getBoundingClientRect();
              const states = document.querySelector('.map-states').getBoundingClientRect();
              const shown = [...document.querySelectorAll('.event-map__markers')]
                .filter(g => getComputedStyle(g).display !== 'none').length;
              return {left, right, mapLeft: m.x, mapRight: m.right, mapWidth: m.width, shown,
                      statesLeft: states.x, statesRight: states.right, statesTop: states.y, mapTop: m.y,
                      height: innerHeight};
            }"""
        )
        column = geometry["right"] - geometry["left"]
        assert abs(geometry["mapLeft"] - geometry["left"]) < 1.5, geometry
        if size is support.PHONE:
            assert abs(geometry["mapWidth"] - column) < 1.5  # the full content width
            assert geometry["statesTop"] > geometry["mapTop"]  # the list below the map
        else:
            expected = min(column - 18 * 16, max(480, (geometry["height"] - 32) * 600 / 813))
            assert abs(geometry["mapWidth"] - expected) < 1.5, geometry
            # the list of states beside the map, the two filling the content width
            assert geometry["statesLeft"] > geometry["mapRight"], geometry
            assert abs(geometry["statesRight"] - geometry["right"]) < 1.5, geometry
        assert geometry["shown"] == 1, geometry
        for box in markers:
            assert box["w"] >= 23.9 and box["h"] >= 23.9, box  # 24 px, give or take subpixel rounding
        # no two shapes overlap: each fits the circle of half its box's larger side around its centre
        regions = page.evaluate(VISIBLE_BOXES_JS, ".event-map__regions a")
        assert len(regions) == 6
        shapes = [
            (b["x"] + b["w"] / 2, b["y"] + b["h"] / 2, max(b["w"], b["h"]) / 2, b["label"]) for b in markers
        ]
        for i, (x1, y1, r1, a) in enumerate(shapes):
            for x2, y2, r2, b in shapes[i + 1 :]:
                assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2 - 0.5, (size["width"], a, b)
        seen[size["width"]] = len(markers) - len(regions)
    assert seen[1280] > seen[375], seen


def test_hidden_marker_layers_are_out_of_reach(visitor):
    """The layers for other widths are display: none: not focusable, not in the accessibility tree."""
    page = visitor.page
    visitor.goto(_map_url())
    for size in (support.PHONE, support.DESKTOP):
        page.set_viewport_size(size)
        state = page.evaluate(
            """() => {
              const links = [...document.querySelectorAll('.event-map__markers a')];
              const hidden = links.filter(a => !a.getClientRects().length);
              const focusable = hidden.filter(a => { a.focus(); return document.activeElement === a; });
              return {all: links.length, hidden: hidden.length, focusable: focusable.length,
                      visible: links.length - hidden.length};
            }"""
        )
        assert state["hidden"] > 0 and state["focusable"] == 0, state
        marker_links = page.locator(".event-map__markers").get_by_role("link")
        assert marker_links.count() == state["visible"], state  # role locators see the a11y tree only


def test_a_tap_on_a_state_zooms_in_on_a_phone(visitor):
    page = visitor.page
    page.set_viewport_size(support.PHONE)
    visitor.goto(_map_url())
    page.locator(".event-map__svg").scroll_into_view_if_needed()
    # a point inside Bavaria that no marker covers
    point = page.evaluate(
        """() => {
          const path = [...document.querySelectorAll('.event-map__state')]
            .find(p => p.textContent.startsWith('Bayern'));
          const r = path.getBoundingClientRect();
          const bottom = Math.min(r.bottom, innerHeight), right = Math.min(r.right, innerWidth);
          for (let y = Math.max(r.y, 0) + 5; y < bottom; y += 6) for (let x = r.x + 5; x < right; x += 6) {
            const hit = document.elementFromPoint(x, y);
            if (hit === path) return {x, y};
          }
          return null;
        }"""
    )
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url("**karte/?land=BY")
    assert "Bayern" in page.locator("h1").inner_text()
    assert (
        page.locator(".event-totals").inner_text().endswith("in 1 Land")
        or "in 1 Land" in page.locator(".event-totals").inner_text()
    )


def test_titles_hyphenate_in_german(visitor):
    visitor.goto("/")
    assert visitor.page.evaluate("document.documentElement.lang") == "de"
    hyphens = visitor.page.evaluate(
        "[...document.querySelectorAll('h1, h2, h3, .card__title')].map(h => getComputedStyle(h).hyphens)"
    )
    assert hyphens and set(hyphens) == {"auto"}


def test_directory_checkbox_sits_level_with_its_label(visitor):
    from regions.models import InitiativeIndexPage

    page = visitor.page
    visitor.goto(InitiativeIndexPage.objects.live().get().url)
    box = page.locator("input[type=checkbox]").first.bounding_box()
    label = (
        page.locator("label[for]", has=page.locator("xpath=self::*")).filter(has_text="Good-Practice").first
    )
    label_box = label.bounding_box()
    assert abs((box["y"] + box["height"] / 2) - (label_box["y"] + label_box["height"] / 2)) < 8
    assert box["x"] + box["width"] <= label_box["x"]  # before the label, not above it
