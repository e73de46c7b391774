"""Broken CSV files never answer 500 and never lose a row: every data row of a file the import
accepts ends up imported or reported with its errors (hypothesis generates the files)."""

import csv
import io
import itertools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import csv_import
from events.models import CsvImportJob, EventPage
from tests.factories.events import EventIndexPageFactory

URL = "/admin/veranstaltungen/import/"
WEEKS = itertools.count()
HEADERS = [column.header for column in csv_import.COLUMNS]
GOOD = {
    "Titel": "Werksführung",
    "Beginn": "20.09.2017 14:00",
    "Art": "Betriebsbesichtigung",
    "Ort der Veranstaltung": "Werk",
    "PLZ": "50667",
    "Ort": "Köln",
    "Bundesland": "NW",
    "Beschreibung": "Wir zeigen die Fertigung.",
}
NASTY = st.one_of(
    st.text(max_size=30),
    st.sampled_from(['"', '""', ";", ",", "\n", "\r\n", "\x00", "\ufeff", "=1+1", "ja", "nein",
                     "31.02.2017 10:00", "20.09.2017 25:00", "99,9", "-0", "NaN", "Infinity", "1e999",
                     "ÄÖÜß" * 100, " "]),
)  # fmt: skip


@st.composite
def csv_files(draw):
    headers = draw(st.permutations(HEADERS).map(lambda h: h[: draw(st.integers(6, len(HEADERS)))]))
    rows = []
    for number in range(draw(st.integers(1, 6))):
        row = {header: GOOD.get(header, "") for header in headers}
        if "Titel" in row:
            row["Titel"] = f"Veranstaltung {number}"
        for header in draw(st.lists(st.sampled_from(headers), max_size=4)):
            row[header] = draw(NASTY)
        rows.append([row[header] for header in headers])
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from([";", ","])))
    writer.writerow(headers)
    writer.writerows(rows)
    text = buffer.getvalue()
    if draw(st.booleans()):  # raw damage: cut the file, or insert a stray character
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(["", '"', "\x00", ";;;", "\n"])) + text[position:]
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1"])), errors="replace")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "chef@example.org", "geheim"))
    return client


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=csv_files(), mode=st.sampled_from(["all", "valid"]))
def test_bad_files_never_fail_and_never_lose_a_row(admin_client, home_page, content, mode):
    # Hypothesis runs every example in the same test transaction: a new week each time.
    index = EventIndexPageFactory(parent=home_page, slug=f"woche-{next(WEEKS)}")
    jobs_before = CsvImportJob.objects.count()
    response = admin_client.post(
        URL,
        {
            "index": index.pk,
            "file": SimpleUploadedFile("woche.csv", content),
            "mode": mode,
            "publish": "live",
        },
        follow=True,
    )
    assert response.status_code == 200
    if CsvImportJob.objects.count() == jobs_before:
        # Refused as a whole: the form says why.
        assert response.context["form"].errors["file"]
        return
    job = CsvImportJob.objects.latest("pk")
    assert job.status in {CsvImportJob.Status.DONE, CsvImportJob.Status.FAILED}
    assert len(job.rows) == job.total_rows
    imported = [row for row in job.rows if row["page"]]
    for row in job.rows:
        # Each row is imported or has its reasons – never both, never neither (unless nothing
        # was imported because the whole file was refused in "all or nothing" mode).
        assert bool(row["page"]) != bool(row["errors"]) or (job.aborted and not row["errors"])
    assert job.imported_count == len(imported) == EventPage.objects.child_of(index).count()
    assert job.error_count == len([row for row in job.rows if row["errors"]])
