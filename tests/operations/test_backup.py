"""make backup / make restore: a round trip on PostgreSQL brings back every page, document and submission."""

import json

import psycopg2
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from cms.operations.backup import BackupError, backup, latest, restore
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


def storage_files(storage, folder=""):
    """{name: bytes} of every file in ``storage``."""
    folders, files = storage.listdir(folder)
    result = {f"{folder}{name}": storage.open(f"{folder}{name}").read() for name in files}
    for sub in folders:
        result.update(storage_files(storage, f"{folder}{sub}/"))
    return result


def sqlite_database(tmp_path):
    import sqlite3

    path = tmp_path / "site.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE page (title TEXT)")
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": path}


@pytest.mark.django_db
def test_media_in_s3_are_backed_up_and_restored(s3_media, s3_storage_options, tmp_path):
    """Issue 15: with media in a bucket, make backup left them out (it archived MEDIA_ROOT only)."""
    from cms.core.storage import MediaStorage
    from tests.factories.core import ImageFactory

    document = DocumentFactory(file=ContentFile(make_pdf("Bericht aus dem Bucket"), name="bucket.pdf"))
    image = ImageFactory()
    rendition = image.get_rendition("fill-30x20")
    original = storage_files(s3_media)
    assert {document.file.name, image.file.name, rendition.file.name} <= set(original)
    assert not (settings.MEDIA_ROOT / document.file.name).exists()  # really only in the bucket

    folder = backup(sqlite_database(tmp_path), s3_media, tmp_path / "backups")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["media"] == {"storage": "cms.core.storage.MediaStorage", "files": len(original)}

    # Into an empty second bucket, plus one that holds an older version of the document.
    for stale in (False, True):
        target = MediaStorage(**{**s3_storage_options, "location": f"wiederhergestellt-{stale}"})
        if stale:
            target.save(document.file.name, ContentFile(b"alte Fassung"))
        restore(folder, {"ENGINE": "django.db.backends.sqlite3", "NAME": tmp_path / f"{stale}.db"}, target)
        assert storage_files(target) == original


def test_local_media_round_trip_through_the_storage_api(tmp_path):
    media = tmp_path / "media"
    for name, data in {"documents/bericht.pdf": b"%PDF-1.4", "images/a.fill-10x10.png": b"\x89PNG"}.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(data)
    (tmp_path / "restored" / "documents").mkdir(parents=True)
    (tmp_path / "restored" / "documents" / "bericht.pdf").write_bytes(b"alt")

    folder = backup(sqlite_database(tmp_path), media, tmp_path / "backups")
    restore(
        folder,
        {"ENGINE": "django.db.backends.sqlite3", "NAME": tmp_path / "r.sqlite3"},
        tmp_path / "restored",
    )

    assert (tmp_path / "restored" / "documents" / "bericht.pdf").read_bytes() == b"%PDF-1.4"
    assert (tmp_path / "restored" / "images" / "a.fill-10x10.png").read_bytes() == b"\x89PNG"


def test_restore_ignores_members_that_leave_the_media_root(tmp_path):
    import io
    import tarfile

    folder = backup(sqlite_database(tmp_path), tmp_path / "leer", tmp_path / "backups")
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        for name in ("../ausbruch.txt", "/etc/ausbruch.txt", "documents/ok.pdf"):
            info = tarfile.TarInfo(name)
            info.size = 2
            archive.addfile(info, io.BytesIO(b"ok"))
    restore(
        folder, {"ENGINE": "django.db.backends.sqlite3", "NAME": tmp_path / "r.sqlite3"}, tmp_path / "media"
    )
    assert (tmp_path / "media" / "documents" / "ok.pdf").read_bytes() == b"ok"
    assert not (tmp_path / "ausbruch.txt").exists()


@pytest.mark.django_db
def test_backup_refuses_file_fields_outside_the_default_storage(monkeypatch, tmp_path):
    from django.core.files.storage import FileSystemStorage

    from cms.core.models import CustomDocument
    from cms.operations.backup import check_single_storage

    check_single_storage()  # the project as it is: everything in the default storage
    monkeypatch.setattr(CustomDocument._meta.get_field("file"), "storage", FileSystemStorage(tmp_path))
    with pytest.raises(BackupError, match="core.CustomDocument.file"):
        check_single_storage()


@pytest.mark.django_db
def test_backup_site_uses_the_configured_storage(s3_media, monkeypatch, tmp_path):
    from django.core.management import call_command

    from cms.operations.management.commands import backup_site

    used = []
    monkeypatch.setattr(backup_site, "backup", lambda database, media, to: used.append(media) or tmp_path)
    call_command("backup_site", "--to", str(tmp_path))
    assert used == [s3_media]
    assert type(used[0]._wrapped).__name__ == "MediaStorage"


def test_a_named_bucket_with_local_media_settings_is_refused(monkeypatch):
    """The dev settings know no S3: backing up with them would leave the bucket's files out."""
    from cms.operations.backup import check_bucket_configured

    check_bucket_configured({})
    with pytest.raises(BackupError, match="DJANGO_SETTINGS_MODULE=cms.settings.production"):
        check_bucket_configured({"AWS_STORAGE_BUCKET_NAME": "n3tzwerk-medien"})


def test_sqlite_restore_into_a_database_in_wal_mode(tmp_path):
    """The site's SQLite runs in WAL mode (cms/settings/base.py): a restore that copied the file left
    the old ``-wal`` file beside it, whose pages SQLite then laid over the restored database."""
    import sqlite3

    engine = "django.db.backends.sqlite3"
    source = tmp_path / "site.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE page (title TEXT)")
        db.execute("INSERT INTO page VALUES ('Gesichert')")
    folder = backup({"ENGINE": engine, "NAME": source}, tmp_path / "media", tmp_path / "backups")

    target = tmp_path / "live.sqlite3"
    live = sqlite3.connect(target)
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")  # changes stay in the -wal file, as in a busy site
    live.execute("CREATE TABLE page (title TEXT)")
    live.execute("CREATE TABLE later (x)")
    live.executemany("INSERT INTO page VALUES (?)", [(f"Neu {n}",) for n in range(200)])
    live.commit()
    assert (tmp_path / "live.sqlite3-wal").stat().st_size > 0

    restore(folder, {"ENGINE": engine, "NAME": target}, tmp_path / "media2")
    live.close()

    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT title FROM page").fetchall() == [("Gesichert",)]
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'later'").fetchall() == []
