"""Counts searches for the editors' report of search terms (wagtail.contrib.search_promotions), in batches.

Wagtail's ``Query.get(q).add_hit()`` writes every single search: four queries, one of them an UPDATE of
the same row for everybody searching the same term. That cost more than answering a repeated search
from the cache (docs/benchmarks/site.md). Here each process adds up its counts in memory and writes
them together, after a response has been sent (``request_finished``) and at most every
``SEARCH_LOG_FLUSH_SECONDS``, and when the process ends. With ``0`` every search is written at once
(tests). A process that is killed loses at most the counts of those last seconds.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger("cms.search")

_lock = threading.Lock()
_pending = Counter()  # {(normalised query, date): searches not written yet}
_state = {"written": time.monotonic()}


def _seconds():
    return getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", 0)


def count(query_string):
    """Count one search for ``query_string`` (written at once when SEARCH_LOG_FLUSH_SECONDS is 0)."""
    query_string = normalise_query_string(query_string)
    if not query_string:
        return
    with _lock:
        _pending[(query_string, timezone.now().date())] += 1
    if _seconds() <= 0:
        flush()


def flush():
    """Write the counts gathered so far: per query and day, one row added to in one UPDATE."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _state["written"] = time.monotonic()
    for (query_string, date), hits in batch.items():
        try:
            with transaction.atomic():
                query = Query.objects.get_or_create(query_string=query_string)[0]
                daily = QueryDailyHits.objects.get_or_create(query=query, date=date)[0]
                QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
        except DatabaseError:  # the report must never break the search
            logger.exception("Suchanfrage %r konnte nicht gezählt werden.", query_string)


def _flush_if_due(**kwargs):
    if _pending and time.monotonic() - _state["written"] >= _seconds():
        flush()


def _flush_at_exit():
    if _pending:
        flush()


def register():
    request_finished.connect(_flush_if_due, dispatch_uid="search_querylog_flush")
    atexit.register(_flush_at_exit)
