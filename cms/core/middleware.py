"""A German 503 page while the database is unreachable, a 400 for input the database rejects.

``DatabaseUnavailableMiddleware`` turns a database error raised by a view into an answer:

- a lost or refused connection (``database_is_down``) into a 503 with ``Retry-After``;
- an error the visitor's input caused (a value out of range, a full-text search syntax error, see
  ``caused_by_input``) into a 400 with a German page, or ``{"message": ...}`` under /api/ (the form
  of Wagtail's own API errors). The database is up then: the outage page would be wrong.

Any other database error stays a 500 (a bug must show up as one). ``server_error`` (the project's
``handler500``) does the same for errors raised outside views (e.g. loading the session or the
user in another middleware). The 503 and 400 templates are rendered without a request context, so
they make no database query themselves. Django's connection health checks (``CONN_HEALTH_CHECKS``)
drop the broken connection at the next request, so the site recovers by itself when the database is
back.

Which errors mean "down" is decided by the error itself: DB-API drivers raise ``OperationalError``
both for a lost connection and for e.g. an FTS5 syntax error in SQLite, so the class alone does not
tell. PostgreSQL errors carry an SQLSTATE; a connection that failed before the server answered
carries none. No library classifies this for Django, hence the short lists below.
"""

import logging
import sys

from django.db import DataError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger("cms.core")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

# SQLSTATE classes of an unreachable or overloaded server: 08 connection exception, 53 insufficient
# resources (too many connections, disk full), 57 operator intervention (shutdown, cannot connect
# now, statement timeout), 58 system error.
OUTAGE_SQLSTATE_CLASSES = {"08", "53", "57", "58"}
# Messages of connection problems without an SQLSTATE (libpq, SQLite), lower case.
OUTAGE_MESSAGES = (
    "connection",
    "could not connect",
    "server closed",
    "terminating",
    "the database system is",
    "timeout expired",
    "unable to open database file",
    "disk i/o error",
    "database is locked",
)
# Messages of errors caused by the query's values (SQLite FTS5, search syntax), lower case.
INPUT_MESSAGES = (
    "fts5",
    "syntax error",
    "malformed match",
    "unterminated string",
    "too large",
    "out of range",
)


def _sqlstate(exception):
    cause = exception.__cause__ or exception
    return getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)


def database_is_down(exception):
    """Whether ``exception`` means the database cannot be reached (not: it rejected this query)."""
    if isinstance(exception, InterfaceError):
        return True
    if not isinstance(exception, OperationalError):
        return False
    sqlstate = _sqlstate(exception)
    if sqlstate:
        return sqlstate[:2] in OUTAGE_SQLSTATE_CLASSES
    message = str(exception).lower()
    return any(marker in message for marker in OUTAGE_MESSAGES)


def caused_by_input(exception):
    """Whether the database rejected a value of the request (the database itself is up)."""
    if isinstance(exception, DataError):  # e.g. "bigint out of range", invalid input syntax
        return True
    if isinstance(exception, OperationalError) and not database_is_down(exception):
        message = str(exception).lower()
        return any(marker in message for marker in INPUT_MESSAGES)
    return isinstance(exception, OverflowError)  # SQLite: int too large to convert to INTEGER


def database_unavailable(exception=None):
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    logger.warning("Datenbank nicht erreichbar: %s", exception)
    return response


BAD_INPUT_MESSAGE = (
    "Diese Anfrage enthält eine Eingabe, die nicht verarbeitet werden kann. Bitte prüfen Sie sie."
)


def bad_input(request, exception=None):
    logger.info("Ungültige Eingabe in %s: %s", request.path, exception)
    if request.path.startswith("/api/"):
        response = JsonResponse({"message": BAD_INPUT_MESSAGE}, status=400)
    else:
        response = HttpResponse(loader.get_template("400.html").render(), status=400)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database_is_down(exception):
            return database_unavailable(exception)
        if caused_by_input(exception):
            return bad_input(request, exception)
        return None


def server_error(request, template_name="500.html"):
    exception = sys.exc_info()[1]
    if database_is_down(exception):
        return database_unavailable(exception)
    return django_server_error(request, template_name=template_name)
