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


def test_a_new_report_saved_as_draft_with_an_incomplete_speaker_row(admin_client, home_page):
    """Creating the page saves its rows to the database: the empty person must be allowed there."""
    from wagtail.fields import StreamField
    from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

    from meetings.models import MeetingPage, MeetingSpeaker

    index = MeetingIndexPageFactory(parent=home_page)
    url = reverse("wagtailadmin_pages:add", args=["meetings", "meetingpage", index.pk])
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    for field in MeetingPage._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(nested_form_data({field.name: streamfield([])}))
    data = _with_empty_speaker_row(data)
    data["title"], data["slug"], data["date"] = "5. Treffen", "5-treffen", "2018-05-04"
    response = admin_client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content.decode()[:1000]
    page = MeetingPage.objects.get(slug="5-treffen")
    assert not page.live
    assert list(MeetingSpeaker.objects.filter(page=page).values_list("person", "talk_title")) == [
        (None, "Zur Lage")
    ]
