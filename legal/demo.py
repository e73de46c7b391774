"""Demo content of the legal app: organisation settings, Impressum and privacy page.

The facts come from the client's texts (name, e-mail, phone, Berlin); what they do not say
(street, register, board, person responsible) is the obvious placeholder ``PLACEHOLDER`` (the
postcode, five digits, stays empty), which the dashboard reports until editors replace it.
Idempotent: settings are filled only while they are still empty, pages are looked up by slug
below the default site's root page.
"""

from wagtail.models import Site

from cms.core.demo import utils
from legal.models import PLACEHOLDER, ImpressumPage, OrganisationSettings, PrivacyPage

ORGANISATION = {
    "name": "N3tzwerk Zukunft der Industrie",
    "legal_form": "e. V.",
    "street": PLACEHOLDER,
    "postcode": "",  # too short a field for the placeholder; empty counts as unfilled too
    "city": "Berlin",
    "email": "info@n3tzwerk.org",
    "phone": "030 516 95 6860",
    "board": f"{PLACEHOLDER} (Vorsitz)\n{PLACEHOLDER} (stellvertretender Vorsitz)",
    "register_court": PLACEHOLDER,
    "register_number": PLACEHOLDER,
    "content_responsible": f"{PLACEHOLDER}\nN3tzwerk Zukunft der Industrie e. V., Anschrift wie oben",
    "privacy_contact": "Geschäftsstelle des N3tzwerks Zukunft der Industrie e. V.\nE-Mail: info@n3tzwerk.org",
    "description": (
        "Bündnis aus Unternehmen, Verbänden, Kammern, Gewerkschaften, Regionen und Politik für den "
        "Dialog über die Zukunft der Industrie in Deutschland."
    ),
}

IMPRESSUM_INTRO = (
    "<p>Diese Website betreibt das N3tzwerk Zukunft der Industrie, ein Bündnis aus Unternehmen, Kammern, "
    "Gewerkschaften, Regionen und Politik.</p>"
)


def load_settings(log):
    settings = OrganisationSettings.current()
    if settings.email:
        return settings  # already filled (by editors or an earlier run)
    for name, value in ORGANISATION.items():
        setattr(settings, name, value)
    settings.save()
    log.created_object(settings)
    return settings


def load(log):
    load_settings(log)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    home = site.root_page
    utils.ensure_child_page(log, home, ImpressumPage, "impressum", title="Impressum", intro=IMPRESSUM_INTRO)
    utils.ensure_child_page(log, home, PrivacyPage, "datenschutz", title="Datenschutzerklärung")
