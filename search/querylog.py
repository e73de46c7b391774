"""Counts searches for the editors' report of search terms (wagtail.contrib.search_promotions), in batches.

Wagtail's ``Query.get(q).add_hit()`` writes every single search: four queries, one of them an UPDATE of
the same row for everybody searching the same term. That cost more than answering a repeated search
from the cache (docs/benchmarks/site.md). Here each process adds up its counts in memory; the first
search not yet written starts a timer, which writes all of them together ``SEARCH_LOG_FLUSH_SECONDS``
later in its own thread (never on a visitor's request) and closes its database connection again. What
is left is written when the process ends. With ``0`` every search is written at once (tests). A
process that is killed loses the counts of at most those last seconds; when the database cannot be
reached, the counts are kept for the next write (up to ``MAX_PENDING`` different queries).
"""

import atexit
import logging
import threading
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger("cms.search")

MAX_PENDING = 10_000

_lock = threading.Lock()
_pending = Counter()  # {(normalised query, date): searches not written yet}
_state = {"timer": None}


def _seconds():
    return getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", 0)


def count(query_string):
    """Count one search for ``query_string``."""
    query_string = normalise_query_string(query_string)
    if not query_string:
        return
    seconds = _seconds()
    with _lock:
        key = (query_string, timezone.now().date())
        if key in _pending or len(_pending) < MAX_PENDING:
            _pending[key] += 1
        if seconds > 0 and _state["timer"] is None:
            timer = threading.Timer(seconds, _write_in_background)
            timer.daemon = True
            _state["timer"] = timer
            timer.start()
    if seconds <= 0:
        flush()


def flush():
    """Write the counts gathered so far: per query and day, one row added to in one UPDATE."""
    with _lock:
        batch = list(_pending.items())
        _pending.clear()
    for index, ((query_string, date), hits) in enumerate(batch):
        try:
            with transaction.atomic():
                query = Query.objects.get_or_create(query_string=query_string)[0]
                daily = QueryDailyHits.objects.get_or_create(query=query, date=date)[0]
                QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
        except (OperationalError, InterfaceError):  # database unreachable: keep them for the next write
            logger.exception("Suchanfragen konnten nicht gezählt werden; sie werden später geschrieben.")
            with _lock:
                for key, value in batch[index:]:
                    if key in _pending or len(_pending) < MAX_PENDING:
                        _pending[key] += value
            return
        except DatabaseError:  # this one query cannot be stored; the report must never break the search
            logger.exception("Suchanfrage %r konnte nicht gezählt werden.", query_string)


def _write_in_background():
    with _lock:
        _state["timer"] = None
    try:
        flush()
    finally:
        connections.close_all()  # this thread's connections; it ends now


@atexit.register
def _write_at_exit():
    timer = _state["timer"]
    if timer is not None:
        timer.cancel()
    if _pending:
        flush()
