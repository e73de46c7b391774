"""The event map: Germany's states, the events as markers grouped when dense, the model regions."""

import os
from collections import Counter

from cms.core import maps
from cms.core.constants import FederalState
from cms.core.querystring import query_string
from regions.models import RegionPage

# Markers are drawn in CSS pixels on a layer over the map (events/templates/events/event_map_page.html),
# so they keep their size at every width: 24 px for one event, 28 px high for a group (WCAG 2.2, 2.5.8).
# The groups follow the map's width: one marker layer per width class, each grouped for the narrowest
# map of its class (marker centres at least MARKER_GAP_PX apart there, so within the class no marker
# covers another or a model region). The page shows exactly one layer: the CSS container queries on
# the map's own width (static/css/site.css, "event-map") hide the others with display: none, which
# also takes their links out of the tab order and the accessibility tree. Without container queries
# the coarsest layer shows, and it is right at every width.
# (name, narrowest map width in CSS px): the thresholds of the container queries in site.css.
WIDTH_CLASSES = (("s", 288), ("m", 448), ("l", 600))
MIN_MAP_PX = WIDTH_CLASSES[0][1]
MARKER_GAP_PX = 32
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


def _marker(group, percent, state, params, base_url, map_url):
    """One marker of a layer: a single event links to its page, a group to the map zoomed into
    its state (national map) or to the list of its place (zoomed map)."""
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
    left, top = percent(group.x, group.y)
    width = _pill_width(group.count)
    return {
        "left": left,
        "top": top,
        "count": group.count,
        "label": label,
        "url": url,
        "width": width,
        "offset": -width // 2,
    }


def _pill_width(count):
    """Width in CSS px of a group's pill, 28 px high: up to three digits (13 px bold) it is at most
    MARKER_GAP_PX wide, so two pills never overlap; only groups of 1,000 and more grow wider."""
    digits = len(str(count))
    return 28 if digits <= 2 else MARKER_GAP_PX if digits == 3 else 12 + 7 * digits


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

    def percent(x, y):
        return _num((x - box[0]) / box[2] * 100, 2), _num((y - box[1]) / box[3] * 100, 2)

    regions = []
    for region in RegionPage.objects.live().public().filter(latitude__isnull=False).order_by("title"):
        x, y = maps.project(region.latitude, region.longitude)
        if not (box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3]):
            continue  # outside the zoomed state
        left, top = percent(x, y)
        regions.append(
            {"x": x, "y": y, "left": left, "top": top, "title": region.title, "url": region.get_url(request)}
        )
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
    fixed = [(region["x"], region["y"]) for region in regions]
    layers = []
    for name, min_px in WIDTH_CLASSES:
        gap = MARKER_GAP_PX / min_px * box[2]  # in map units
        markers = [
            _marker(group, percent, state, params, base_url, map_url)
            for group in maps.spread(maps.cluster(points, gap), gap, fixed=fixed)
        ]
        if layers and layers[-1]["markers"] == markers:
            layers[-1]["classes"].append(name)  # the same grouping as the coarser class: drawn once
        else:
            layers.append({"classes": [name], "markers": markers})

    # The states list and the state links count the events of the other filters in every state,
    # so the zoomed map lists where else there are events, not sixteen states with "(0)".
    if state:
        others = type(form)({**form.data, "land": ""}, index=index)
        others.is_valid()
        state_counts = Counter(others.filter(index.events()).values_list("federal_state", flat=True))
    else:
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

    return {
        "view_box": " ".join(_num(value) for value in box),
        "stroke": _num(scale, 2),
        "layers": layers,
        "states": states,
        "listed_states": [item for item in states if item["count"]],
        "regions": regions,
        "zoomed_state": STATE_NAMES.get(state, ""),
        "reset_url": map_url + query_string(params, land=None),
        "list_url": base_url + query_string(params),
        "placed": len(rows),
        "unplaced": events.count() - len(rows),
        "attribution": maps.attribution(),
    }


def place_map(event):
    """The small map of an event page: its state, zoomed, with the event's place; None without
    coordinates."""
    if event.latitude is None or event.longitude is None:
        return None
    box = maps.view_box(event.federal_state)
    x, y = maps.project(event.latitude, event.longitude)
    paths = maps.state_paths()
    return {
        "view_box": " ".join(_num(value) for value in box),
        "stroke": _num(box[2] / maps.WIDTH, 2),
        "states": [{"path": paths[code], "selected": code == event.federal_state} for code in paths],
        "left": _num((x - box[0]) / box[2] * 100, 2),
        "top": _num((y - box[1]) / box[3] * 100, 2),
        "state": STATE_NAMES.get(event.federal_state, ""),
    }
