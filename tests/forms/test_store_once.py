"""cms.core.forms.store_once: one record per submission token, also when two requests race."""

import uuid

import pytest
from django.db import IntegrityError

from accessibility.models import AccessibilityFeedback
from cms.core.forms import store_once

pytestmark = pytest.mark.django_db


def feedback(token, message):
    return AccessibilityFeedback.objects.create(submission_token=token, message=message)


def test_stores_once_per_token():
    token = uuid.uuid4()
    first, created = store_once(AccessibilityFeedback, token, lambda: feedback(token, "erste"))
    assert created
    again, created_again = store_once(AccessibilityFeedback, token, lambda: pytest.fail("stored twice"))
    assert (again, created_again) == (first, False)
    other_token = uuid.uuid4()
    other, created_other = store_once(
        AccessibilityFeedback, other_token, lambda: feedback(other_token, "andere")
    )
    assert created_other and other != first and other.submission_token == other_token


def test_the_request_that_loses_a_race_gets_the_record_of_the_other(monkeypatch):
    token = uuid.uuid4()
    lookups = []
    filter_ = AccessibilityFeedback.objects.filter

    def filter_before_the_other_request_stored(*args, **kwargs):
        lookups.append(kwargs)
        queryset = filter_(*args, **kwargs)
        return queryset.none() if len(lookups) == 1 else queryset

    feedback(token, "die andere Anfrage")  # committed after this request looked, before it inserts
    monkeypatch.setattr(AccessibilityFeedback.objects, "filter", filter_before_the_other_request_stored)
    record, created = store_once(AccessibilityFeedback, token, lambda: feedback(token, "diese Anfrage"))
    assert (record.message, created) == ("die andere Anfrage", False)
    assert len(lookups) == 2
    monkeypatch.undo()
    assert AccessibilityFeedback.objects.count() == 1


def test_an_integrity_error_of_another_kind_is_not_swallowed():
    def broken():
        raise IntegrityError("anderer Fehler")

    with pytest.raises(IntegrityError):
        store_once(AccessibilityFeedback, uuid.uuid4(), broken)
