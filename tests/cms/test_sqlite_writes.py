"""Concurrent writes on SQLite (the embedded default database): event reports sent at the same
time from several threads are all stored, none answered with 503 "database is locked".

The settings open every transaction with BEGIN IMMEDIATE and wait up to 20 s for the lock
(cms/settings/base.py). The site runs in another process on a real SQLite file (a copy of the
migrated test database; an in-memory database would not show the file locking) and four threads
send their reports to it over HTTP.
"""

import os
import re
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.support.forms import event_data

BASE_DIR = Path(__file__).resolve().parents[2]
SERVER = Path(__file__).with_name("sqlite_server.py")
THREADS = 4
REPORTS_PER_THREAD = 8
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# The marker makes pytest-django create the test database; the test itself works on a copy.
pytestmark = pytest.mark.django_db


@pytest.fixture
def sqlite_file(migrated_database, tmp_path):
    path = tmp_path / "site.sqlite3"
    path.write_bytes(migrated_database.read_bytes())
    return path


@pytest.fixture
def site(sqlite_file, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{sqlite_file}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "FORM_RATE_LIMIT": "10000/h",
        "PAGE_CACHE_SECONDS": "0",
        "CONTENT_CACHE": "0",
        "REDIS_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - fixed command
        [sys.executable, str(SERVER)], cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=log, text=True
    )
    ready = []
    reader = threading.Thread(target=lambda: ready.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout=60)
    try:
        assert ready and ready[0].startswith("READY"), f"server did not start: {ready}"
        _ready, port, form_path = ready[0].split()
        yield f"http://127.0.0.1:{port}{form_path}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def report(number):
    return event_data(title=f"Werkstore offen {number}", submitter_email=f"erika{number}@example.org")


def send_reports(url, thread):
    with requests.Session() as session:
        token = CSRF.search(session.get(url, timeout=30).text).group(1)
        statuses = []
        for number in range(REPORTS_PER_THREAD):
            data = {**report(f"{thread}-{number}"), "csrfmiddlewaretoken": token}
            response = session.post(url, data=data, allow_redirects=False, timeout=60)
            statuses.append(response.status_code)
        return statuses


def test_simultaneous_event_reports_are_all_stored(site, sqlite_file):
    with ThreadPoolExecutor(THREADS) as pool:
        statuses = [
            status for result in pool.map(send_reports, [site] * THREADS, range(THREADS)) for status in result
        ]

    log = (sqlite_file.parent / "server.log").read_text()
    # No 503 ("database is locked"): every report got the redirect to the thanks page.
    assert statuses.count(302) == THREADS * REPORTS_PER_THREAD, (statuses, log[-2000:])
    assert "database is locked" not in log
    with sqlite3.connect(sqlite_file) as database:
        [(stored,)] = database.execute("SELECT count(*) FROM events_eventsubmission").fetchall()
        titles = {title for (title,) in database.execute("SELECT title FROM wagtailcore_page")}
    assert stored == THREADS * REPORTS_PER_THREAD
    assert {f"Werkstore offen {t}-{n}" for t in range(THREADS) for n in range(REPORTS_PER_THREAD)} <= titles
