from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages shown in menus, with flags for the current section (one query)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = []
    for child in root.get_children().live().public().in_menu():
        items.append(
            {
                "title": child.title,
                "url": child.get_url(request=request),
                "active": bool(current_path) and current_path.startswith(child.path),
                "current": current_path == child.path,
            }
        )
    return items
