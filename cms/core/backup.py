"""Backup and restore of the site: the database (pg_dump custom format, or a copy of the SQLite
file) plus a tar archive of the uploaded media, in one folder per backup with a small manifest.

The media are read and written through Django's storage API (the default storage, where Wagtail
keeps images, renditions and documents): the same code backs up ``MEDIA_ROOT`` and an S3 bucket
(django-storages). A model file field on another storage is refused with a message rather than
silently left out.

Used by ``manage.py backup_site`` / ``restore_site`` (``make backup`` / ``make restore``).
"""

import json
import os
import posixpath
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.utils import timezone

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


class BackupError(Exception):
    """A German message for the operator."""


def _pg_env(database):
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return env


def _pg_args(database):
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            args += [option, str(database[key])]
    return args


def _run(command, env):
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if completed.returncode != 0:
        raise BackupError(f"{command[0]} ist fehlgeschlagen: {completed.stderr.strip()[:2000]}")


def media_storage(media):
    """``media`` as a storage: a storage as it is, a folder as a FileSystemStorage on it."""
    return FileSystemStorage(location=media) if isinstance(media, str | os.PathLike) else media


def check_single_storage():
    """Refuse when a model keeps files outside the default storage: they would be missing."""
    check_bucket_configured()
    from django.apps import apps
    from django.core.files.storage import default_storage
    from django.db.models import FileField
    from wagtail.images.models import get_rendition_storage

    others = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, FileField) and field.storage is not default_storage
    ]
    if get_rendition_storage() is not default_storage:
        others.append("WAGTAILIMAGES_RENDITION_STORAGE")
    if others:
        raise BackupError(
            "Diese Dateifelder liegen nicht im Standardspeicher und würden nicht gesichert: "
            f"{', '.join(others)}. Bitte gesondert sichern oder in den Standardspeicher legen."
        )


def check_bucket_configured(environ=os.environ):
    """Refuse when a bucket is named but these settings keep the media elsewhere (e.g. the dev
    settings, which know no S3): the backup would miss every file in the bucket."""
    from django.core.files.storage import default_storage

    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if bucket and isinstance(default_storage, FileSystemStorage):
        raise BackupError(
            f"AWS_STORAGE_BUCKET_NAME={bucket} ist gesetzt, aber diese Einstellungen "
            f"({environ.get('DJANGO_SETTINGS_MODULE', 'cms.settings.dev')}) legen die Medien in "
            "MEDIA_ROOT: die Dateien im Bucket würden fehlen. Bitte mit "
            "DJANGO_SETTINGS_MODULE=cms.settings.production aufrufen (make backup tut das)."
        )


def _walk(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name)
    for sub in sorted(folders):
        yield from _walk(storage, posixpath.join(folder, sub))


def _storage_error(action, exc):
    return BackupError(f"Die Medien konnten nicht {action} werden ({type(exc).__name__}: {exc}).")


def backup_media(storage, archive_path):
    """Write every file of ``storage`` into a gzip tar at ``archive_path``; return their count."""
    count = 0
    try:
        with tarfile.open(archive_path, "w:gz") as archive:
            for name in _walk(storage):
                info = tarfile.TarInfo(name)
                info.size = storage.size(name)
                info.mtime = int(timezone.now().timestamp())
                with storage.open(name, "rb") as source:
                    archive.addfile(info, source)
                count += 1
    except BackupError:
        raise
    except Exception as exc:  # noqa: BLE001 - any storage failure (network, S3 errors) stops the backup
        raise _storage_error("gelesen", exc) from exc
    return count


def backup(database, media, target_dir):
    """Write a new backup folder under ``target_dir`` and return its path.

    ``media`` is the storage of the uploads (``default_storage``) or a folder of them."""
    storage = media_storage(media)
    folder = Path(target_dir) / timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    folder.mkdir(parents=True)
    vendor = database["ENGINE"].rsplit(".", 1)[-1]
    if vendor == "postgresql":
        command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / PG_DUMP)]
        _run([*command, *_pg_args(database), str(database["NAME"])], _pg_env(database))
    elif vendor == "sqlite3":
        source = sqlite3.connect(str(database["NAME"]))
        copy = sqlite3.connect(str(folder / SQLITE_COPY))
        with copy:
            source.backup(copy)  # consistent even while the site writes
        source.close()
        copy.close()
    else:
        raise BackupError(f"Sicherung für die Datenbank {vendor} wird nicht unterstützt.")
    files = backup_media(storage, folder / MEDIA_ARCHIVE)
    manifest = {
        "created": timezone.now().isoformat(),
        "database": vendor,
        # __class__, not type(): default_storage is a lazy proxy of the configured class.
        "media": {
            "storage": f"{storage.__class__.__module__}.{storage.__class__.__qualname__}",
            "files": files,
        },
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return folder


def latest(target_dir):
    """``target_dir`` itself if it is a backup, else its newest backup folder."""
    if (Path(target_dir) / MANIFEST).exists():
        return Path(target_dir)
    folders = sorted(path for path in Path(target_dir).glob("*") if (path / MANIFEST).exists())
    if not folders:
        raise BackupError(f"In {target_dir} liegt keine Sicherung.")
    return folders[-1]


def _member_name(member):
    """The storage name of a tar member, or None for what is no plain file (or leaves the root)."""
    name = posixpath.normpath(member.name.removeprefix("./"))
    if not member.isfile() or name.startswith(("/", "../")) or name in {".", ".."}:
        return None
    return name


def restore_media(archive_path, storage):
    """Put every file of the archive into ``storage`` under its own name, replacing what is there."""
    count = 0
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive:
                name = _member_name(member)
                if name is None:
                    continue
                if storage.exists(name):
                    storage.delete(name)
                saved = storage.save(name, File(archive.extractfile(member), name=posixpath.basename(name)))
                if saved != name:
                    raise BackupError(f"{name} wurde als {saved} gespeichert, nicht unter seinem Namen.")
                count += 1
    except BackupError:
        raise
    except Exception as exc:  # noqa: BLE001 - any storage failure stops the restore with a message
        raise _storage_error("zurückgeschrieben", exc) from exc
    return count


def restore(folder, database, media):
    """Restore the backup in ``folder`` into ``database`` (replacing its tables) and ``media``
    (the storage of the uploads or a folder; files of the backup replace those of the same name)."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{folder} ist keine vollständige Sicherung.") from exc
    vendor = database["ENGINE"].rsplit(".", 1)[-1]
    if manifest["database"] != vendor:
        raise BackupError(f"Die Sicherung ist von {manifest['database']}, das Ziel ist {vendor}.")
    if vendor == "postgresql":
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error"]
        _run(
            [*command, *_pg_args(database), "--dbname", str(database["NAME"]), str(folder / PG_DUMP)],
            _pg_env(database),
        )
    else:
        # Through SQLite's backup API, not a file copy: the site runs SQLite in WAL mode
        # (cms/settings/base.py), and a copied file beside an old -wal file gets that file's pages
        # laid over it. The API writes through SQLite, so readers of the old file see it replaced.
        source = sqlite3.connect(str(folder / SQLITE_COPY))
        target = sqlite3.connect(str(database["NAME"]))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    restore_media(folder / MEDIA_ARCHIVE, media_storage(media))
    # Pages cached before the restore would otherwise be served for up to PAGE_CACHE_SECONDS.
    from cms.core import pagecache

    pagecache.clear()
    return manifest
