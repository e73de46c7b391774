"""The event map: Germany's states, the events as markers grouped when dense, the model regions."""

import os
from collections import Counter

from cms.core import maps
from cms.core.constants import FederalState
from cms.core.querystring import query_string
from regions.models import RegionPage

# Markers are drawn in CSS pixels on a layer over the map (events/templates/events/event_map_page.html),
# so they keep their size at every width: 24 px for one event, 28 px high for a group (WCAG 2.2, 2.5.8).
# Groups are made for the narrowest map (320 px screen, 288 px map): marker centres at least
# MARKER_GAP_PX apart there, so no marker covers another or a model region at any width.
MIN_MAP_PX = 288
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
    gap = MARKER_GAP_PX / MIN_MAP_PX * box[2]  # in map units

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
    markers = []
    groups = maps.cluster(points, gap)
    for group in maps.spread(groups, gap, fixed=[(region["x"], region["y"]) for region in regions]):
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
        width = max(28, 12 + 8 * len(str(group.count)))  # a pill for three digits and more
        markers.append(
            {
                "left": left,
                "top": top,
                "count": group.count,
                "label": label,
                "url": url,
                "width": width,
                "offset": -width // 2,
            }
        )

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
        "markers": markers,
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
