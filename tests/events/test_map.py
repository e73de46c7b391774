"""The self-hosted event map: state outlines, grouped markers, zoom, links, no outside requests."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from cms.core import maps
from events.maps import WIDTH_CLASSES
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.regions import RegionIndexPageFactory, RegionPageFactory


@pytest.fixture
def index(home_page):
    index = EventIndexPageFactory(parent=home_page)
    for n in range(3):  # three events in Köln: one group
        EventPageFactory(parent=index, title=f"Köln {n}")
    EventPageFactory(
        parent=index, title="Leipzig", city="Leipzig", postcode="04109", federal_state="SN",
        latitude=Decimal("51.33970"), longitude=Decimal("12.37310"),
    )  # fmt: skip
    EventPageFactory(parent=index, title="Ohne Koordinaten", latitude=None, longitude=None)
    regions = RegionIndexPageFactory(parent=home_page)
    RegionPageFactory(
        parent=regions, title="Krefeld", latitude=Decimal("51.33880"), longitude=Decimal("6.58530")
    )
    return index


def soup_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser"), response


def layer(soup, name):
    """The marker layer shown on a map of width class ``name`` (events.maps.WIDTH_CLASSES)."""
    layers = soup.select(f".event-map__markers.for-{name}")
    assert len(layers) == 1, f"exactly one layer for the width class {name}"
    return layers[0]


def test_map_draws_sixteen_states_and_groups_markers(client, index):
    soup, _ = soup_of(client, index.url + "karte/")
    assert len(soup.select(".event-map__state")) == 16
    markers = layer(soup, "s").select("a.event-map__marker")
    labels = sorted(marker["aria-label"] for marker in markers)
    assert labels == [
        "3 Veranstaltungen in Köln – Karte von Nordrhein-Westfalen vergrößern",
        "Leipzig, Leipzig",
    ]
    group = layer(soup, "s").select_one("a.event-map__marker--group")
    assert group["href"] == index.url + "karte/?land=NW"
    assert group.find("text").string == "3"
    assert group.find("rect")["height"] == "28"  # CSS pixels: a target of at least 24 x 24 at any width
    assert "1 Veranstaltung ohne Koordinaten steht nur in der Liste." in soup.get_text(" ", strip=True)


def test_model_regions_are_marked(client, index):
    soup, _ = soup_of(client, index.url + "karte/")
    region = soup.select_one(".event-map__regions a")
    assert region["aria-label"] == "Modellregion Krefeld"


def test_zoomed_state_map_links_groups_to_the_filtered_list(client, index):
    soup, response = soup_of(client, index.url + "karte/", land="NW")
    x, y, width, height = (float(v) for v in soup.find("svg")["viewbox"].split())
    assert width < maps.WIDTH / 2  # zoomed in
    group = soup.select_one("a.event-map__marker--group")
    assert group["href"] == f"{index.url}?land=NW&ort=K%C3%B6ln"
    assert "Leipzig" not in str(soup.select(".event-map__markers"))


def test_numbers_in_svg_are_not_localised(client, index):
    """German number format ("12,5") would break SVG attributes."""
    soup, _ = soup_of(client, index.url + "karte/")
    positions = soup.select(".event-map__layer svg")
    assert len(positions) >= 3  # two markers in each layer, one region
    for svg in positions:
        for name in ("x", "y"):
            assert re.fullmatch(r"-?\d+(\.\d+)?%", svg[name]), svg
    assert re.fullmatch(r"[-\d. ]+", soup.select_one("svg.event-map__svg")["viewbox"])


def test_markers_keep_their_size_and_never_cover_a_region(client, home_page):
    """Markers are drawn in CSS pixels (no viewBox on their layer); each width class's layer is
    grouped for the narrowest map of its class, so there no two markers and no marker and model
    region overlap."""
    index = EventIndexPageFactory(parent=home_page)
    regions = RegionIndexPageFactory(parent=home_page)
    RegionPageFactory(
        parent=regions, title="Thüringen", latitude=Decimal("50.97800"), longitude=Decimal("11.02900")
    )
    for n, (lat, lon) in enumerate(
        [(50.978, 11.029), (50.99, 11.1), (51.05, 10.9), (50.8, 11.3), (51.3, 12.37)]
    ):
        EventPageFactory(
            parent=index, title=f"Thüringen {n}", federal_state="TH", city="Erfurt", postcode="99084",
            latitude=Decimal(str(lat)), longitude=Decimal(str(lon)),
        )  # fmt: skip
    soup, _ = soup_of(client, index.url + "karte/")
    svg_layer = soup.select_one("svg.event-map__layer")
    assert svg_layer.get("viewbox") is None
    # the region is drawn last, above every event marker
    assert svg_layer.select("a")[-1]["aria-label"] == "Modellregion Thüringen"
    regions = svg_layer.select(".event-map__regions a > svg")
    for name, min_px in WIDTH_CLASSES:
        width, height = min_px, min_px * maps.HEIGHT / maps.WIDTH
        points = [
            (
                float(svg["x"][:-1]) / 100 * width,
                float(svg["y"][:-1]) / 100 * height,
                svg.find_parent("a")["aria-label"],
            )
            for svg in [*layer(soup, name).select("a > svg"), *regions]
        ]
        assert any(label == "Modellregion Thüringen" for *_xy, label in points)
        for i, (x1, y1, a) in enumerate(points):
            for x2, y2, b in points[i + 1 :]:
                assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= 28**2, (name, a, b)


def test_groups_follow_the_width_of_the_map(client, home_page):
    """A wider map groups less: four places about 40 km around Erfurt are one group on a phone's
    map and four markers on a desktop's; every layer counts all events."""
    index = EventIndexPageFactory(parent=home_page)
    for n, (lat, lon) in enumerate([(50.98, 11.03), (51.38, 11.03), (50.98, 11.68), (50.58, 11.03)]):
        EventPageFactory(
            parent=index, title=f"Thüringen {n}", federal_state="TH", city=f"Ort {n}", postcode="99084",
            latitude=Decimal(str(lat)), longitude=Decimal(str(lon)),
        )  # fmt: skip
    soup, _ = soup_of(client, index.url + "karte/")
    counts = {}
    for name, _min_px in WIDTH_CLASSES:
        markers = layer(soup, name).select("a.event-map__marker")
        total = sum(int(m.text.strip() or 1) for m in markers)
        assert total == 4, name
        counts[name] = len(markers)
    assert (counts["s"], counts["l"]) == (1, 4), counts


