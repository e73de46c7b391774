import math

from django import template
from wagtail.models import Page

register = template.Library()

# Bounding box of Germany; an equirectangular projection scaled by cos(mean latitude)
# is accurate enough to place a handful of regions on a self-hosted SVG.
LAT_MIN, LAT_MAX = 47.2, 55.1
LON_MIN, LON_MAX = 5.8, 15.1
MAP_WIDTH = 400
_X_SCALE = math.cos(math.radians((LAT_MIN + LAT_MAX) / 2))
MAP_HEIGHT = round(MAP_WIDTH * (LAT_MAX - LAT_MIN) / ((LON_MAX - LON_MIN) * _X_SCALE))


def project(latitude, longitude):
    """Geographic coordinates -> SVG coordinates inside the MAP_WIDTH x MAP_HEIGHT box."""
    x = (float(longitude) - LON_MIN) / (LON_MAX - LON_MIN) * MAP_WIDTH
    y = (LAT_MAX - float(latitude)) / (LAT_MAX - LAT_MIN) * MAP_HEIGHT
    return round(x), round(y)


@register.simple_tag
def region_map(regions):
    """Markers for the regions that have coordinates (accepts one page or an iterable)."""
    if isinstance(regions, Page):
        regions = [regions]
    markers = []
    for region in regions or []:
        if getattr(region, "latitude", None) is None or getattr(region, "longitude", None) is None:
            continue
        x, y = project(region.latitude, region.longitude)
        markers.append({"title": region.title, "url": region.url, "x": x, "y": y})
    return {"width": MAP_WIDTH, "height": MAP_HEIGHT, "markers": markers}
