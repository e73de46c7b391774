"""Editors create an organisation or a person from inside the chooser of the page they edit,
without leaving the form (before, the chooser only listed existing ones)."""

import json

import pytest
from django.urls import reverse

from cms.core.models import Organisation, Person
from tests.factories.core import OrganisationFactory


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "geheim"))
    return client


def test_the_organisation_chooser_offers_a_creation_form(admin_client, db):
    response = admin_client.get(reverse("wagtailsnippetchoosers_core_organisation:choose"))
    html = json.loads(response.content)["html"]
    assert "Neu anlegen" in html and "Neue Organisation anlegen" in html
    assert 'name="name"' in html and 'name="kind"' in html


def test_an_organisation_created_in_the_chooser_is_chosen(admin_client, db):
    response = admin_client.post(
        reverse("wagtailsnippetchoosers_core_organisation:create"),
        {"name": "Zinnoberwerk GmbH", "short_name": "", "kind": Organisation.Kind.values[0], "city": "Köln"},
    )
    data = json.loads(response.content)
    organisation = Organisation.objects.get(name="Zinnoberwerk GmbH")
    assert data["step"] == "chosen"
    assert str(data["result"]["id"]) == str(organisation.pk)
    assert data["result"]["string"] == "Zinnoberwerk GmbH"


def test_an_invalid_organisation_shows_the_form_again(admin_client, db):
    response = admin_client.post(reverse("wagtailsnippetchoosers_core_organisation:create"), {"name": ""})
    data = json.loads(response.content)
    assert data["step"] != "chosen"
    assert not Organisation.objects.exists()


def test_a_person_created_in_the_chooser_is_chosen(admin_client, db):
    organisation = OrganisationFactory(name="IHK Köln")
    html = json.loads(admin_client.get(reverse("wagtailsnippetchoosers_core_person:choose")).content)["html"]
    assert "Neue Person anlegen" in html
    assert f'<option value="{organisation.pk}">IHK Köln</option>' in html
    response = admin_client.post(
        reverse("wagtailsnippetchoosers_core_person:create"),
        {"first_name": "Erika", "last_name": "Muster", "organisation": organisation.pk, "role": "Referentin"},
    )
    assert json.loads(response.content)["step"] == "chosen"
    assert Person.objects.get(last_name="Muster").organisation == organisation
