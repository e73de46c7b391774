"""The registry of personal data: every app's record types are there, each with its retention field."""

from wagtail import hooks

from cms.core.personal_data import PersonalData, registered
from legal.checks import retention_fields


def test_the_four_record_types_are_registered_in_order():
    assert [entry.key for entry in registered()] == [
        "event_submissions",
        "orders",
        "accessibility_feedback",
        "search_log",
    ]
    for entry in registered():
        assert entry.purpose and entry.legal_basis and entry.recipients and entry.kept, entry.key


def test_a_record_type_without_a_retention_field_fails_the_system_check():
    assert retention_fields(None) == []
    newsletter = PersonalData(
        key="newsletter", label="Newsletter", model_label="auth.User", date_field="date_joined",
        personal_fields=("email",),
    )  # fmt: skip
    with hooks.register_temporarily("register_personal_data", lambda: [newsletter]):
        (error,) = retention_fields(None)
    assert error.id == "legal.E001" and "newsletter_days" in error.msg
