"""Editors import a week's events from a CSV file in the admin."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, WorkflowState

from events import csv_import
from events.models import EventPage
from tests.factories.events import EventIndexPageFactory, EventPageFactory

URL = "/admin/veranstaltungen/import/"
TZ = timezone.get_default_timezone()
HEADER = (
    "Titel;Beginn;Ende;Art;Veranstalter;Ort der Veranstaltung;Straße;PLZ;Ort;Bundesland;"
    "Breitengrad;Längengrad;Beschreibung;Anmeldung;Barrierefreiheit"
)
GOOD = [
    "Werksführung Köln;20.09.2017 14:00;20.09.2017 16:00;Betriebsbesichtigung;Musterwerk GmbH;Werk Köln;"
    "Industriestraße 5;50667;Köln;Nordrhein-Westfalen;50,93753;6,96028;Wir zeigen die Fertigung.;"
    "bis 10.9. per E-Mail;Stufenlos erreichbar",
    "Ausbildungstag Leipzig;21.09.2017 09:30;;careers;IHK Leipzig;Berufsschule;;04109;Leipzig;SN;;;"
    '"Azubis stellen sich vor; mit Werkstatt.";;',
]


def csv_file(*lines, name="veranstaltungen.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, "\n".join(lines).encode(encoding), content_type="text/csv")


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "geheim"))
    return client


def post(client, index, upload, mode="all", publish="live"):
    """Upload the file; the import job runs at once (immediate task backend) and the upload
    redirects to the job's page, which the client follows."""
    return client.post(
        URL, {"index": index.pk, "file": upload, "mode": mode, "publish": publish}, follow=True
    )


def errors_of(response):
    return [(number, column) for number, column, _message in response.context["errors"]]


def test_form_documents_the_columns(admin_client, index):
    response = admin_client.get(URL, {"index": index.pk})
    assert response.status_code == 200
    html = response.content.decode()
    for header in (
        "Titel",
        "Beginn",
        "Ort der Veranstaltung",
        "Bundesland",
        "Längengrad",
        "Barrierefreiheit",
    ):
        assert f"<code>{header}</code>" in html
    assert response.context["form"].initial["index"] == index.pk
    assert "Nur importieren, wenn alle Zeilen gültig sind" in html
    # The thousands dot went into the text too: "getrennt. höchstens 2 MB".
    assert "Semikolon oder Komma getrennt, höchstens 2 MB und 1.000 Zeilen." in html
    assert "Höchstens 1.000 Zeilen;" in html  # one number format on the page, not "1000" too


def test_template_file_lists_every_column(admin_client, index):
    response = admin_client.get(reverse("events_csv_template"))
    content = response.content.decode("utf-8-sig").splitlines()
    assert content[0].split(";") == [column.header for column in csv_import.COLUMNS]


def test_good_file_is_imported_and_published(admin_client, index):
    response = post(admin_client, index, csv_file(HEADER, *GOOD))

    assert response.status_code == 200
    assert response.redirect_chain[0][0].startswith(URL)
    job = response.context["job"]
    assert (job.status, job.imported_count, job.total_rows, job.error_count) == ("done", 2, 2, 0)
    cologne = EventPage.objects.child_of(index).get(title="Werksführung Köln")
    leipzig = EventPage.objects.child_of(index).get(title="Ausbildungstag Leipzig")
    assert cologne.live and leipzig.live
    assert cologne.start == datetime.datetime(2017, 9, 20, 14, 0, tzinfo=TZ)
    assert cologne.end == datetime.datetime(2017, 9, 20, 16, 0, tzinfo=TZ)
    assert (cologne.kind, cologne.federal_state, cologne.postcode) == ("factory_tour", "NW", "50667")
    assert (cologne.latitude, cologne.longitude) == (Decimal("50.93753"), Decimal("6.96028"))
    assert cologne.registration_info == "bis 10.9. per E-Mail"
    assert cologne.accessibility == "Stufenlos erreichbar"
    assert cologne.organiser_name == "Musterwerk GmbH"
    assert (leipzig.kind, leipzig.federal_state, leipzig.end) == ("careers", "SN", None)
    assert leipzig.description == "Azubis stellen sich vor; mit Werkstatt."
    assert leipzig.audience == EventPage.Audience.EVERYONE
    assert index.events().count() == 2
    assert "2 Veranstaltungen importiert und veröffentlicht." in response.content.decode()
    assert "Veranstaltung(en)" not in response.content.decode()


