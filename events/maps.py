"""The event map: Germany's states, the events as markers grouped when dense, the model regions."""

import os
from collections import Counter

from cms.core import maps
from cms.core.constants import FederalState
from cms.core.querystring import query_string
from regions.models import RegionPage

CELL = 26  # marker grid in screen units of the full map (600 wide): closer markers are grouped
MARKER_RADIUS = 7
STATE_NAMES = dict(FederalState.choices)


def _num(value, digits=1):
    """A number for an SVG attribute: always with a decimal point, never localised ("12,5")."""
    return f"{value:.{digits}f}"


def _common_prefix(postcodes):
    prefix = os.path.commonprefix(list(postcodes))
    return prefix if prefix.isdigit() else ""


def _places(cities, limit=3):
    names = [name for name, _count in Counter(cities).most_common()]
    shown = ", ".join(names[:limit])
    return shown + (" und weiteren Orten" if len(names) > limit else "")


def event_map(index, request, form, events):
    """Everything the map template draws, for the (filtered) events of ``index``."""
    data = form.cleaned_data if form.is_bound else {}
    params = {key: str(value) for key, value in data.items() if value not in (None, "")}
    params = {
        key: value.isoformat() if hasattr(value, "isoformat") else value for key, value in params.items()
    }
    state = data.get("land") or ""
    box = maps.view_box(state)
    scale = box[2] / maps.WIDTH  # map units per screen unit at this zoom
    base_url = index.get_url(request) or ""
    map_url = base_url + "karte/"

    rows = list(
        events.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by("start", "pk")
        .values("pk", "slug", "title", "start", "city", "postcode", "federal_state", "latitude", "longitude")
    )
    points = []
    for row in rows:
        x, y = maps.project(row["latitude"], row["longitude"])
        points.append((x, y, row))
    markers = []
    for group in maps.cluster(points, CELL * scale):
        items = group.items
        if group.count == 1:
            row = items[0]
            label = f"{row['title']}, {row['city']}"
            url = f"{base_url}{row['slug']}/"
        else:
            states = Counter(row["federal_state"] for row in items)
            main_state = states.most_common(1)[0][0]
            places = _places(row["city"] for row in items)
            if not state:
                url = map_url + query_string(params, land=main_state, seite=None)
                zoom = f"Karte von {STATE_NAMES[main_state]} vergrößern"
                label = f"{group.count} Veranstaltungen in {places} – {zoom}"
            else:
                cities = {row["city"] for row in items}
                where = (
                    {"ort": items[0]["city"]}
                    if len(cities) == 1
                    else {"ort": _common_prefix(row["postcode"] for row in items)}
                )
                url = base_url + query_string(params, **where)
                label = f"{group.count} Veranstaltungen in {places} – als Liste anzeigen"
        markers.append(
            {"x": _num(group.x), "y": _num(group.y), "count": group.count, "label": label, "url": url}
        )

    state_counts = Counter(row["federal_state"] for row in rows)
    states = []
    paths = maps.state_paths()
    for code, name in FederalState.choices:
        states.append(
            {
                "code": code,
                "name": name,
                "path": paths.get(code, ""),
                "count": state_counts.get(code, 0),
                "selected": code == state,
                "url": map_url + query_string(params, land=code),
            }
        )

    regions = []
    for region in RegionPage.objects.live().public().filter(latitude__isnull=False).order_by("title"):
        x, y = maps.project(region.latitude, region.longitude)
        half = MARKER_RADIUS * scale * 0.8
        regions.append(
            {
                "x": _num(x),
                "y": _num(y),
                "corner_x": _num(x - half),
                "corner_y": _num(y - half),
                "title": region.title,
                "url": region.get_url(request),
            }
        )

    return {
        "view_box": " ".join(_num(value) for value in box),
        "radius": _num(MARKER_RADIUS * scale, 2),
        "size": _num(MARKER_RADIUS * scale * 1.6, 2),
        "font_size": _num(11 * scale, 2),
        "stroke": _num(scale, 2),
        "markers": markers,
        "states": states,
        "regions": regions,
        "zoomed_state": STATE_NAMES.get(state, ""),
        "reset_url": map_url + query_string(params, land=None),
        "list_url": base_url + query_string(params),
        "placed": len(rows),
        "unplaced": events.count() - len(rows),
        "attribution": maps.attribution(),
    }
