from django import template
from django.db.models import Q
from wagtail.models import Site

register = template.Library()


class Menu(list):
    """The menu items; ``main`` for the main navigation, ``service`` for the BITV links."""

    @property
    def main(self):
        return [item for item in self if not item["service"]]

    @property
    def service(self):
        return [item for item in self if item["service"]]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages shown in menus, with flags for the current section (one query).

    The BITV pages (accessibility statement, Leichte Sprache) of the app ``accessibility`` are always
    listed, flagged ``service``: the header links them on every page, outside the main navigation.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return Menu()
    root = site.root_page
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = Menu()
    children = (
        root.get_children()
        .live()
        .public()
        .filter(Q(show_in_menus=True) | Q(content_type__app_label="accessibility"))
        .select_related("content_type")
    )
    for child in children:
        items.append(
            {
                "title": child.title,
                "url": child.get_url(request=request),
                "active": bool(current_path) and current_path.startswith(child.path),
                "current": current_path == child.path,
                "service": child.content_type.app_label == "accessibility",
            }
        )
    return items