def test_comma_separated_file_as_drafts(admin_client, index):
    lines = [
        "Titel,Beginn,Art,Ort der Veranstaltung,PLZ,Ort,Bundesland,Beschreibung,Breitengrad,Längengrad",
        'Vortrag,2017-09-19 18:00,lecture,Rathaus,10117,Berlin,Berlin,Ein Vortrag.,"52,52","13,405"',
    ]
    response = post(admin_client, index, csv_file(*lines), publish="draft")
    assert response.context["job"].delimiter == ","
    page = EventPage.objects.get(title="Vortrag")
    assert not page.live
    assert page.get_latest_revision() is not None
    assert (page.federal_state, page.latitude) == ("BE", Decimal("52.52000"))
    assert not index.events().exists()


BAD = [
    # row 2: valid
    GOOD[0],
    # row 3: postcode with four digits
    "Tag A;20.09.2017 10:00;;Tag der offenen Tür;;Werk;;5066;Köln;NW;;;Text;;",
    # row 4: no date, unknown kind, unknown state
    "Tag B;morgen;;Party;;Werk;;50667;Köln;Bayernland;;;Text;;",
    # row 5: end before start, latitude without longitude
    "Tag C;20.09.2017 10:00;20.09.2017 09:00;open_day;;Werk;;50667;Köln;NW;50,9;;Text;;",
    # row 6: title missing, coordinates outside Germany
    ";20.09.2017 10:00;;open_day;;Werk;;50667;Köln;NW;40,0;6,9;Text;;",
    # row 7: valid
    GOOD[1],
    # row 8: description too long, start in another year
    "Tag D;20.09.2018 10:00;;open_day;;Werk;;50667;Köln;NW;;;" + "x" * 4001 + ";;",
]


def test_bad_rows_are_reported_by_row_and_column(admin_client, index):
    response = post(admin_client, index, csv_file(HEADER, *BAD), mode="valid")
    errors = errors_of(response)
    assert (3, "PLZ") in errors
    assert {(4, "Beginn"), (4, "Art"), (4, "Bundesland")} <= set(errors)
    assert {(5, "Ende"), (5, "Längengrad")} <= set(errors)
    assert {(6, "Titel"), (6, "Breitengrad")} <= set(errors)
    assert {(8, "Beschreibung"), (8, "Beginn")} <= set(errors)
    assert not any(number in (2, 7) for number, _column in errors)
    html = response.content.decode()
    assert "„morgen“ ist kein gültiger Zeitpunkt" in html
    assert "„Party“ ist keine bekannte Art" in html
    assert "„Bayernland“ ist kein Bundesland" in html
    assert "Das Ende darf nicht vor dem Beginn liegen." in html
    assert "Bitte eine fünfstellige Postleitzahl angeben" in html
    assert "Der Text ist zu lang (4001 Zeichen, höchstens 4000)." in html
    assert "Pflichtangabe: Die Zelle darf nicht leer sein." in html
    assert "Der Beginn liegt nicht im Jahr 2017 dieser Woche." in html


def test_all_or_nothing_imports_nothing_on_a_bad_row(admin_client, index):
    response = post(admin_client, index, csv_file(HEADER, *BAD), mode="all")
    assert response.context["job"].aborted
    assert not EventPage.objects.exists()
    assert "Nichts importiert" in response.content.decode()


def test_valid_rows_mode_imports_only_the_good_rows(admin_client, index):
    response = post(admin_client, index, csv_file(HEADER, *BAD), mode="valid")
    assert sorted(EventPage.objects.values_list("title", flat=True)) == [
        "Ausbildungstag Leipzig",
        "Werksführung Köln",
    ]
    job = response.context["job"]
    assert [row["row"] for row in job.rows if row["errors"]] == [3, 4, 5, 6, 8]
    assert [row["row"] for row in job.rows if row["page"]] == [2, 7]
    assert "2 Veranstaltungen importiert und veröffentlicht; 5 fehlerhafte Zeilen nicht importiert." in (
        response.content.decode()
    )


def test_importing_the_same_file_twice_creates_no_duplicates(admin_client, index):
    post(admin_client, index, csv_file(HEADER, *GOOD), mode="valid")
    response = post(admin_client, index, csv_file(HEADER, *GOOD, GOOD[0]), mode="valid")
    assert EventPage.objects.count() == 2
    assert errors_of(response) == [(2, "Titel"), (3, "Titel"), (4, "Titel")]
    assert "gibt es in dieser Woche schon" in response.content.decode()


def test_duplicate_rows_within_the_file(admin_client, index):
    response = post(admin_client, index, csv_file(HEADER, GOOD[0], GOOD[0]), mode="valid")
    assert EventPage.objects.count() == 1
    assert "Dieselbe Veranstaltung steht schon in Zeile 2." in response.content.decode()


