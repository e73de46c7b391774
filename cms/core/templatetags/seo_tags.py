from django import template
from wagtail.models import Site

from cms.core import seo

register = template.Library()


@register.inclusion_tag("core/includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Description, canonical link, OpenGraph/Twitter tags and JSON-LD of the current page."""
    request = context.get("request")
    page = context.get("page")
    if page is None or request is None or not getattr(page, "pk", None):
        return {"page": None}
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    image = seo.share_image(page, request)
    structured = []
    if site and page.pk == site.root_page_id:
        structured.append(seo.organisation_data(request, root_url + "/"))
    if hasattr(page, "structured_data"):
        structured.append(page.structured_data(request, image, seo.publisher(request, root_url + "/")))
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": seo.page_description(page),
        "canonical_url": page.get_full_url(request),
        "og_type": getattr(page, "og_type", "website"),
        "image": image,
        "structured_data": [seo.json_ld(data) for data in structured],
    }
