"""Benchmark of the bulk writes (``make bench-import``): the demo load and a CSV import of 1,000 rows.

Migrates a throw-away SQLite database (or uses DATABASE_URL), times ``load_demo_content`` on it
(400 events of the demo week in bulk and everything else), then imports a generated CSV file of
1,000 valid events into a new week twice – published, and as drafts submitted to the review
workflow by a member of "Redaktion" – through the import job as the worker runs it
(events.csv_import.run_job: reading, checking, bulk writing, search index). Writes
docs/benchmarks/import.md.

    .venv/bin/python scripts/bench_import.py
"""

import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FOLDER = tempfile.mkdtemp(prefix="bench-import-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{FOLDER}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ["TASKS_BACKEND"] = "immediate"

import django  # noqa: E402

django.setup()

from benchtools import cpu_check  # noqa: E402 - next to this script
from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from cms.core.demo.utils import DemoLog  # noqa: E402
from events import csv_import  # noqa: E402
from events.demo import PLACES, event_specs, write_events  # noqa: E402
from events.models import CsvImportJob, EventIndexPage, EventPage  # noqa: E402
from home.demo import get_home_page  # noqa: E402
from search.models import SearchEntry  # noqa: E402

ROWS = 1000
OUT = ROOT / "docs" / "benchmarks" / "import.md"


def csv_text(rows, year):
    lines = ["Titel;Beginn;Ende;Art;Ort der Veranstaltung;Straße;PLZ;Ort;Bundesland;Breitengrad;Längengrad;"
             "Beschreibung;Anmeldung erforderlich"]  # fmt: skip
    for number in range(rows):
        city, postcode, state, lat, lon = PLACES[number % len(PLACES)]
        day = 16 + number % 9
        latitude, longitude = f"{lat:.4f}".replace(".", ","), f"{lon:.4f}".replace(".", ",")
        lines.append(
            f"Werksführung Nr. {number + 1} in {city};{day}.09.{year} 10:00;{day}.09.{year} 12:00;"
            f"Betriebsbesichtigung;Werk {number + 1};Industriestraße {number % 90 + 1};{postcode};{city};"
            f"{state};{latitude};{longitude};Beschäftigte zeigen die Fertigung und beantworten Fragen.;ja"
        )
    return "\n".join(lines) + "\n"


def timed(function):
    """(wall-clock seconds, CPU seconds of this process) of ``function()``."""
    started, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - started, time.process_time() - cpu


def import_rows(home, year, *, publish, user):
    index = home.add_child(instance=EventIndexPage(title=f"Woche {year}", slug=f"woche-{year}", year=year))
    upload = SimpleUploadedFile("woche.csv", csv_text(ROWS, year).encode())
    job = csv_import.create_job(index, upload, mode="all", publish=publish, user=user)
    seconds = timed(lambda: csv_import.run_job(job.pk))
    job = CsvImportJob.objects.get(pk=job.pk)
    if job.imported_count != ROWS or EventPage.objects.child_of(index).count() != ROWS:
        raise SystemExit(f"Import unvollständig: {job.status} {job.message} {job.rows[:3]}")
    indexed = SearchEntry.objects.filter(page__in=EventPage.objects.child_of(index)).count()
    return seconds, indexed


def _de(seconds):
    return f"{seconds:.1f}".replace(".", ",")


def main():
    cpu = cpu_check()
    migrate_seconds, _ = timed(lambda: call_command("migrate", verbosity=0, interactive=False))
    demo_seconds = timed(lambda: call_command("load_demo_content", verbosity=0))
    home = get_home_page()
    admin = User.objects.create_superuser("bench", "bench@example.org", "bench")
    editor = User.objects.create_user("redaktion", "r@example.org", "bench")
    editor.groups.add(Group.objects.get(name="Redaktion"))
    week = home.add_child(instance=EventIndexPage(title="Demo-Woche 2", slug="demo-woche-2", year=2017))
    demo_week_seconds = timed(lambda: write_events(DemoLog(), week, event_specs()))
    published_seconds, published_indexed = import_rows(home, 2030, publish=True, user=admin)
    draft_seconds, _ = import_rows(home, 2031, publish=False, user=editor)

    rows = [
        ("Demo-Inhalte laden (`load_demo_content`, 400 Veranstaltungen und alles andere)", demo_seconds),
        (
            "nur die Demo-Woche, ein zweites Mal (`events.demo.write_events`, 400 Veranstaltungen)",
            demo_week_seconds,
        ),
        ("CSV-Import, 1.000 Zeilen, sofort veröffentlicht", published_seconds),
        ("CSV-Import, 1.000 Zeilen, Entwürfe zur Freigabe eingereicht", draft_seconds),
    ]
    table = "\n".join(f"| {label} | {_de(wall)} s | {_de(cpu)} s |" for label, (wall, cpu) in rows)
    OUT.write_text(
        f"""# Benchmark: Massenimport und Demo-Inhalte

Gemessen am {date.today():%d.%m.%Y} mit `make bench-import` (`scripts/bench_import.py`) auf
{connection.vendor} ({platform.machine()}, {os.cpu_count()} Kerne, Python {platform.python_version()};
CPU-Probe {cpu:.0f} ms, je kleiner, desto schneller). Die Datenbank ist frisch migriert
({_de(migrate_seconds)} s, nicht mitgezählt). Der CSV-Import läuft so, wie ihn der Worker ausführt
(`events.csv_import.run_job`: lesen, jede Zeile prüfen, in einem Rutsch schreiben, Suchindex einmal
am Ende); {published_indexed:.0f} der {ROWS} veröffentlichten Veranstaltungen stehen danach in der
Suche. Ziel: 1.000 Zeilen in unter 20 s. Teilen sich andere Prozesse die Kerne, ist die Dauer
länger als die CPU-Zeit. Die Demo-Inhalte lesen außerdem den Text der Präsentationen in eigenen
Kindprozessen aus (nicht in der CPU-Zeit dieses Prozesses); die Demo-Woche allein wurde ein zweites Mal
unter einer neuen Woche geschrieben.

| Vorgang | Dauer | davon CPU-Zeit des Prozesses |
| --- | --- | --- |
{table}

Vorher (eine Seite nach der anderen mit `add_child`, Revision und Veröffentlichung, jede einzeln
indexiert) brauchte eine Veranstaltung 0,1–0,2 s, 1.000 Zeilen also bis zu 200 s in der Anfrage, und
das Laden der Demo-Inhalte 26 s.
""",
        encoding="utf-8",
    )
    sys.stdout.write(OUT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
