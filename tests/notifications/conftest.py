"""The forms whose records notify the team: their fixtures live in tests.support.forms."""

from tests.support.forms import index, items, order_page, url  # noqa: F401 - fixtures
