import wagtail_factories

from legal.models import ImpressumPage, OrganisationSettings, PrivacyPage


class ImpressumPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ImpressumPage

    title = "Impressum"
    slug = "impressum"


class PrivacyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PrivacyPage

    title = "Datenschutzerklärung"
    slug = "datenschutz"


def organisation_settings(**fields):
    """The organisation settings with ``fields`` (saved)."""
    settings = OrganisationSettings.load()
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings
