"""Fixtures of the legal tests: records with personal data (tests.support.personal_data) and the
public forms (tests.support.forms)."""

from tests.support.forms import index, items, order_page, url  # noqa: F401 - fixtures
from tests.support.personal_data import event_index, records  # noqa: F401 - fixtures