def test_css_shows_exactly_one_layer_per_width_class():
    """The container queries of site.css use the thresholds of WIDTH_CLASSES."""
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert ".event-map__markers { display: none; }" in css
    assert ".event-map__markers.for-s { display: inline; }" in css
    for (previous, _px), (name, min_px) in zip(WIDTH_CLASSES, WIDTH_CLASSES[1:], strict=False):
        rule = (
            f"@container event-map (min-width: {min_px}px) {{\n"
            f"  .event-map__markers.for-{previous} {{ display: none; }}\n"
            f"  .event-map__markers.for-{name} {{ display: inline; }}\n}}"
        )
        assert rule in css, rule


def test_cluster_counts_fit_three_digits():
    from events.maps import MARKER_GAP_PX, _pill_width

    assert MARKER_GAP_PX >= 28
    # up to three digits a pill is at most as wide as the gap between marker centres: no overlap
    assert [_pill_width(n) for n in (2, 99, 100, 999)] == [28, 28, 32, 32]
    assert _pill_width(1000) > 32


def test_filtered_map_shows_filtered_totals_and_only_states_with_events(client, index):
    soup, response = soup_of(client, index.url + "karte/", land="NW")
    assert soup.select_one(".event-totals").get_text(strip=True) == "4 Veranstaltungen in 1 Land"
    states = [a.get_text() for a in soup.select(".state-list a")]
    assert states == ["Nordrhein-Westfalen", "Sachsen"]  # the other states have no events
    assert "(0)" not in soup.select_one(".state-list").get_text()


def test_every_state_with_events_is_reachable_as_a_link_list(client, index):
    soup, _ = soup_of(client, index.url + "karte/")
    states = soup.select(".state-list a")
    assert [a.get_text() for a in states] == ["Nordrhein-Westfalen", "Sachsen"]
    assert any(a.get_text() == "Sachsen" and a["href"].endswith("karte/?land=SN") for a in states)


def test_map_makes_no_request_to_another_server(client, index):
    """Everything the browser loads (scripts, styles, images, icons) comes from this site."""
    soup = BeautifulSoup(client.get(index.url + "karte/").content, "html.parser")
    loaded = [tag["src"] for tag in soup.find_all(src=True)]
    loaded += [
        link["href"]
        for link in soup.find_all("link", href=True)
        if set(link.get("rel", [])) & {"stylesheet", "icon", "preload", "modulepreload"}
    ]
    loaded += [tag["href"] for tag in soup.find_all(["image", "use"], href=True)]
    assert loaded, "the page loads its stylesheet at least"
    for url in loaded:
        assert not url.startswith(("http://", "https://", "//")), url


def test_bad_filter_on_the_map(client, index):
    soup, response = soup_of(client, index.url + "karte/", land="ZZ", art="x")
    assert "„ZZ“ ist kein Bundesland" in soup.get_text()
    assert len(layer(soup, "s").select("a.event-map__marker")) == 2


def test_cluster_groups_close_points_only():
    groups = maps.cluster([(0, 0, "a"), (5, 5, "b"), (100, 100, "c")], cell=20)
    assert sorted(sorted(g.items) for g in groups) == [["a", "b"], ["c"]]
    assert next(g for g in groups if g.count == 2).x == 2.5


def test_projection_and_zoom_boxes():
    x, y = maps.project(maps.LAT_MAX, maps.LON_MIN)
    assert (x, y) == (0, 0)
    cologne = maps.project(50.94, 6.96)
    box = maps.view_box("NW")
    assert box[0] < cologne[0] < box[0] + box[2] and box[1] < cologne[1] < box[1] + box[3]
    assert maps.view_box("??") == (0.0, 0.0, float(maps.WIDTH), float(maps.HEIGHT))
    assert set(maps.state_paths()) == {
        "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
    }  # fmt: skip
