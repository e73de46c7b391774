"""The provider of ``cms.core.organisation``: the organisation settings and the legal pages' addresses.

Every page shows them (footer), so they come from the content cache (``cms.caching.content``) and are
renewed when the settings or any page change (``PAGE_CACHE_INVALIDATING_MODELS``, page signals).
"""

from wagtail.models import Page, Site

from cms.caching.content import content_cached
from cms.core.organisation import Organisation
from legal.models import PLACEHOLDER, ImpressumPage, OrganisationSettings, PrivacyPage


def _page_urls(site, request):
    """``{page model: url}`` of the live, public legal pages of ``site`` (one query)."""
    if site is None:
        return {}
    pages = (
        Page.objects.live()
        .public()
        .type(ImpressumPage, PrivacyPage)
        .filter(path__startswith=site.root_page.path)
        .select_related("content_type")
        .order_by("path")
    )
    urls = {}
    for page in pages:
        urls.setdefault(page.specific_class, page.get_url(request=request))
    return urls


def _filled(value):
    """A placeholder is for the Impressum, where editors see it; footer, JSON-LD and mails leave it out."""
    return "" if PLACEHOLDER in value else value


def build(site=None, request=None):
    """The ``Organisation`` of ``site`` (the default site without one)."""
    settings = OrganisationSettings.current()
    urls = _page_urls(site, request)
    return Organisation(
        name=settings.name,
        legal_form=settings.legal_form,
        email=_filled(settings.email),
        street=_filled(settings.street),
        postcode=_filled(settings.postcode),
        city=_filled(settings.city),
        phone=_filled(settings.phone),
        description=settings.description,
        social_links=tuple(settings.social_link_list),
        impressum_url=urls.get(ImpressumPage, ""),
        privacy_url=urls.get(PrivacyPage, ""),
    )


def organisation_data(request=None):
    """``cms.core.organisation``'s hook: per site, from the content cache, built once per request."""
    cached = getattr(request, "_organisation", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    key = f"organisation.{site.pk if site else 0}"
    organisation = content_cached(key, lambda: build(site, request), request)
    if request is not None:
        request._organisation = organisation
    return organisation
