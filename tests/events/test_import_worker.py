"""The CSV import job through the real worker process (django-tasks-db's ``db_worker``), as in
production: the upload only queues the job, the worker runs it."""

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from events import csv_import, tasks
from events.models import CsvImportJob, EventPage
from tests.factories.events import EventIndexPageFactory

ROOT = Path(settings.BASE_DIR)
CSV = (
    "Titel;Beginn;Art;Ort der Veranstaltung;PLZ;Ort;Bundesland;Beschreibung\n"
    "Werksführung;20.09.2017 14:00;Betriebsbesichtigung;Werk;50667;Köln;NW;Wir zeigen die Fertigung.\n"
    "Vortrag;21.09.2017 18:00;lecture;Rathaus;10117;Berlin;BE;Ein Vortrag.\n"
    "Kaputt;morgen;lecture;Rathaus;10117;Berlin;BE;Ein Vortrag.\n"
)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _database_url(path=None):
    if path is not None:
        return f"sqlite:///{path}"
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _run_worker(database_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "database",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--max-tasks", "5"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.mark.django_db(transaction=True)
def test_the_worker_process_runs_the_queued_import(client, home_page, django_user_model):
    index = EventIndexPageFactory(parent=home_page)
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "geheim")
    upload = SimpleUploadedFile("woche.csv", CSV.encode())
    with override_settings(TASKS=DATABASE_TASKS):
        job = csv_import.create_job(index, upload, mode="valid", publish=True, user=user)
        tasks.start_csv_import(job)
    # Queued, not run: the request would answer at once.
    job.refresh_from_db()
    assert (job.status, job.total_rows) == (CsvImportJob.Status.QUEUED, 3)
    assert DBTaskResult.objects.filter(task_path="events.tasks.run_csv_import").count() == 1
    assert not EventPage.objects.exists()
    # The job's page while it waits: the state, a progress bar, a reload button (no JavaScript
    # needed) and the JSON its script polls.
    client.force_login(user)
    page = client.get(reverse("events_csv_import_job", args=[job.pk])).content.decode()
    assert "Wartet auf den Start: 3 Zeilen in der Datei." in page
    assert '<progress id="import-progress" max="100" value="0">' in page
    assert "Stand aktualisieren" in page and "import-progress.js" in page
    state = client.get(reverse("events_csv_import_job", args=[job.pk]), {"format": "json"}).json()
    assert state == {
        "status": "queued",
        "finished": False,
        "total": 3,
        "checked": 0,
        "percent": 0,
        "summary": "Wartet auf den Start: 3 Zeilen in der Datei.",
    }

    if connection.vendor == "sqlite":
        # The test database lives in this process's memory: hand the worker a copy in a file and
        # take its result back.
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "worker.sqlite3"
            copy = sqlite3.connect(path)
            connection.ensure_connection()
            connection.connection.backup(copy)
            copy.close()
            worker = _run_worker(_database_url(path))
            copy = sqlite3.connect(path)
            copy.backup(connection.connection)
            copy.close()
    else:
        worker = _run_worker(_database_url())
    assert worker.returncode == 0, worker.stderr

    job.refresh_from_db()
    assert job.status == CsvImportJob.Status.DONE, job.message
    assert (job.imported_count, job.error_count, job.checked_rows) == (2, 1, 3)
    assert [(row["row"], bool(row["page"]), bool(row["errors"])) for row in job.rows] == [
        (2, True, False),
        (3, True, False),
        (4, False, True),
    ]
    assert sorted(EventPage.objects.live().values_list("title", flat=True)) == ["Vortrag", "Werksführung"]
    assert DBTaskResult.objects.get(task_path="events.tasks.run_csv_import").status == "SUCCESSFUL"
    page = client.get(reverse("events_csv_import_job", args=[job.pk])).content.decode()
    assert "2 Veranstaltungen importiert und veröffentlicht; 1 fehlerhafte Zeile nicht importiert." in page
    assert "„morgen“ ist kein gültiger Zeitpunkt" in page
    assert "import-progress.js" not in page  # finished: nothing polls any more
