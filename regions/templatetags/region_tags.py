from django import template
from wagtail.models import Page

from cms.core import maps

register = template.Library()


@register.simple_tag
def region_map(regions):
    """The map of Germany with markers for the regions that have coordinates (one page or many).

    Numbers are formatted here: the German locale would render 12.5 as "12,5" in the template,
    which is not valid in SVG attributes.
    """
    if isinstance(regions, Page):
        regions = [regions]
    markers = []
    for region in regions or []:
        if getattr(region, "latitude", None) is None or getattr(region, "longitude", None) is None:
            continue
        x, y = maps.project(region.latitude, region.longitude)
        label_x = x + 10 if x < maps.WIDTH * 0.7 else x - 10
        markers.append(
            {
                "title": region.title,
                "url": region.url,
                "x": f"{x:.1f}",
                "y": f"{y:.1f}",
                "label_x": f"{label_x:.1f}",
                "label_y": f"{y + 4:.1f}",
                "anchor": "start" if x < maps.WIDTH * 0.7 else "end",
            }
        )
    return {
        "width": maps.WIDTH,
        "height": maps.HEIGHT,
        "states": maps.state_paths().values(),
        "markers": markers,
        "attribution": maps.attribution(),
    }
