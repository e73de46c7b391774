"""The fault tests post to the order form: its fixtures."""

from tests.materials.test_order_form import items, order_page  # noqa: F401 - fixtures
