"""The fault tests post to the event report and order forms: their fixtures; media in a real S3 API
(tests/support/s3.py); a file copy of the migrated SQLite test database."""

import pytest
from django.db import connection

from tests.support.forms import index, items, order_page, url  # noqa: F401 - fixtures
from tests.support.s3 import s3_endpoint, s3_media, s3_storage_options  # noqa: F401 - fixtures


@pytest.fixture(scope="session")
def migrated_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """A file copy of the migrated SQLite test database, for a site started in another process
    (taken once; the tests' own rows are not in it)."""
    if connection.vendor != "sqlite":
        pytest.skip(f"SQLite only (the suite runs on {connection.vendor})")
    path = tmp_path_factory.mktemp("sqlite") / "migrated.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        # serialize() reads the pages of this very connection: a backup() would wait for the lock
        # of a test transaction that is already open (transactions begin IMMEDIATE on SQLite).
        path.write_bytes(connection.connection.serialize())
    return path
