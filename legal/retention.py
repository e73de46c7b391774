"""Deleting or anonymising expired personal data (``manage.py purge_personal_data``, ``make purge``).

For each record type of ``cms.core.personal_data`` the period comes from ``RetentionSettings``
(the same number the privacy page shows): a record that came in before ``now - period`` loses its
personal data; the non-personal facts stay (an order's items and date, the event page of a report).
Just on the boundary (exactly the period old) a record is kept.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from legal.models import RetentionSettings

logger = logging.getLogger("cms.legal")


@dataclass(frozen=True)
class PurgeResult:
    label: str
    days: int
    cutoff: object
    count: int


def purge(*, dry_run=False, now=None):
    """``[PurgeResult]`` per record type; with ``dry_run`` nothing changes, ``count`` is what would."""
    now = now or timezone.now()
    results = []
    retention = RetentionSettings.current()
    with transaction.atomic():
        for entry, days in retention.periods():
            expired = entry.expired(days, now)
            count = expired.count() if dry_run else entry.purge(expired)
            results.append(PurgeResult(entry.label, days, entry.cutoff(days, now), count))
            if count and not dry_run:
                logger.info("purge_personal_data: %s: %d Datensätze bereinigt", entry.label, count)
    return results