def test_error_while_saving_rolls_back_the_whole_import(admin_client, index, monkeypatch):
    real_save_base = EventPage.save_base
    calls = []

    def failing_save_base(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("database gone")
        return real_save_base(self, *args, **kwargs)

    monkeypatch.setattr(EventPage, "save_base", failing_save_base)
    response = post(admin_client, index, csv_file(HEADER, *GOOD))
    assert not EventPage.objects.exists()
    job = response.context["job"]
    assert (job.status, job.imported_count) == ("failed", 0)
    assert [row["page"] for row in job.rows] == [None, None]
    assert "Beim Speichern ist ein unerwarteter Fehler aufgetreten. Es wurde nichts importiert" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (csv_file(HEADER, GOOD[0], encoding="latin-1"), "Die Datei ist nicht UTF-8-kodiert"),
        (SimpleUploadedFile("leer.csv", b""), "Die Datei ist leer."),
        (SimpleUploadedFile("leer.csv", b"\n \n"), "Die Datei ist leer."),
        (csv_file(HEADER), "Die Datei enthält nur die Kopfzeile"),
        (csv_file("Titel;Beginn;Art;Ort", "A;20.09.2017 10:00;open_day;Köln"), "fehlen Pflichtspalten"),
        (csv_file(HEADER, *GOOD, name="veranstaltungen.xlsx"), "Bitte laden Sie eine CSV-Datei hoch"),
        (SimpleUploadedFile("mappe.csv", b"PK\x03\x04\x00\x00binary"), "keine CSV-Textdatei"),
        (csv_file("Titel;Titel;Beginn", "a;b;c"), "Die Spalte „Titel“ steht zweimal"),
    ],
)
def test_unusable_files_get_a_clear_message(admin_client, index, upload, message):
    response = post(admin_client, index, upload)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert message in response.content.decode()
    assert not EventPage.objects.exists()


def test_missing_columns_are_named(admin_client, index):
    response = post(admin_client, index, csv_file("Titel;Beginn;Art;Ort", "A;20.09.2017 10:00;open_day;Köln"))
    [error] = response.context["form"].errors["file"]
    assert "Ort der Veranstaltung, PLZ, Bundesland, Beschreibung" in error


def test_unknown_columns_are_listed_and_ignored(admin_client, index):
    response = post(admin_client, index, csv_file(HEADER + ";Notiz", GOOD[0] + ";intern"))
    assert response.context["job"].ignored_columns == ["Notiz"]
    assert EventPage.objects.count() == 1


def test_size_and_row_limits(admin_client, index, monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_ROWS", 1)
    response = post(admin_client, index, csv_file(HEADER, *GOOD))
    assert "mehr als 1 Veranstaltungen" in response.content.decode()

    monkeypatch.setattr(csv_import, "MAX_BYTES", 100)
    response = post(admin_client, index, csv_file(HEADER, *GOOD))
    assert "Die Datei ist zu groß" in response.content.decode()
    assert not EventPage.objects.exists()


def test_anonymous_users_are_sent_to_the_login(client, index):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response.url


@pytest.fixture
def editor(django_user_model, index):
    """Admin access and the right to add pages under ``index`` only."""
    group = Group.objects.create(name="Woche der Industrie")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=index, permission=Permission.objects.get(codename="add_page")
    )
    user = django_user_model.objects.create_user("redakteurin", "r@example.org", "geheim")
    user.groups.add(group)
    return user


