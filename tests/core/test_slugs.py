"""New pages get ASCII slugs with the German transliteration (ü → ue); old umlaut slugs are renamed
and redirect (cms/core/slugs.py, core/0002)."""

import importlib
import json

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.core.slugs import GermanSlugField, german_slugify
from home.models import StandardPage
from tests.factories.home import StandardPageFactory

migration = importlib.import_module("cms.core.migrations.0002_ascii_page_slugs_with_redirects")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "geheim"))
    return client


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("4. Treffen Regionale Industriebündnisse", "4-treffen-regionale-industriebuendnisse"),
        ("Größe & Maß", "groesse-mass"),
        ("Ökologie über Übermorgen", "oekologie-ueber-uebermorgen"),
        ("Café Crème", "cafe-creme"),
        ("Straße", "strasse"),
    ],
)
def test_german_slugify(title, slug):
    assert german_slugify(title) == slug


def test_slug_field_transliterates_what_an_editor_types():
    field = GermanSlugField()
    assert field.clean("industriebündnisse") == "industriebuendnisse"
    assert field.clean("treffen") == "treffen"


def _page_form_data(client, url):
    """The add form's fields as the browser would send them (StreamFields empty, as in
    tests/support/pages.py)."""
    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in StandardPage._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(nested_form_data({field.name: streamfield([])}))
    return data, BeautifulSoup(html, "html.parser")


def test_the_admin_slug_widget_spells_out_umlauts(admin_client, home_page):
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])
    _data, soup = _page_form_data(admin_client, url)
    widget = soup.find("input", attrs={"name": "slug"})
    # A false boolean attribute is left out: the controller's default, no Unicode.
    assert widget.get("data-w-slug-allow-unicode-value") in (None, "False", "false")
    formatters = json.loads(widget["data-w-slug-formatters-value"])
    replacements = {pattern[0]: replacement for pattern, replacement in formatters}
    assert (replacements["ü"], replacements["ß"], replacements["Ä"]) == ("ue", "ss", "Ae")


@pytest.mark.parametrize("typed", ["", "regionale-industriebündnisse"])
def test_new_page_gets_an_ascii_slug(admin_client, home_page, typed):
    """Without JavaScript the slug is empty or what the editor typed; before: „industriebundnisse“
    (empty, Wagtail's slugify) or a form error („ü“ is no valid slug)."""
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])
    data, _soup = _page_form_data(admin_client, url)
    data["title"], data["slug"], data["intro"] = "Regionale Industriebündnisse", typed, "Eine Seite."
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(title="Regionale Industriebündnisse")
    assert page.slug == "regionale-industriebuendnisse"


def test_old_umlaut_slugs_are_renamed_and_redirect(client, home_page):
    parent = StandardPageFactory(parent=home_page, title="Bündnisse", slug="buendnisse-alt")
    child = StandardPageFactory(parent=parent, title="Über uns", slug="ueber")
    # As made before WAGTAIL_ALLOW_UNICODE_SLUGS=False (the model's validation would refuse it now).
    Page.objects.filter(pk=parent.pk).update(slug="bündnisse", url_path=f"{home_page.url_path}bündnisse/")
    Page.objects.filter(pk=child.pk).update(url_path=f"{home_page.url_path}bündnisse/ueber/")
    parent.refresh_from_db()
    parent.save_revision().publish()
    Page.objects.filter(pk=parent.pk).update(slug="bündnisse", url_path=f"{home_page.url_path}bündnisse/")

    migration.rename_slugs(apps, None)

    parent.refresh_from_db()
    child.refresh_from_db()
    assert parent.slug == "buendnisse"
    assert parent.url == "/buendnisse/"
    assert child.url == "/buendnisse/ueber/"
    assert parent.get_latest_revision().content["slug"] == "buendnisse"
    assert Redirect.objects.get(old_path="/bündnisse").redirect_page_id == parent.pk
    assert Redirect.objects.get(old_path="/bündnisse/ueber").redirect_page_id == child.pk
    for old, new in [("/b%C3%BCndnisse/", "/buendnisse/"), ("/b%C3%BCndnisse/ueber/", "/buendnisse/ueber/")]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
    assert client.get("/buendnisse/").status_code == 200
