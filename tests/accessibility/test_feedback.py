"""The feedback form of the accessibility statement: stored, mailed to the editors, German errors."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import override_settings

from accessibility.models import AccessibilityFeedback
from tests.factories.accessibility import AccessibilityStatementPageFactory
from tests.factories.core import ContactFactory
from tests.support.forms import token_of

VALID = {
    "name": "Erika Muster",
    "email": "erika@example.org",
    "page_url": "/woche-der-industrie/karte/",
    "message": "Die Karte lässt sich mit dem Bildschirmleser nicht bedienen.",
    "website": "",
}


@pytest.fixture
def statement(home_page):
    return AccessibilityStatementPageFactory(
        parent=home_page, contact=ContactFactory(label="Barrierefreiheit", email="barrieren@example.org")
    )


@pytest.fixture
def editor(db):
    user = User.objects.create_user("redakteurin", "redaktion@example.org", "geheim-und-lang")
    user.groups.add(Group.objects.get_or_create(name="Redaktion")[0])
    return user


def test_feedback_is_stored_and_mailed_to_contact_and_editors(client, statement, editor):
    response = client.post(statement.url, VALID)
    assert response.status_code == 302
    assert response.url == statement.url + "danke/"
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.page_id == statement.pk
    assert (feedback.name, feedback.email) == (VALID["name"], VALID["email"])
    assert feedback.message == VALID["message"]
    assert feedback.page_url == VALID["page_url"]
    assert not feedback.done
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Rückmeldung zur Barrierefreiheit"
    assert sorted(message.to) == ["barrieren@example.org", "redaktion@example.org"]
    assert VALID["message"] in message.body
    assert "erika@example.org" in message.body


def test_inactive_editors_get_no_mail(client, statement, editor):
    editor.is_active = False
    editor.save()
    client.post(statement.url, VALID)
    assert mail.outbox[0].to == ["barrieren@example.org"]


def test_thanks_page(client, statement):
    response = client.get(statement.url + "danke/")
    assert response.status_code == 200
    assert "Danke für Ihre Rückmeldung" in response.content.decode()


def test_missing_description_is_refused_in_german(client, statement):
    response = client.post(statement.url, {**VALID, "message": "  "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte beschreiben Sie die Barriere." in html
    assert "<title>Fehler: " in html
    assert 'role="alert"' in html
    assert AccessibilityFeedback.objects.count() == 0
    assert mail.outbox == []


def test_invalid_email_is_refused_in_german(client, statement):
    response = client.post(statement.url, {**VALID, "email": "erika@"})
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 0


def test_name_and_email_are_optional(client, statement):
    response = client.post(statement.url, {**VALID, "name": "", "email": ""})
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.get().email == ""


def test_honeypot_stores_and_sends_nothing(client, statement):
    response = client.post(statement.url, {**VALID, "website": "https://spam.example"})
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 0
    assert mail.outbox == []


def test_a_failing_mail_server_loses_no_feedback(client, statement, settings):
    settings.EMAIL_BACKEND = "tests.accessibility.test_feedback.BrokenBackend"
    response = client.post(statement.url, VALID)
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_double_click_stores_and_mails_the_feedback_once(client, statement):
    data = {**VALID, "submission_token": token_of(client.get(statement.url))}

    responses = [client.post(statement.url, data) for _ in range(2)]

    assert [response.status_code for response in responses] == [302, 302]
    assert AccessibilityFeedback.objects.count() == 1
    assert len(mail.outbox) == 1


@override_settings(FORM_RATE_LIMIT="2/h")
def test_feedback_is_rate_limited_per_client_and_keeps_the_input(client, statement):
    for number in range(2):
        client.post(statement.url, {**VALID, "message": f"Barriere {number}"})

    response = client.post(statement.url, {**VALID, "message": "Die Tabelle hat keine Überschriften."})

    assert response.status_code == 429
    assert AccessibilityFeedback.objects.count() == 2
    page = BeautifulSoup(response.content, "html.parser")
    assert "zu viele Einsendungen" in page.get_text()
    assert (
        page.find("textarea", {"name": "message"}).get_text().strip()
        == "Die Tabelle hat keine Überschriften."
    )
    assert page.find("input", {"name": "email"})["value"] == VALID["email"]
