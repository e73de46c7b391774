"""The partner's personal link (events/selfservice.py): status, correction back into review, cancel;
tampered, expired and reused links get a German page, never an error."""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.urls import reverse
from wagtail.models import WorkflowState

from events import selfservice
from events.models import EventPage, EventSubmission
from tests.factories.legal import PrivacyPageFactory, organisation_settings
from tests.support.forms import event_data

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/meine-veranstaltung/[^/\s]+/)")


def partner_mails():
    return [message for message in mail.outbox if message.to == ["erika@example.org"]]


def link_from(message):
    return LINK.search(message.body).group(1)


@pytest.fixture
def reported(client, url):
    """A report through the public form: (submission, the link path from its confirmation mail)."""
    assert client.post(url, event_data()).status_code == 302
    [confirmation] = partner_mails()
    return EventSubmission.objects.select_related("page").get(), link_from(confirmation)


def in_progress(page):
    return WorkflowState.objects.for_instance(page).filter(status=WorkflowState.STATUS_IN_PROGRESS)


def correction(**changes):
    data = event_data(**changes)
    for name in ("submitter_name", "submitter_email", "submitter_phone", "consent"):
        data.pop(name)
    return data


def test_confirmation_mail_carries_a_link_that_shows_the_status(client, reported):
    submission, link = reported
    [confirmation] = partner_mails()
    assert "persönlichen Link" in confirmation.body and "120 Tage" in confirmation.body
    response = client.get(link)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert "In Prüfung durch die Redaktion" in soup.select_one(".status").text
    assert "Blick hinter die Werkstore" in soup.text
    assert soup.find("a", string="Angaben korrigieren")["href"] == link + "aendern/"
    assert soup.find("a", string="Veranstaltung absagen")["href"] == link + "absagen/"


def test_correction_goes_back_into_review_and_renews_the_link(client, reported):
    submission, link = reported
    page = submission.page
    first_state = in_progress(page).get()
    form = client.get(link + "aendern/")
    assert form.status_code == 200
    assert 'value="Blick hinter die Werkstore"' in form.content.decode()
    assert "submitter_email" not in form.content.decode()
    mail.outbox.clear()

    response = client.post(
        link + "aendern/", correction(title="Blick hinter die Werkstore – neu", city="Bonn")
    )
    assert response.status_code == 302

    page.refresh_from_db()
    assert page.title == "Blick hinter die Werkstore"  # the page itself changes only on approval
    latest = page.get_latest_revision_as_object()
    assert (latest.title, latest.city) == ("Blick hinter die Werkstore – neu", "Bonn")
    first_state.refresh_from_db()
    assert first_state.status == WorkflowState.STATUS_CANCELLED
    state = in_progress(page).get()
    assert state.current_task_state.revision_id == page.latest_revision_id

    [confirmation] = partner_mails()
    assert "Ihre Änderung" in confirmation.subject
    new_link = link_from(confirmation)
    assert new_link != link and response.url == new_link
    assert "Änderung ist gespeichert" in client.get(new_link).content.decode()
    team = [message for message in mail.outbox if message.to != ["erika@example.org"]]
    assert team and "geändert" in team[0].subject

    reused = client.get(link)
    assert reused.status_code == 410
    assert "Dieser Link wurde schon verwendet" in reused.content.decode()
    assert client.post(link + "aendern/", correction()).status_code == 410


def test_correction_of_a_live_event_keeps_it_online_until_approved(client, reported, django_user_model):
    submission, link = reported
    page = submission.page
    for state in in_progress(page):
        state.cancel(user=None)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.live
    assert "Veröffentlicht" in client.get(link).content.decode()

    client.post(link + "aendern/", correction(title="Geänderter Titel"))
    page.refresh_from_db()
    assert page.live and page.title == "Blick hinter die Werkstore" and page.has_unpublished_changes
    assert in_progress(page).exists()
    assert client.get(page.url).status_code == 200


def test_invalid_correction_shows_the_errors_and_keeps_the_link(client, reported):
    submission, link = reported
    response = client.post(link + "aendern/", correction(title="", postcode="12"))
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()
    assert client.get(link).status_code == 200
    assert EventPage.objects.get().get_latest_revision_as_object().title == "Blick hinter die Werkstore"


