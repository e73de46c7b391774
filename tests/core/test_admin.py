"""The Wagtail admin: German, and the shared-content snippet lists work for editors."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories.core import (
    ContactFactory,
    GoodPracticeCriterionFactory,
    OrganisationFactory,
    PersonFactory,
)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "geheim")
    client.force_login(user)
    return client


def test_admin_is_german(admin_client, home_page):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    html = response.content.decode()
    assert "Seiten" in html and "Dokumente" in html and "Bilder" in html
    assert "Verzeichnisse" in html  # the snippet group's menu label


def test_login_page_is_german(client, db):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Anmelden" in html


@pytest.mark.parametrize(
    ("model_name", "make", "expected", "term"),
    [
        (
            "organisation",
            lambda: OrganisationFactory(name="Handwerkskammer Köln", city="Köln"),
            "Köln",
            "handw",
        ),
        ("person", lambda: PersonFactory(first_name="Anna", last_name="Schmidt"), "Anna Schmidt", "Schmi"),
        (
            "contact",
            lambda: ContactFactory(label="Regionale Dialoge", name="Erika Muster"),
            "Erika Muster",
            "Regio",
        ),
        (
            "goodpracticecriterion",
            lambda: GoodPracticeCriterionFactory(name="Breite Beteiligung"),
            "Breite",
            None,
        ),
    ],
)
def test_snippet_lists_load_and_search(admin_client, model_name, make, expected, term):
    make()
    OrganisationFactory(name="Andere Organisation")
    url = reverse(f"wagtailsnippets_core_{model_name}:list")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()
    if term:
        found = admin_client.get(url, {"q": term})
        assert found.status_code == 200
        assert expected in found.content.decode()
        missing = admin_client.get(url, {"q": "gibtesnicht"})
        assert missing.status_code == 200
        assert expected not in missing.content.decode()


def test_snippet_list_filters_do_not_break(admin_client):
    OrganisationFactory(name="IG Metall", kind="union", federal_state="NW")
    url = reverse("wagtailsnippets_core_organisation:list")
    response = admin_client.get(url, {"kind": "union", "federal_state": "NW"})
    assert response.status_code == 200
    assert "IG Metall" in response.content.decode()
    assert "Gewerkschaft" in response.content.decode()


def test_person_list_query_count_does_not_grow(admin_client, django_assert_max_num_queries):
    url = reverse("wagtailsnippets_core_person:list")
    for _ in range(3):
        PersonFactory()
    admin_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        admin_client.get(url)
    for _ in range(27):
        PersonFactory()
    with CaptureQueriesContext(connection) as large:
        admin_client.get(url)
    assert len(large) == len(small)


def test_snippet_create_form_has_german_labels(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_core_organisation:add"))
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Kurzname", "Bundesland", "Sitz"):
        assert label in html
