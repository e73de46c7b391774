"""make backup / make restore: a round trip on PostgreSQL brings back every page, document and submission."""

import psycopg2
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from cms.core.backup import BackupError, backup, latest, restore
from events.models import EventSubmission
from materials.models import Order
from tests.factories.core import DocumentFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.support.documents import make_pdf, make_pptx
from tests.support.forms import event_data, order_data

TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "core_customdocument",
    "events_eventpage",
    "events_eventsubmission",
    "materials_order",
    "materials_orderline",
    "news_newspage",
    "auth_user",
]


def snapshot(cursor):
    """Counts of the main tables and the content that must survive."""
    result = {}
    for table in TABLES:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
        result[table] = cursor.fetchone()[0]
    queries = {
        "pages": "SELECT path, title, slug, live FROM wagtailcore_page ORDER BY path",
        "documents": "SELECT title, file, file_hash, extraction_status FROM core_customdocument ORDER BY id",
        "submissions": "SELECT name, email, phone, submission_token FROM events_eventsubmission ORDER BY id",
        "orders": "SELECT name, postcode, city, submission_token FROM materials_order ORDER BY id",
        "lines": "SELECT item_name, quantity FROM materials_orderline ORDER BY id",
    }
    for name, query in queries.items():
        cursor.execute(query)
        result[name] = cursor.fetchall()
    return result


@pytest.fixture
def restore_database():
    """An empty second database next to the test database, dropped afterwards."""
    params = connection.settings_dict
    name = f"{params['NAME']}_restore"
    admin = psycopg2.connect(
        host=params["HOST"],
        port=params["PORT"] or 5432,
        user=params["USER"],
        password=params["PASSWORD"],
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**params, "NAME": name}
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_round_trip_brings_back_pages_documents_submissions_and_files(
    client, index, url, order_page, items, restore_database, tmp_path, django_user_model
):
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=index.get_parent()), title="Werkstore offen")
    news.save_revision().publish()
    documents = [
        DocumentFactory(title="Bericht", file=ContentFile(make_pdf("Bericht 2026"), name="bericht.pdf")),
        DocumentFactory(title="Folien", file=ContentFile(make_pptx("Folien", "Text"), name="folien.pptx")),
    ]
    assert client.post(url, event_data()).status_code == 302
    assert client.post(order_page.url, order_data(items)).status_code == 302
    django_user_model.objects.create_user("redaktion", "r@example.org", "Werkstore-oeffnen-2026!")
    assert EventSubmission.objects.count() == 1 and Order.objects.count() == 1
    original_files = {document.file.name: document.file.open("rb").read() for document in documents}

    folder = backup(connection.settings_dict, settings.MEDIA_ROOT, tmp_path / "backups")
    assert latest(tmp_path / "backups") == folder
    media = tmp_path / "restored-media"
    restore(folder, restore_database, media)

    with connection.cursor() as cursor:
        before = snapshot(cursor)
    restored = psycopg2.connect(
        host=restore_database["HOST"],
        port=restore_database["PORT"] or 5432,
        user=restore_database["USER"],
        password=restore_database["PASSWORD"],
        dbname=restore_database["NAME"],
    )
    with restored, restored.cursor() as cursor:
        after = snapshot(cursor)
    restored.close()

    assert after == before
    assert before["events_eventsubmission"] == 1 and before["materials_order"] == 1
    assert any(title == "Werkstore offen" for _path, title, _slug, _live in after["pages"])
    for name, data in original_files.items():
        assert (media / name).read_bytes() == data


@pytest.mark.django_db
def test_restore_refuses_a_backup_of_another_database_kind(tmp_path, settings):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "manifest.json").write_text('{"database": "oracle"}')
    with pytest.raises(BackupError, match="Die Sicherung ist von oracle"):
        restore(folder, connection.settings_dict, tmp_path / "media")


def test_no_backup_found_is_a_clear_message(tmp_path):
    with pytest.raises(BackupError, match="keine Sicherung"):
        latest(tmp_path)


def test_sqlite_round_trip(tmp_path):
    import sqlite3

    source = tmp_path / "site.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE page (title TEXT)")
        db.executemany("INSERT INTO page VALUES (?)", [("Startseite",), ("Woche der Industrie",)])
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "bericht.pdf").write_bytes(b"%PDF-1.4 Bericht")
    engine = "django.db.backends.sqlite3"

    folder = backup({"ENGINE": engine, "NAME": source}, media, tmp_path / "backups")
    target = tmp_path / "restored.sqlite3"
    restore(folder, {"ENGINE": engine, "NAME": target}, tmp_path / "media2")

    with sqlite3.connect(target) as db:
        assert db.execute("SELECT title FROM page ORDER BY title").fetchall() == [
            ("Startseite",),
            ("Woche der Industrie",),
        ]
    assert (tmp_path / "media2" / "documents" / "bericht.pdf").read_bytes() == b"%PDF-1.4 Bericht"
