"""Requests of data subjects in the admin: find every record of an address (an order, an event report,
a feedback, a search term), export it as JSON or CSV, erase it; logged; only for the group "Datenschutz"."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.contrib.search_promotions.models import QueryDailyHits
from wagtail.models import ModelLogEntry

from accessibility.models import AccessibilityFeedback
from events.models import EventPage, EventSubmission
from materials.models import Order
from tests.support.personal_data import ADDRESS

URL = reverse("legal_data_request")


@pytest.fixture
def officer(django_user_model):
    """A member of the group "Datenschutz" (created by legal's data migration), not a superuser."""
    user = django_user_model.objects.create_user("datenschutz", "ds@example.org", "x" * 12)
    user.groups.add(Group.objects.get(name="Datenschutz"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktion", "red@example.org", "x" * 12)
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


def post(client, user, action, email=ADDRESS, **extra):
    client.force_login(user)
    return client.post(URL, {"email": email, "action": action, **extra})


def test_search_lists_the_records_of_the_address_only(client, officer, records):
    mine, _others = records
    response = post(client, officer, "find", email=ADDRESS.upper())
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Bestellungen", "Meldungen von Veranstaltungen", "Rückmeldungen zur Barrierefreiheit"):
        assert f"{label} (1)" in html
    assert "Suchbegriffe (1)" in html
    assert "max@example.org" not in html
    assert "Als JSON exportieren" in html and "Löschen bzw. anonymisieren" in html


def test_an_unknown_address_finds_nothing(client, officer, records):
    response = post(client, officer, "find", email="niemand@example.org")
    assert "Zu dieser Adresse gibt es keine Datensätze." in response.content.decode()
    assert "Als JSON exportieren" not in response.content.decode()


def test_json_export_holds_every_record_of_the_address_and_is_logged(client, officer, records):
    mine, _others = records
    response = post(client, officer, "json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="auskunft-')
    assert "no-store" in response["Cache-Control"]
    rows = json.loads(response.content)
    kinds = sorted(row["Art"] for row in rows)
    assert kinds == [
        "Bestellungen",
        "Meldungen von Veranstaltungen",
        "Rückmeldungen zur Barrierefreiheit",
        "Suchbegriffe",
    ]
    order = next(row for row in rows if row["Art"] == "Bestellungen")
    assert order["E-Mail-Adresse"] == ADDRESS and order["Straße und Hausnummer"] == "Industriestraße 12"
    assert order["Materialien"] == "5 × Plakat A1"
    submission = next(row for row in rows if row["Art"] == "Meldungen von Veranstaltungen")
    assert submission["Telefon"] == "0221 123456"
    assert submission["Veranstaltung"] == mine["event_submissions"].page.title
    feedback = next(row for row in rows if row["Art"] == "Rückmeldungen zur Barrierefreiheit")
    assert feedback["Beschreibung der Barriere"] == "Der Kontrast ist zu schwach."
    assert "max@example.org" not in response.content.decode()

    entries = ModelLogEntry.objects.filter(action="legal.export")
    assert entries.count() == 4
    assert {entry.user_id for entry in entries} == {officer.pk}
    assert all(ADDRESS not in entry.label for entry in entries)


def test_csv_export_has_one_line_per_field_and_defuses_formulas(client, officer, records):
    mine, _others = records
    Order.objects.filter(pk=mine["orders"].pk).update(comment="=HYPERLINK(1)")
    response = post(client, officer, "csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Art", "Datensatz", "Feld", "Wert"]
    assert ["Bestellungen", f"Bestellungen #{mine['orders'].pk}", "E-Mail-Adresse", ADDRESS] in rows
    assert ["Bestellungen", f"Bestellungen #{mine['orders'].pk}", "Anmerkung", "'=HYPERLINK(1)"] in rows
    assert ModelLogEntry.objects.filter(action="legal.export").count() == 4


def test_erasure_needs_a_confirmation(client, officer, records):
    response = post(client, officer, "erase")
    assert response.status_code == 200
    assert "Bitte bestätigen Sie das Löschen." in response.content.decode()
    assert Order.objects.filter(email=ADDRESS).exists()


def test_erasure_removes_the_personal_data_of_the_address_only_and_is_logged(client, officer, records):
    mine, others = records
    response = post(client, officer, "erase", confirm="on")
    assert response.status_code == 302

    order = Order.objects.get(pk=mine["orders"].pk)
    assert (order.name, order.email, order.street) == ("", "", "")
    assert order.lines.count() == 1  # the items stay
    submission = EventSubmission.objects.get(pk=mine["event_submissions"].pk)
    assert (submission.name, submission.email, submission.phone) == ("", "", "")
    assert EventPage.objects.filter(pk=submission.page_id).exists()
    assert not AccessibilityFeedback.objects.filter(pk=mine["accessibility_feedback"].pk).exists()
    assert not QueryDailyHits.objects.filter(pk=mine["search_log"].pk).exists()
    # Someone else's records are untouched.
    assert Order.objects.get(pk=others["orders"].pk).email == "max@example.org"
    assert EventSubmission.objects.get(pk=others["event_submissions"].pk).email == "max@example.org"
    assert AccessibilityFeedback.objects.filter(pk=others["accessibility_feedback"].pk).exists()
    assert QueryDailyHits.objects.filter(pk=others["search_log"].pk).exists()

    entries = ModelLogEntry.objects.filter(action="legal.erase")
    assert entries.count() == 4 and {entry.user_id for entry in entries} == {officer.pk}
    assert all(ADDRESS not in entry.label and "Erika" not in entry.label for entry in entries)
    # Nothing left to find.
    assert "Zu dieser Adresse gibt es keine Datensätze." in post(client, officer, "find").content.decode()


@pytest.mark.parametrize("action", ["find", "json", "csv", "erase"])
def test_editors_without_the_permission_may_do_nothing(client, editor, records, action):
    client.force_login(editor)
    assert client.get(URL).status_code in {302, 403}
    response = post(client, editor, action, confirm="on")
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert reverse("wagtailadmin_home") in response.url or "login" in response.url
    assert Order.objects.filter(email=ADDRESS).exists()
    assert not ModelLogEntry.objects.filter(action__startswith="legal.").exists()


def test_anonymous_visitors_are_sent_to_the_login(client, records):
    response = client.post(URL, {"email": ADDRESS, "action": "json"})
    assert response.status_code == 302 and "login" in response.url


def test_the_menu_item_is_shown_to_the_group_only(client, officer, editor):
    client.force_login(officer)
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_permission_can_be_given_to_a_group_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailusers_groups:add"))
    permission = Permission.objects.get(codename="handle_data_requests")
    assert f'value="{permission.pk}"' in response.content.decode()


def test_the_page_names_each_record_and_writes_dates_in_german(client, officer, records):
    html = post(client, officer, "find").content.decode()
    submission = EventSubmission.objects.get(email=ADDRESS)
    assert str(submission) in html  # "Digitale Fertigung live (Erika Muster)"
    assert "Meldungen von Veranstaltungen #" not in html
    assert submission.created_at.isoformat() not in html  # was "2026-12-01T17:22:53.042209+00:00"
    assert date_format(timezone.localtime(submission.created_at), "j. F Y, H:i") in html
    assert " Dezember " in date_format(datetime.datetime(2026, 12, 1), "j. F Y")  # German month names


def test_the_page_shows_what_each_type_adds_to_its_records(client, officer, records):
    """The page shows the same fields as the export: the search term that matched the address, the
    ordered materials and the reported event, which the officer judges before erasing."""
    mine, _others = records
    html = post(client, officer, "find").content.decode()
    assert mine["search_log"].query.query_string in html
    assert "Anzahl der Suchen" in html
    assert "5 × Plakat A1" in html
    assert "Materialien" in html and "Veranstaltung" in html


def test_a_feedback_is_named_in_local_time(records):
    feedback = records[0]["accessibility_feedback"]
    assert f"{timezone.localtime(feedback.created_at):%d.%m.%Y %H:%M}" in str(feedback)