def test_user_without_add_permission_is_refused(client, django_user_model, index):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message."""
    group = Group.objects.create(name="Nur Admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("gast", "g@example.org", "geheim")
    user.groups.add(group)
    client.force_login(user)
    for response in (
        client.get(URL),
        client.post(URL, {"index": index.pk, "file": csv_file(HEADER, *GOOD), "mode": "all"}),
        client.get(reverse("events_csv_template")),
    ):
        assert (response.status_code, response.get("Location")) == (302, "/admin/")
    assert reverse("events_csv_import") not in client.get("/admin/").content.decode()  # menu "CSV-Import"
    assert not EventPage.objects.exists()


def test_editor_may_import_into_their_week_only(client, editor, index, home_page):
    other = EventIndexPageFactory(parent=home_page, year=2018, week_start=None, week_end=None)
    client.force_login(editor)
    assert reverse("events_csv_import") in client.get("/admin/").content.decode()
    assert list(client.get(URL).context["form"].fields["index"].queryset) == [index]

    response = post(client, other, csv_file(HEADER, *GOOD))
    assert "In diese Woche dürfen Sie keine Veranstaltungen importieren." in response.content.decode()
    assert not EventPage.objects.exists()

    post(client, index, csv_file(HEADER, *GOOD), publish="draft")
    assert EventPage.objects.child_of(index).count() == 2
    assert EventPage.objects.filter(owner=editor).count() == 2


def test_index_page_in_the_admin_offers_the_import(admin_client, index):
    EventPageFactory(parent=index)
    html = admin_client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert f"{URL}?index={index.pk}" in html


def test_excel_export_with_bom_crlf_and_empty_lines(admin_client, index):
    content = ("\ufeff" + "\r\n".join([HEADER, *GOOD, ";;;;;;;;;;;;;;", ""])).encode("utf-8")
    response = post(admin_client, index, SimpleUploadedFile("export.csv", content))
    assert len(response.context["job"].rows) == 2
    assert EventPage.objects.count() == 2


def test_row_with_more_cells_than_the_header(admin_client, index):
    response = post(admin_client, index, csv_file(HEADER, GOOD[0] + ";zu viel;noch mehr"), mode="valid")
    assert errors_of(response) == [(2, "–")]
    assert "Die Zeile hat 17 Zellen, die Kopfzeile nur 15." in response.content.decode()
    assert not EventPage.objects.exists()


def test_short_rows_get_empty_cells(admin_client, index):
    response = post(admin_client, index, csv_file(HEADER, "Nur ein Titel;20.09.2017 10:00"), mode="valid")
    assert sorted(errors_of(response)) == [
        (2, "Art"),
        (2, "Beschreibung"),
        (2, "Bundesland"),
        (2, "Ort"),
        (2, "Ort der Veranstaltung"),
        (2, "PLZ"),
    ]


def test_line_breaks_in_quoted_cells(admin_client, index):
    row = '"Werksführung\nKöln";20.09.2017 14:00;;open_day;;Werk;;50667;Köln;NW;;;"Zeile eins\nZeile zwei";;'
    post(admin_client, index, csv_file(HEADER, row, GOOD[1]))
    page = EventPage.objects.get(title="Werksführung Köln")
    assert page.description == "Zeile eins\nZeile zwei"
    # The record after a multi-line cell is still numbered as spreadsheet row 3.
    response = post(admin_client, index, csv_file(HEADER, row, GOOD[1].replace("04109", "0")), mode="valid")
    assert (3, "PLZ") in errors_of(response)


@pytest.fixture
def member(django_user_model):
    """A user in one of the editorial groups of cms/roles/migrations/0001_roles_and_workflow.py."""

    def make(group_name):
        user = django_user_model.objects.create_user(
            group_name.lower(), f"{group_name}@example.org", "geheim"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


def workflow_task(page):
    state = WorkflowState.objects.active().filter(object_id=str(page.pk)).first()
    return state.current_task_state.task.name if state else None


def test_redaktion_is_not_offered_publishing(client, member, index):
    client.force_login(member("Redaktion"))
    response = client.get(URL, {"index": index.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sofort veröffentlichen" not in html
    assert 'name="publish"' not in html
    assert "als Entwurf gespeichert und zur Freigabe eingereicht" in html


def test_redaktion_cannot_publish_with_a_forged_post(client, member, index):
    client.force_login(member("Redaktion"))
    response = post(client, index, csv_file(HEADER, *GOOD), publish="live")
    assert response.status_code == 200
    assert "Sie dürfen in dieser Woche nicht veröffentlichen." in response.content.decode()
    assert not EventPage.objects.exists()  # refused: nothing imported, nothing published


def test_import_service_refuses_publishing_without_the_right(member, index):
    with pytest.raises(PermissionDenied):
        csv_import.import_events(
            index, csv_file(HEADER, *GOOD), mode="all", publish=True, user=member("Redaktion")
        )
    assert not EventPage.objects.exists()


def test_redaktion_import_goes_into_the_review_workflow(client, member, index):
    client.force_login(member("Redaktion"))
    response = post(client, index, csv_file(HEADER, *GOOD), publish="draft")
    pages = list(EventPage.objects.child_of(index))
    assert len(pages) == 2
    assert not any(page.live for page in pages)
    assert [workflow_task(page) for page in pages] == ["Redaktionelle Prüfung"] * 2
    assert response.context["job"].submitted
    assert (
        "2 Veranstaltungen importiert und als Entwurf gespeichert und zur Freigabe eingereicht."
        in response.content.decode()
    )


@pytest.mark.parametrize("role", ["Freigabe", "superuser"])
def test_freigabe_and_superusers_may_publish(client, member, django_user_model, index, role):
    if role == "superuser":
        user = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "geheim")
    else:
        user = member(role)
    client.force_login(user)
    assert "Sofort veröffentlichen" in client.get(URL, {"index": index.pk}).content.decode()
    response = post(client, index, csv_file(HEADER, *GOOD), publish="live")
    pages = list(EventPage.objects.child_of(index))
    assert len(pages) == 2 and all(page.live for page in pages)
    assert not WorkflowState.objects.active().exists()
    assert "2 Veranstaltungen importiert und veröffentlicht." in response.content.decode()
