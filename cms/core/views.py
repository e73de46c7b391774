"""Small views of the site: robots.txt, and Wagtail's password views of private pages and
documents with a lockout after repeated wrong passwords (cms/core/ratelimit.py)."""

import functools
import logging

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views

from cms.core.ratelimit import password_failures

logger = logging.getLogger("cms.security")

# Admin, API and the search result pages are of no use in a search engine's index.
DISALLOWED = ["/admin/", "/django-admin/", "/api/", "/suche/"]


@require_safe  # GET and HEAD
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _locked_out(request, seconds_left):
    response = TemplateResponse(request, "password_lockout.html", status=429)
    response["Retry-After"] = str(seconds_left)
    add_never_cache_headers(response)
    return response


def with_password_lockout(view, scope):
    """``view`` (one of Wagtail's password views) behind a per-client count of wrong passwords.

    At ``AXES_FAILURE_LIMIT`` wrong passwords for one restriction the client gets the German 429
    page, and keeps getting it, without the password being checked, until the hour is over. A right
    password before that works as before (Wagtail answers it with a redirect).
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        restriction = scope(*args, **kwargs)
        usage = password_failures(request, restriction)
        if usage is not None and usage[0] >= usage[1]:
            return _locked_out(request, usage[2])
        response = view(request, *args, **kwargs)
        if request.method == "POST" and response.status_code == 200:  # the form again: wrong password
            usage = password_failures(request, restriction, increment=True)
            if usage is not None and usage[0] >= usage[1]:
                logger.warning("Passwort für %s: Sperre nach %s Fehlversuchen.", restriction, usage[0])
                return _locked_out(request, usage[2])
        return response

    return wrapper


page_password = with_password_lockout(
    wagtail_views.authenticate_with_password,
    lambda page_view_restriction_id, page_id: f"page-{page_view_restriction_id}",
)
document_password = with_password_lockout(
    document_views.authenticate_with_password,
    lambda restriction_id: f"collection-{restriction_id}",
)
