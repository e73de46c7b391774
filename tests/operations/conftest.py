"""The backup tests post to the event report and order forms and back up media in a real S3 API."""

from tests.support.forms import index, items, order_page, url  # noqa: F401 - fixtures
from tests.support.s3 import s3_endpoint, s3_media, s3_storage_options  # noqa: F401 - fixtures
