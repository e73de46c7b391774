"""Autosave with a new, still incomplete inline row, for every InlinePanel of our page types (Issue 20).

Wagtail autosaves a draft with a JSON request to the edit view ("save" action) and defers required
fields meanwhile – except a required foreign key that the database cannot store empty (Wagtail's
``required_on_save``): an editor who had added a partner, presentation or download row and not yet
chosen its organisation or file got a silent HTTP 400. The inline panels are found in the page
types' edit handlers, so a new one is checked without touching this test. The row gets a text in
each of its text fields (so it counts as changed) and nothing in its choosers.
"""

import json

import pytest
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import get_page_models

from tests.factories import page_factories
from tests.support.pages import edit_form_data

PROJECT_APPS = {"home", "regions", "meetings", "news", "events", "materials", "accessibility", "legal"}
FACTORIES = page_factories()


def _walk(panel, kind):
    if isinstance(panel, kind):
        yield panel
    for child in getattr(panel, "children", []):
        yield from _walk(child, kind)


def inline_panels():
    found = []
    for model in get_page_models():
        if model._meta.app_label in PROJECT_APPS:
            for panel in _walk(model.get_edit_handler(), InlinePanel):
                found.append(
                    pytest.param(model, panel.relation_name, id=f"{model.__name__}.{panel.relation_name}")
                )
    return found


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "geheim"))
    return client


def _page_of(model, home_page):
    if isinstance(home_page, model):
        return home_page
    assert model in FACTORIES, f"no factory for {model.__name__} in tests/factories"
    page = FACTORIES[model](parent=home_page)
    page.save_revision().publish()
    return page


def _with_incomplete_row(data, model, relation_name):
    """``data`` plus one new row of ``relation_name``: text in its text fields, its choosers empty."""
    panel = next(p for p in _walk(model.get_edit_handler(), InlinePanel) if p.relation_name == relation_name)
    child_model = panel.db_field.related_model
    data = data.copy()
    index = int(data[f"{relation_name}-TOTAL_FORMS"])
    data[f"{relation_name}-TOTAL_FORMS"] = str(index + 1)
    prefix = f"{relation_name}-{index}"
    empty_choosers = []
    for field_panel in _walk(panel.child_edit_handler, FieldPanel):
        field = child_model._meta.get_field(field_panel.field_name)
        if field.is_relation:
            value = ""
            if not field.blank:
                empty_choosers.append(field.name)
        elif field.choices:
            value = field.choices[0][0]
        elif isinstance(field, models.CharField | models.TextField):
            value = "Entwurf"[: field.max_length]
        else:
            value = ""
        data[f"{prefix}-{field.name}"] = value
    data[f"{prefix}-id"] = ""
    data[f"{prefix}-ORDER"] = str(index + 1)
    return data, empty_choosers


def test_the_panels_are_found():
    ids = {param.id for param in inline_panels()}
    assert {"MeetingPage.speakers", "MeetingPage.presentations", "RegionPage.partners"} <= ids


@pytest.mark.parametrize(("model", "relation_name"), inline_panels())
def test_autosave_with_an_incomplete_new_row(admin_client, home_page, model, relation_name):
    page = _page_of(model, home_page)
    data, _empty = _with_incomplete_row(edit_form_data(admin_client, page), model, relation_name)
    data["title"] = "Entwurf in Arbeit"
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200, response.content.decode()[:1500]
    assert json.loads(response.content)["success"] is True
    draft = type(page).objects.get(pk=page.pk).get_latest_revision().as_object()
    assert draft.title == "Entwurf in Arbeit"
    assert len(getattr(draft, relation_name).all()) == len(getattr(page, relation_name).all()) + 1


@pytest.mark.parametrize(("model", "relation_name"), inline_panels())
def test_publishing_still_needs_the_choosers(admin_client, home_page, model, relation_name):
    page = _page_of(model, home_page)
    data, empty_choosers = _with_incomplete_row(edit_form_data(admin_client, page), model, relation_name)
    if not empty_choosers:
        pytest.skip("the row has no required chooser")
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200  # the form again, with the error at the row
    errors = response.context["form"].formsets[relation_name].errors[-1]
    assert set(empty_choosers) <= set(errors)
