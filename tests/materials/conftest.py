"""The pages of the order form tests: their fixtures live in tests.support.forms."""

from tests.support.forms import items, order_page  # noqa: F401 - fixtures
