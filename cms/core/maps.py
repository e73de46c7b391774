"""A self-hosted map of Germany: state outlines as SVG paths, a projection and marker clustering.

The outlines (cms/core/geodata/germany_states.json, made by scripts/make_germany_map.py from the
BKG's VG250 data) are drawn server-side, so a map costs no request to any other server and works
without JavaScript. The projection is equirectangular with the longitude scaled by the cosine of
Germany's mean latitude: close enough to the familiar shape at this scale.
"""

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

GEODATA = Path(__file__).resolve().parent / "geodata" / "germany_states.json"

LAT_MIN, LAT_MAX = 47.2, 55.1
LON_MIN, LON_MAX = 5.8, 15.1
WIDTH = 600
_X_SCALE = math.cos(math.radians((LAT_MIN + LAT_MAX) / 2))
HEIGHT = round(WIDTH * (LAT_MAX - LAT_MIN) / ((LON_MAX - LON_MIN) * _X_SCALE))


def project(latitude, longitude):
    """Geographic coordinates -> SVG coordinates in the WIDTH x HEIGHT box (floats)."""
    x = (float(longitude) - LON_MIN) / (LON_MAX - LON_MIN) * WIDTH
    y = (LAT_MAX - float(latitude)) / (LAT_MAX - LAT_MIN) * HEIGHT
    return x, y


@functools.cache
def _geodata():
    return json.loads(GEODATA.read_text(encoding="utf-8"))


def attribution():
    return _geodata()["attribution"]


@functools.cache
def state_paths():
    """{state code: SVG path data} for the 16 federal states."""
    paths = {}
    for code, polygons in _geodata()["states"].items():
        commands = []
        for polygon in polygons:
            for ring in polygon:
                points = [project(lat, lon) for lon, lat in ring]
                commands.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points[:-1]) + "Z")
        paths[code] = "".join(commands)
    return paths


@functools.cache
def state_boxes():
    """{state code: (x, y, width, height)} bounding boxes in SVG coordinates."""
    boxes = {}
    for code, polygons in _geodata()["states"].items():
        points = [project(lat, lon) for polygon in polygons for ring in polygon for lon, lat in ring]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        boxes[code] = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
    return boxes


def view_box(state=None, padding=0.08):
    """The viewBox of all Germany or, zoomed, of one state: same aspect ratio, with padding."""
    if state not in state_boxes():
        return (0.0, 0.0, float(WIDTH), float(HEIGHT))
    x, y, width, height = state_boxes()[state]
    centre_x, centre_y = x + width / 2, y + height / 2
    width = max(width, height * WIDTH / HEIGHT, 60.0) * (1 + 2 * padding)
    height = width * HEIGHT / WIDTH
    return (centre_x - width / 2, centre_y - height / 2, width, height)


@dataclass
class Cluster:
    """Items that fall into one grid cell of the map; ``x``/``y`` is their mean position."""

    x: float
    y: float
    items: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.items)


def cluster(items, cell):
    """Group ``(x, y, item)`` triples: an item joins the first group whose first member lies within
    ``cell`` units, else it starts a new group (markers grouped when dense). Groups are found through
    a grid of ``cell``-sized buckets, so only neighbouring buckets are compared."""
    buckets = {}
    clusters = []
    for x, y, item in items:
        column, row = math.floor(x / cell), math.floor(y / cell)
        found = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for candidate, (cx, cy) in buckets.get((column + dx, row + dy), ()):
                    if (cx - x) ** 2 + (cy - y) ** 2 <= cell * cell:
                        found = candidate
                        break
                if found:
                    break
            if found:
                break
        if found is None:
            found = Cluster(x=x, y=y)
            clusters.append(found)
            buckets.setdefault((column, row), []).append((found, (x, y)))
        found.items.append((x, y, item))
    for group in clusters:
        group.x = sum(member[0] for member in group.items) / len(group.items)
        group.y = sum(member[1] for member in group.items) / len(group.items)
        group.items = [member[2] for member in group.items]
    clusters.sort(key=lambda group: (group.y, group.x))
    return clusters


def spread(clusters, distance, fixed=(), rounds=20):
    """Keep markers apart: merge clusters whose centres are closer than ``distance`` (weighted
    mean position) and push clusters away from the ``fixed`` points (model regions) to that
    distance, so no marker covers another and none covers a region.

    The grid of ``cluster`` compares each item with a group's first member; the groups' means can
    end up closer than the cell, which on a phone made markers overlap."""
    clusters = list(clusters)
    for _round in range(rounds):
        changed = False
        merged = []
        for group in sorted(clusters, key=lambda g: -g.count):
            for other in merged:
                if (other.x - group.x) ** 2 + (other.y - group.y) ** 2 < distance * distance:
                    total = other.count + group.count
                    other.x = (other.x * other.count + group.x * group.count) / total
                    other.y = (other.y * other.count + group.y * group.count) / total
                    other.items.extend(group.items)
                    changed = True
                    break
            else:
                merged.append(group)
        clusters = merged
        for group in clusters:
            for fx, fy in fixed:
                dx, dy = group.x - fx, group.y - fy
                gap = math.hypot(dx, dy)
                if gap < distance:
                    if gap < 1e-6:
                        dx, dy, gap = 1.0, 1.0, math.sqrt(2)
                    group.x, group.y = fx + dx / gap * distance, fy + dy / gap * distance
                    changed = True
        if not changed:
            break
    clusters.sort(key=lambda group: (group.y, group.x))
    return clusters
