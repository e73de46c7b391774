"""Media in a real S3 API on this machine (moto's server on a free port), for the storage, serving and
backup tests (tests/cms, tests/operations)."""

import logging
import socket
import uuid

import pytest


@pytest.fixture(scope="session")
def s3_endpoint():
    """A real S3 API on this machine: moto's server in a thread, on a free port."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per S3 request in the output

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage_options(s3_endpoint):
    """The options of the production media storage (cms.core.storage.MediaStorage) on a new bucket."""
    import boto3

    bucket = f"medien-{uuid.uuid4().hex[:12]}"
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=bucket)
    return {
        "bucket_name": bucket,
        "endpoint_url": s3_endpoint,
        "region_name": "us-east-1",
        "access_key": "test",
        "secret_key": "test",
        "location": "media",
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": 3600,
        "file_overwrite": False,
        "addressing_style": "path",
    }


@pytest.fixture
def s3_media(settings, s3_storage_options):
    """Media (images, documents, renditions) in the S3 bucket for this test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "cms.core.storage.MediaStorage", "OPTIONS": s3_storage_options},
    }
    from django.core.cache import caches
    from django.core.files.storage import default_storage

    # Wagtail caches renditions by image id and filter: one of an earlier test's local file (same
    # id after its rollback) would point into the bucket where it does not exist.
    for alias in {"default", "renditions"} & set(settings.CACHES):
        caches[alias].clear()
    return default_storage
