"""What search engines and social media read from a page: description, share image, schema.org data.

A page type can contribute:

* ``share_image`` – an image (attribute or property) used for OpenGraph/Twitter as a rendition;
  pages without one share the site's default image ``static/img/share.png``;
* ``structured_data(request, image_url)`` – a schema.org dict (e.g. a ``NewsArticle``), rendered as
  JSON-LD next to the organisation data of the site root.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from cms.core import organisation

SHARE_RENDITION = "fill-1200x630"
DEFAULT_SHARE_IMAGE = "img/share.png"
# "description": an event's text (Lighthouse: an event page without a meta description lost SEO points).
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "teaser", "recommendation", "description")


# Characters that must not appear literally inside <script> (same as Django's json_script).
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def page_description(page, length=300):
    """A plain-text description of ``page``: its search description, else its summary or intro."""
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if value:
            text = " ".join(strip_tags(str(value)).split())
            return Truncator(text).chars(length)
    return ""


def absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def share_image(page, request):
    """``{"url", "width", "height", "alt"}`` of the image to share ``page`` with."""
    image = getattr(page, "share_image", None)
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
        return {
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(image, "alt_text", "") or image.title,
        }
    return {
        "url": absolute(request, static(DEFAULT_SHARE_IMAGE)),
        "width": 1200,
        "height": 630,
        "alt": f"Logo: {settings.WAGTAIL_SITE_NAME}",
    }


def organisation_data(request, root_url):
    """schema.org ``Organization`` from the organisation settings (``cms.core.organisation``)."""
    org = organisation.current(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org.full_name,
        "alternateName": org.name,
        "email": org.email,
        "telephone": org.phone,
        "description": org.description,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": org.street,
            "postalCode": org.postcode,
            "addressLocality": org.city,
            "addressCountry": org.country,
        },
        "sameAs": list(org.social_links),
        "url": root_url,
        "logo": absolute(request, static(DEFAULT_SHARE_IMAGE)),
    }
    data["address"] = {key: value for key, value in data["address"].items() if value}
    return {key: value for key, value in data.items() if value and value != {"@type": "PostalAddress"}}


def publisher(request, root_url):
    return {
        "@type": "Organization",
        "name": organisation.current(request).full_name,
        "url": root_url,
        "logo": {"@type": "ImageObject", "url": absolute(request, static(DEFAULT_SHARE_IMAGE))},
    }


def json_ld(data):
    """``data`` as a ``<script type="application/ld+json">`` element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
