from django import template
from django.db.models import Q
from wagtail import hooks
from wagtail.models import Site

from cms.caching.content import content_cached

register = template.Library()


class Menu(list):
    """The menu items; ``main`` for the main navigation, ``service`` for the BITV links."""

    @property
    def main(self):
        return [item for item in self if not item["service"]]

    @property
    def service(self):
        return [item for item in self if item["service"]]


def _menu_pages(site, request):
    """(title, url, path, service) of the root's children shown in menus (one query).

    Apps narrow the list with the hook ``filter_menu_pages`` (queryset in, queryset out, no extra
    query): events shows only the current Woche der Industrie, not the archived ones.
    """
    children = (
        site.root_page.get_children()
        .live()
        .public()
        .filter(Q(show_in_menus=True) | Q(content_type__app_label="accessibility"))
        .select_related("content_type")
    )
    for narrow in hooks.get_hooks("filter_menu_pages"):
        children = narrow(children)
    return [
        (
            child.title,
            child.get_url(request=request),
            child.path,
            child.content_type.app_label == "accessibility",
        )
        for child in children
    ]


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages shown in menus, with flags for the current section.

    The BITV pages (accessibility statement, Leichte Sprache) of the app ``accessibility`` are always
    listed, flagged ``service``: the header links them on every page, outside the main navigation.
    The pages are kept in the content cache (renewed whenever a page is published, moved ...).
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return Menu()
    pages = content_cached(f"menu.{site.pk}", lambda: _menu_pages(site, request), request=request)
    current_path = getattr(context.get("page"), "path", "")
    return Menu(
        {
            "title": title,
            "url": url,
            "active": bool(current_path) and current_path.startswith(path),
            "current": current_path == path,
            "service": service,
        }
        for title, url, path, service in pages
    )
