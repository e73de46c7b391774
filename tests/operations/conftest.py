"""The backup tests post to the event report and order forms and back up media in a real S3 API:
the fixtures of the tests under tests/cms."""

from tests.cms.conftest import (  # noqa: F401 - fixtures
    index,
    items,
    order_page,
    s3_endpoint,
    s3_media,
    s3_storage_options,
    url,
)
