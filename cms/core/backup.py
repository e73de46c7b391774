"""Backup and restore of the site: the database (pg_dump custom format, or a copy of the SQLite
file) plus a tar archive of MEDIA_ROOT, in one folder per backup with a small manifest.

Used by ``manage.py backup_site`` / ``restore_site`` (``make backup`` / ``make restore``).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

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


def backup(database, media_root, target_dir):
    """Write a new backup folder under ``target_dir`` and return its path."""
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
    media_root = Path(media_root)
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    manifest = {"created": timezone.now().isoformat(), "database": vendor}
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


def restore(folder, database, media_root):
    """Restore the backup in ``folder`` into ``database`` (replacing its tables) and ``media_root``."""
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
        shutil.copyfile(folder / SQLITE_COPY, database["NAME"])
    media_root = Path(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")  # no absolute paths, no escapes from media_root
    # Pages cached before the restore would otherwise be served for up to PAGE_CACHE_SECONDS.
    from cms.core import pagecache

    pagecache.clear()
    return manifest
