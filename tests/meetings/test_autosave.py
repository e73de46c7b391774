"""Autosave of a meeting report with a speaker row whose person is not chosen yet.

Wagtail autosaves drafts (a JSON request to the edit view, "save" action). It defers required
fields of a draft – but not a required foreign key of an inline row (the speaker's person), so the
autosave failed with HTTP 400 while an editor had added a row and not chosen the person yet."""

import json

import pytest
from django.urls import reverse

from tests.factories.meetings import MeetingIndexPageFactory, MeetingPageFactory
from tests.support.pages import edit_form_data


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "geheim"))
    return client


@pytest.fixture
def meeting(home_page):
    index = MeetingIndexPageFactory(parent=home_page)
    page = MeetingPageFactory(parent=index)
    page.save_revision().publish()
    return page


def _with_empty_speaker_row(data):
    data = data.copy()
    data["speakers-TOTAL_FORMS"] = "1"
    data["speakers-INITIAL_FORMS"] = "0"
    for name, value in {
        "person": "",
        "organisation": "",
        "role": "",
        "talk_title": "Zur Lage",
        "ORDER": "1",
    }.items():
        data[f"speakers-0-{name}"] = value
    data["speakers-0-id"] = ""
    return data


def test_autosave_with_an_incomplete_speaker_row(admin_client, meeting):
    data = _with_empty_speaker_row(edit_form_data(admin_client, meeting))
    data["title"] = "Bericht, noch in Arbeit"
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk]), data, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200, response.content.decode()[:1000]
    assert json.loads(response.content)["success"] is True
    meeting.refresh_from_db()
    draft = meeting.get_latest_revision().as_object()
    assert draft.title == "Bericht, noch in Arbeit"
    assert [speaker.talk_title for speaker in draft.speakers.all()] == ["Zur Lage"]


def test_publishing_still_needs_the_person(admin_client, meeting):
    data = _with_empty_speaker_row(edit_form_data(admin_client, meeting))
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[meeting.pk]), data)
    assert response.status_code == 200  # the form again, with the error at the row
    assert "speakers-0-person" in response.content.decode()
    assert response.context["form"].formsets["speakers"].errors[0]["person"]
