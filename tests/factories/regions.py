import factory
import wagtail_factories

from cms.core.constants import FederalState
from regions.models import InitiativeIndexPage, InitiativePage, RegionIndexPage, RegionPage, RegionPartner
from tests.factories.core import OrganisationFactory


class RegionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegionIndexPage

    title = "Modellregionen"
    slug = "regionen"


class InitiativeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InitiativeIndexPage

    title = "Initiativen"
    slug = "initiativen"


class InitiativePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InitiativePage

    title = factory.Sequence(lambda n: f"Industrieinitiative {n}")
    federal_state = FederalState.NW
    kind = InitiativePage.Kind.INITIATIVE
    summary = "Eine regionale Initiative für die Industrie."


class RegionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegionPage

    title = factory.Sequence(lambda n: f"Region {n}")
    federal_state = FederalState.BW
    summary = "Eine Modellregion."
    latitude = "48.77845"
    longitude = "9.18001"


class RegionPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionPartner

    page = factory.SubFactory(RegionPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
