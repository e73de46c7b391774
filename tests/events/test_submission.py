"""Partners report events through the public form; editors approve them in the workflow."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowPage, WorkflowState

from events.forms import EventSubmissionForm
from events.models import EventPage, EventSubmission
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.support.forms import YEAR, event_data

TZ = timezone.get_default_timezone()


class BrokenEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server down")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", "geheim")


def confirmations():
    return [message for message in mail.outbox if message.to == ["erika@example.org"]]


def assert_nothing_stored():
    assert not EventPage.objects.exists()
    assert not EventSubmission.objects.exists()
    assert not confirmations()


def test_index_page_links_to_the_form(client, index, url):
    html = client.get(index.url).content.decode()
    link = BeautifulSoup(html, "html.parser").find("a", string="Veranstaltung melden")
    assert link["href"] == url


def test_form_renders_with_labels_and_fieldsets(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert [legend.text for legend in soup.select("form legend")] == [
        "Die Veranstaltung",
        "Veranstalter und Ort",
        "Anmeldung und Barrierefreiheit",
        "Ihre Kontaktdaten",
    ]
    for field in soup.select("form input:not([type=hidden]), form select, form textarea"):
        assert soup.find("label", attrs={"for": field["id"]}), field["name"]
    assert soup.find("input", attrs={"name": "start"})["type"] == "datetime-local"
    assert soup.find("input", attrs={"name": "csrfmiddlewaretoken"})


def test_valid_submission_creates_a_draft_in_the_workflow(client, index, url):
    response = client.post(url, event_data())

    assert response.status_code == 302
    assert response.url == index.url + "anmelden/danke/"
    page = EventPage.objects.child_of(index).get()
    assert not page.live
    assert page.has_unpublished_changes
    assert page.get_latest_revision() is not None
    assert page.title == "Blick hinter die Werkstore"
    assert page.start == datetime.datetime(YEAR, 9, 16, 14, 0, tzinfo=TZ)
    assert page.end == datetime.datetime(YEAR, 9, 16, 16, 30, tzinfo=TZ)
    assert (page.kind, page.federal_state, page.postcode) == ("factory_tour", "NW", "50667")
    assert page.registration_required
    assert page.registration_url == "https://www.example.org/anmeldung"

    submission = page.submission
    assert (submission.name, submission.email, submission.phone) == (
        "Erika Muster",
        "erika@example.org",
        "0221 123456",
    )
    assert submission.consent
    assert submission.confirmation_sent_at is not None

    assert page.get_workflow() is not None  # the site's review workflow (cms/roles/migrations/0001)
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by is None

    [confirmation] = confirmations()
    assert "Blick hinter die Werkstore" in confirmation.subject
    assert "Erika Muster" in confirmation.body
    assert "16.09." in confirmation.body


def test_thanks_page(client, index):
    response = client.get(index.url + "anmelden/danke/")
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Meldung" in response.content.decode()


def approve_all_steps(page, user):
    """Approve every task of the page's workflow (the site's review has several steps)."""
    for _step in range(5):
        state = WorkflowState.objects.for_instance(page).filter(status="in_progress").first()
        if state is None:
            return
        state.current_task_state.approve(user=user)
    raise AssertionError("the workflow does not finish")


def test_submission_is_hidden_until_approved(client, index, url, editor):
    client.post(url, event_data())
    page = EventPage.objects.get()
    assert not index.events().exists()
    assert "Blick hinter die Werkstore" not in client.get(index.url).content.decode()
    assert client.get(f"{index.url}{page.slug}/").status_code == 404

    approve_all_steps(page, editor)

    page.refresh_from_db()
    assert page.live
    assert list(index.events()) == [page]
    assert "Blick hinter die Werkstore" in client.get(index.url).content.decode()
    detail = client.get(page.url).content.decode()
    assert "Blick hinter die Werkstore" in detail
    assert "erika@example.org" not in detail and "0221 123456" not in detail


def test_publishing_the_revision_also_shows_the_event(client, index, url, editor):
    client.post(url, event_data())
    page = EventPage.objects.get()
    page.get_latest_revision().publish(user=editor)
    assert "Blick hinter die Werkstore" in client.get(index.url).content.decode()


def test_approval_through_the_admin_workflow_action(client, index, url, editor):
    client.post(url, event_data())
    page = EventPage.objects.get()
    client.force_login(editor)
    steps = 0
    while (
        state := WorkflowState.objects.for_instance(page).filter(status="in_progress").first()
    ) is not None:
        response = client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
            ),
            {"comment": ""},
        )
        assert response.status_code in (200, 302)
        steps += 1
        assert steps <= 5, "the workflow does not finish"
    page.refresh_from_db()
    assert page.live


def test_without_a_workflow_the_draft_waits_for_the_editors(client, url):
    WorkflowPage.objects.all().delete()
    assert client.post(url, event_data()).status_code == 302
    page = EventPage.objects.get()
    assert not page.live
    assert page.get_workflow() is None
    assert not WorkflowState.objects.exists()
    assert len(confirmations()) == 1


def test_german_date_format_is_accepted(client, url):
    response = client.post(url, event_data(start=f"16.09.{YEAR} 14:00", end=f"16.09.{YEAR} 16:00"))
    assert response.status_code == 302
    assert EventPage.objects.get().start == datetime.datetime(YEAR, 9, 16, 14, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Bitte geben Sie den Titel der Veranstaltung an."),
        ({"title": "x" * 256}, "title", "Bitte höchstens 255 Zeichen eingeben (jetzt: 256)."),
        ({"description": "x" * 4001}, "description", "Bitte höchstens 4000 Zeichen eingeben"),
        ({"kind": "party"}, "kind", "Bitte wählen Sie eine Art aus der Liste."),
        ({"kind": ""}, "kind", "Bitte wählen Sie die Art der Veranstaltung."),
        ({"federal_state": "XX"}, "federal_state", "Bitte wählen Sie ein Bundesland aus der Liste."),
        ({"postcode": "5066"}, "postcode", "Bitte eine fünfstellige Postleitzahl angeben"),
        ({"postcode": "ABCDE"}, "postcode", "Bitte eine fünfstellige Postleitzahl angeben"),
        ({"postcode": "506677"}, "postcode", "Bitte eine fünfstellige Postleitzahl angeben"),
        ({"start": ""}, "start", "Bitte geben Sie an, wann die Veranstaltung beginnt."),
        ({"start": f"32.09.{YEAR} 14:00"}, "start", "Bitte Datum und Uhrzeit im Format TT.MM.JJJJ HH:MM"),
        ({"start": "morgen"}, "start", "Bitte Datum und Uhrzeit im Format TT.MM.JJJJ HH:MM"),
        (
            {"start": f"{YEAR}-10-01T10:00", "end": ""},
            "start",
            "Bitte wählen Sie einen Beginn in dieser Woche",
        ),
        ({"end": f"{YEAR}-09-16T13:00"}, "end", "Das Ende darf nicht vor dem Beginn liegen."),
        ({"end": f"{YEAR}-12-16T13:00"}, "end", "Eine Veranstaltung kann höchstens 31 Tage dauern."),
        ({"registration_url": "keine adresse"}, "registration_url", "Bitte eine gültige Internetadresse"),
        ({"submitter_name": ""}, "submitter_name", "Bitte geben Sie Ihren Namen an."),
        ({"submitter_email": ""}, "submitter_email", "Bitte geben Sie Ihre E-Mail-Adresse an."),
        ({"submitter_email": "erika@"}, "submitter_email", "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"submitter_phone": "ruf mich an"}, "submitter_phone", "Bitte nur Ziffern, Leerzeichen"),
        ({"consent": None}, "consent", "Ohne Ihre Einwilligung können wir die Meldung nicht speichern."),
    ],
)
def test_invalid_input_is_reported_in_german_and_nothing_is_stored(client, url, changes, field, message):
    data = event_data(**changes)
    response = client.post(url, data)

    assert response.status_code == 200
    assert_nothing_stored()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.text.startswith("Fehler: ")
    # Next to the field, linked with aria-describedby ...
    error = soup.find(id=f"id_{field}_error")
    assert error is not None and message in error.text
    widget = soup.find(attrs={"name": field})
    assert f"id_{field}_error" in widget["aria-describedby"].split()
    assert widget.get("aria-invalid") == "true"
    # ... and in the summary at the top, linking to the field.
    summary = soup.find(id="form-errors")
    assert summary.find("a", href=f"#id_{field}", string=lambda text: message in text)
    # Nothing typed is lost.
    assert soup.find("input", attrs={"name": "venue"})["value"] == "Werk Köln, Tor 3"
    assert soup.find("textarea", attrs={"name": "accessibility"}).text.strip() == "Stufenlos erreichbar"
    if field != "federal_state":
        selected = soup.find("select", attrs={"name": "federal_state"}).find("option", selected=True)
        assert selected["value"] == "NW"
    if field not in ("consent", "kind", "federal_state") and changes[field]:
        shown = widget.text.strip() if widget.name == "textarea" else widget["value"]
        assert shown == changes[field]


def test_start_in_the_past_is_refused(client, home_page):
    past = EventIndexPageFactory(parent=home_page, year=2017)
    past.week_end = None
    past.week_start = None
    past.save()
    url = past.url + past.reverse_subpage("submit")
    response = client.post(url, event_data(start="20.09.2017 14:00", end=""))
    assert response.status_code == 200
    assert "Der Beginn liegt in der Vergangenheit." in response.content.decode()
    assert_nothing_stored()


def test_start_outside_the_year_without_week_dates(client, home_page):
    index = EventIndexPageFactory(parent=home_page, year=YEAR, week_start=None, week_end=None)
    url = index.url + index.reverse_subpage("submit")
    response = client.post(url, event_data(start=f"01.02.{YEAR + 1} 10:00", end=""))
    assert f"Bitte wählen Sie einen Beginn im Jahr {YEAR}." in response.content.decode()
    assert client.post(url, event_data(start=f"01.02.{YEAR} 10:00", end="")).status_code == 302


def test_honeypot_drops_the_submission_quietly(client, index, url):
    response = client.post(url, event_data(website="https://spam.example.com"))
    assert response.status_code == 302
    assert response.url.endswith("/anmelden/danke/")
    assert_nothing_stored()


def test_honeypot_gets_no_error_messages_either(client, index, url, caplog):
    """A bot learns nothing, also from invalid data: the same redirect, nothing stored."""
    caplog.set_level("INFO", logger="cms.forms")
    response = client.post(url, event_data(title="", website="https://spam.example.com"))
    assert response.status_code == 302
    assert response.url.endswith("/anmelden/danke/")
    assert_nothing_stored()
    assert f"events.submit: Einsendung an {url} mit ausgefülltem Honeypot verworfen" in caplog.text


def test_failing_mail_backend_loses_nothing(client, url, settings, caplog):
    settings.EMAIL_BACKEND = "tests.events.test_submission.BrokenEmailBackend"
    response = client.post(url, event_data())
    assert response.status_code == 302
    submission = EventSubmission.objects.get()
    assert submission.page.title == "Blick hinter die Werkstore"
    assert submission.confirmation_sent_at is None
    assert WorkflowState.objects.for_instance(submission.page).get().status == "in_progress"
    assert "Confirmation mail for event submission" in caplog.text


def test_duplicate_titles_get_their_own_slug(client, index, url):
    EventPageFactory(parent=index, title="Blick hinter die Werkstore", slug="blick-hinter-die-werkstore")
    assert client.post(url, event_data()).status_code == 302
    assert EventPage.objects.filter(submission__isnull=False).get().slug == "blick-hinter-die-werkstore-2"


def test_week_that_is_over_takes_no_submissions(client, home_page):
    index = EventIndexPageFactory(parent=home_page)  # 2017
    url = index.url + index.reverse_subpage("submit")
    assert "Veranstaltung melden</a>" not in client.get(index.url).content.decode()
    html = client.get(url).content.decode()
    assert "können nicht mehr gemeldet werden" in html
    assert '<form class="submission-form"' not in html
    assert client.post(url, event_data()).status_code == 200
    assert_nothing_stored()


def test_editors_see_the_submissions_in_the_admin(client, url, editor):
    client.post(url, event_data())
    submission = EventSubmission.objects.get()
    client.force_login(editor)
    listing = client.get("/admin/events/eventsubmission/").content.decode()
    assert "Blick hinter die Werkstore" in listing and "erika@example.org" in listing
    status = BeautifulSoup(listing, "html.parser").select_one("td.field-status").get_text(strip=True)
    assert status == "In Prüfung"  # waiting in the review workflow; it said "Entwurf"
    inspect = client.get(f"/admin/events/eventsubmission/inspect/{submission.pk}/")
    assert inspect.status_code == 200 and "0221 123456" in inspect.content.decode()
    assert client.get("/admin/events/eventsubmission/create/").status_code in (302, 403)
    edit = client.get(f"/admin/events/eventsubmission/edit/{submission.pk}/").content.decode()
    assert 'name="email"' in edit and 'name="consent"' not in edit


def test_line_breaks_only_survive_in_text_areas(client, url):
    data = event_data(title="Blick hinter\r\n die Werkstore", description="Zeile eins\r\nZeile zwei")
    assert client.post(url, data).status_code == 302
    page = EventPage.objects.get()
    assert page.title == "Blick hinter die Werkstore"
    assert page.description == "Zeile eins\nZeile zwei"


def test_form_works_with_csrf_checks(url):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(url, event_data()).status_code == 403
    soup = BeautifulSoup(browser.get(url).content, "html.parser")
    token = soup.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert browser.post(url, event_data(csrfmiddlewaretoken=token)).status_code == 302
    assert EventSubmission.objects.count() == 1


def test_reported_event_gets_an_approximate_place_and_appears_on_the_map(client, index, url, editor):
    from decimal import Decimal

    from events.geocoding import ZONES, approximate_location

    client.post(url, event_data())
    page = EventPage.objects.get()
    assert (page.latitude, page.longitude) == approximate_location(page.postcode)
    assert Decimal("47") < page.latitude < Decimal("55.1") and Decimal("5.8") < page.longitude < Decimal(
        "15.1"
    )
    approve_all_steps(page, editor)
    response = client.get(index.url + "karte/")
    assert f"{page.title}, {page.city}" in response.content.decode()
    assert all(47 < lat < 55.1 and 5.8 < lon < 15.1 for lat, lon in ZONES.values())


def test_report_form_takes_fields_choices_and_limits_from_the_model(index):
    form = EventSubmissionForm(index=index)
    for name in EventSubmissionForm.Meta.fields:
        model_field = EventPage._meta.get_field(name)
        if model_field.max_length and not model_field.choices:
            assert form.fields[name].max_length == model_field.max_length, name
        if model_field.choices:
            assert [value for value, _label in form.fields[name].choices if value] == [
                value for value, _label in model_field.choices
            ], name
    assert form.fields["street"].label == "Straße und Hausnummer (optional)"
    assert form.fields["organiser_name"].required  # optional in the page editor, not for partners
    assert not set(EventSubmissionForm.Meta.fields) & {"submitter_name", "consent"}


def test_a_report_sent_back_for_changes_is_not_shown_as_in_review(client, url, editor):
    client.post(url, event_data())
    submission = EventSubmission.objects.get()
    # The reviewer asks for changes: the workflow state stays active, but nobody is reviewing.
    WorkflowState.objects.filter(object_id=str(submission.page_id)).update(
        status=WorkflowState.STATUS_NEEDS_CHANGES
    )
    client.force_login(editor)
    listing = client.get("/admin/events/eventsubmission/").content.decode()
    status = BeautifulSoup(listing, "html.parser").select_one("td.field-status").get_text(strip=True)
    assert status == "Entwurf"
