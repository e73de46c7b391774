"""A German 503 page instead of a 500 while the database is unreachable.

``DatabaseUnavailableMiddleware`` turns a database connection error raised by a view into a 503
with ``Retry-After``; ``server_error`` (the project's ``handler500``) does the same for errors raised
outside views (e.g. loading the session or the user in another middleware). The 503 template is
rendered without a request context, so it makes no database query itself. Django's connection
health checks (``CONN_HEALTH_CHECKS``) drop the broken connection at the next request, so the site
recovers by itself when the database is back.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger("cms.core")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(exception=None):
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    logger.warning("Datenbank nicht erreichbar: %s", exception)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable(exception)
        return None


def server_error(request, template_name="500.html"):
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        return database_unavailable(exception)
    return django_server_error(request, template_name=template_name)
