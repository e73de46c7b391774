"""The fault and backup tests post to the event report and order forms: their fixtures."""

from tests.events.test_submission import index, url  # noqa: F401 - fixtures
from tests.materials.test_order_form import items, order_page  # noqa: F401 - fixtures
