"""The regions demo: the six model regions and the initiatives directory."""

import pytest

from cms.core.demo import load_all
from cms.core.models import GoodPracticeCriterion
from regions.models import InitiativePage, RegionPage


@pytest.fixture
def demo(db):
    return load_all()


def test_model_regions_are_linked_to_their_initiatives(demo):
    regions = RegionPage.objects.live().select_related("initiative")
    assert sorted(region.title for region in regions) == [
        "Baden-Württemberg",
        "Frankfurt am Main",
        "Krefeld",
        "Nord-Westfalen",
        "Rhein-Mosel",
        "Thüringen",
    ]
    for region in regions:
        assert region.initiative is not None and region.initiative.live
        assert region.has_location
        assert region.partners.exists()
    assert RegionPage.objects.get(slug="rhein-mosel").initiative.title == (
        "Sozialpartnerinitiative thyssenkrupp Rasselstein GmbH"
    )


def test_initiatives_include_cologne_and_good_practice(demo):
    cologne = InitiativePage.objects.get(slug="industrie-koeln")
    north = InitiativePage.objects.get(slug="industrie-nord-westfalen")
    assert cologne.city == "Köln" and cologne.federal_state == "NW"
    assert cologne.title != north.title
    assert InitiativePage.objects.filter(title="Branchenforum Industrie Köln").exists()
    good = set(InitiativePage.objects.filter(is_good_practice=True).values_list("slug", flat=True))
    assert good == {"industrie-koeln", "branchenforum-industrie-koeln", "industriedialog-baden-wuerttemberg"}
    assert cologne.good_practice_criteria.count() >= 3
    assert GoodPracticeCriterion.objects.count() >= 4