def test_cancel_asks_then_unpublishes_and_stops_the_review(client, reported):
    submission, link = reported
    page = submission.page
    for state in in_progress(page):
        state.cancel(user=None)
    page.get_latest_revision().publish()
    workflow = page.get_workflow()
    workflow.start(page, user=None)

    ask = client.get(link + "absagen/")
    assert ask.status_code == 200 and "Ja, Veranstaltung absagen" in ask.content.decode()
    page.refresh_from_db()
    assert page.live  # asking changes nothing

    done = client.post(link + "absagen/")
    assert done.status_code == 200
    assert "Ihre Veranstaltung ist abgesagt" in done.content.decode()
    page.refresh_from_db()
    submission.refresh_from_db()
    assert not page.live and submission.cancelled_at is not None
    assert not in_progress(page).exists()
    assert client.get(page.url).status_code == 404
    assert client.get(link).status_code == 410
    assert client.post(link + "absagen/").status_code == 410


def test_tampered_link_gets_a_german_page(client, reported):
    _submission, link = reported
    token = link.split("/")[2]
    other = token[:-1] + ("A" if token[-1] != "A" else "B")
    organisation_settings(email="kontakt@n3tzwerk.example")
    response = client.get(reverse("event_self_service", args=[other]))
    assert response.status_code == 400
    assert "Dieser Link ist ungültig" in response.content.decode()
    # The address to write to is the organisation's (Issue 17), not a hard-coded one.
    assert 'href="mailto:kontakt@n3tzwerk.example"' in response.content.decode()


def test_a_link_for_another_report_id_is_refused(client, reported):
    submission, _link = reported
    forged = signing.TimestampSigner(salt="something else").sign_object(
        {"s": submission.pk, "n": str(submission.access_nonce)}
    )
    assert client.get(reverse("event_self_service", args=[forged])).status_code == 400
    unknown = signing.TimestampSigner(salt=selfservice.SALT).sign_object({"s": 99999, "n": "x"})
    assert client.get(reverse("event_self_service", args=[unknown])).status_code == 400
    wrong_shape = signing.TimestampSigner(salt=selfservice.SALT).sign_object(["not", "a", "dict"])
    assert client.get(reverse("event_self_service", args=[wrong_shape])).status_code == 400


def test_expired_link_gets_a_german_page(client, reported, monkeypatch):
    submission, _link = reported
    long_ago = int(time.time()) - selfservice.max_age() - 60
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(long_ago))
    old = selfservice.link_path(submission)
    monkeypatch.undo()
    response = client.get(old)
    assert response.status_code == 410
    assert "Dieser Link ist abgelaufen" in response.content.decode()
    assert client.post(old + "absagen/").status_code == 410
    submission.page.refresh_from_db()
    assert submission.page.get_latest_revision() is not None


def test_cancelled_reports_leave_the_dashboard_count_and_are_marked(client, reported, django_user_model):
    from events.wagtail_hooks import EventSubmissionAdmin, unreviewed_submissions

    submission, link = reported
    assert unreviewed_submissions(None) == 1
    client.post(link + "absagen/")
    submission.refresh_from_db()
    assert unreviewed_submissions(None) == 0
    assert EventSubmissionAdmin.status(submission) == "abgesagt"


def test_status_page_queries_are_bounded(client, reported):
    from tests.support.queries import query_count

    _submission, link = reported
    assert query_count(client, link) <= 25


def test_correction_form_has_the_privacy_notice_before_its_button(client, reported, home_page):
    """Issue 17 at the partner's form too: the notice with the link to the privacy page."""
    PrivacyPageFactory(parent=home_page)
    _submission, link = reported
    form = BeautifulSoup(client.get(link + "aendern/").content, "html.parser").find("form", method="post")
    notice = form.find(class_="form-privacy")
    assert notice is not None and notice.find("a")["href"] == "/datenschutz/"
    assert notice.find_next("button") == form.find("button", type="submit")
    assert form.select("fieldset.submission-form__group")  # the shared fields of the report
