"""The fault and backup tests post to the event report and order forms: their fixtures."""

from tests.support.forms import index, items, order_page, url  # noqa: F401 - fixtures
