"""The legal demo content (facts from the seeds, placeholders where they say nothing) and the
dashboard notice that stays until the placeholders are replaced."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.core.demo import load_all
from legal.models import PLACEHOLDER, ImpressumPage, OrganisationSettings, PrivacyPage
from tests.factories.legal import organisation_settings
from tests.support.dashboard import panel_counts

FILLED = {
    "street": "Musterweg 1",
    "postcode": "10117",
    "city": "Berlin",
    "email": "info@n3tzwerk.org",
    "board": "Erika Mustermann (Vorsitzende)",
    "register_court": "Amtsgericht Charlottenburg",
    "register_number": "VR 12345 B",
    "content_responsible": "Erika Mustermann, Musterweg 1, 10117 Berlin",
}


@pytest.fixture
def demo(db):
    return load_all()


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("freigabe", "f@example.org", "x" * 12)
    user.groups.add(Group.objects.get(name="Freigabe"))
    return user


def test_demo_fills_the_facts_of_the_seeds_and_placeholders_for_the_rest(demo):
    settings = OrganisationSettings.load()
    assert settings.full_name == "N3tzwerk Zukunft der Industrie e. V."
    assert (settings.email, settings.phone, settings.city) == (
        "info@n3tzwerk.org",
        "030 516 95 6860",
        "Berlin",
    )
    assert PLACEHOLDER in settings.register_number and PLACEHOLDER in settings.board
    # Regression: the placeholder did not fit the postcode's 10 characters (PostgreSQL refused it).
    settings.full_clean()
    assert set(settings.unfilled()) == {
        "Straße und Hausnummer",
        "Postleitzahl",
        "Vorstand",
        "Registergericht",
        "Registernummer",
        "Verantwortlich für den Inhalt",
    }
    impressum, privacy = ImpressumPage.objects.get(), PrivacyPage.objects.get()
    assert impressum.live and privacy.live
    assert (impressum.url, privacy.url) == ("/impressum/", "/datenschutz/")


def test_demo_is_idempotent_and_keeps_what_editors_changed(demo):
    organisation_settings(register_number="VR 999 B")
    assert load_all().created == []
    assert OrganisationSettings.load().register_number == "VR 999 B"
    assert ImpressumPage.objects.count() == PrivacyPage.objects.count() == 1


def test_dashboard_notice_until_the_placeholders_are_replaced(client, demo, reviewer):
    assert panel_counts(client, reviewer)["legal_placeholders"] == 6
    organisation_settings(**FILLED)
    assert "legal_placeholders" not in panel_counts(client, reviewer)


def test_the_notice_links_to_the_settings(client, demo, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailsettings:edit", args=["legal", "organisationsettings"]) in html
    assert "Angaben für das Impressum fehlen noch" in html


def test_editors_without_the_settings_permission_see_no_notice(client, demo, django_user_model):
    editor = django_user_model.objects.create_user("redaktion", "r@example.org", "x" * 12)
    editor.groups.add(Group.objects.get(name="Redaktion"))
    assert "legal_placeholders" not in panel_counts(client, editor)
