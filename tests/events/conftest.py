"""The pages of the event report tests: their fixtures live in tests.support.forms."""

from tests.support.forms import index, url  # noqa: F401 - fixtures
