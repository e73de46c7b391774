"""The records with personal data of the legal tests: helpers and fixtures in tests.support.personal_data."""

from tests.support.personal_data import event_index, records  # noqa: F401 - fixtures
