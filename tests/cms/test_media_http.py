"""``make serve`` (production settings, no S3) over HTTP: uploaded images and their renditions are
served from /media/ with safe headers, documents never (Issue 15)."""

import json
import os
import secrets
import subprocess
import sys
from contextlib import contextmanager

import pytest
import requests
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories.core import MINIMAL_PDF, DocumentFactory, ImageFactory
from tests.support.instances import BASE_DIR, database_url, free_port, wait_until_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def instance_database(request, tmp_path):
    """The instance needs the tables (a 404 consults Wagtail's redirects), not this test's rows: on
    PostgreSQL the test database, on SQLite a file copy of the migrated test database."""
    if connection.vendor == "postgresql":
        return database_url()
    copy = tmp_path / "instance.sqlite3"
    copy.write_bytes(request.getfixturevalue("migrated_database").read_bytes())
    return f"sqlite:///{copy}"


def static_manifest(static_root):
    """A manifest naming each static file as itself: the production storage renders pages (the
    404 page) without a collectstatic run, which takes most of a minute here and is not tested."""
    from django.contrib.staticfiles.finders import get_finders

    paths = {name: name for finder in get_finders() for name, _storage in finder.list([])}
    static_root.mkdir(parents=True, exist_ok=True)
    manifest = {"paths": paths, "version": "1.1", "hash": ""}
    (static_root / "staticfiles.json").write_text(json.dumps(manifest), encoding="utf-8")
    return static_root


@contextmanager
def production_instance(tmp_path, database):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "STATIC_ROOT": str(static_manifest(tmp_path / "static")),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
    }
    for name in ("DEBUG", "AWS_STORAGE_BUCKET_NAME", "REDIS_URL"):
        env.pop(name, None)
    command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    command += ["--threads", "2", "--no-control-socket", "--log-level", "warning", "cms.wsgi"]
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env)  # noqa: S603 - fixed command
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def test_production_server_serves_images_but_not_documents(tmp_path, instance_database):
    database = instance_database
    image = ImageFactory()
    rendition = image.get_rendition("fill-60x40")
    collection = Collection.get_first_root_node().add_child(name="Vorstand")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    documents = [
        DocumentFactory(file=ContentFile(MINIMAL_PDF, name="offen.pdf")),
        DocumentFactory(file=ContentFile(MINIMAL_PDF, name="intern.pdf"), collection=collection),
    ]

    with production_instance(tmp_path, database) as base:
        for url in (rendition.url, image.file.url):
            response = requests.get(f"{base}{url}", timeout=10)
            assert response.status_code == 200, url
            assert response.headers["Content-Type"].startswith("image/")
            assert response.content == image.file.storage.open(url.removeprefix("/media/")).read()
            assert response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert "max-age=" in response.headers["Cache-Control"]
        for document in documents:
            assert (settings.MEDIA_ROOT / document.file.name).exists()
            response = requests.get(f"{base}/media/{document.file.name}", timeout=10)
            assert response.status_code in (403, 404)
            assert MINIMAL_PDF not in response.content
