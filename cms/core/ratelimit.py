"""Rate limiting of the public forms and of the page and document passwords per client
(django-ratelimit on the default cache).

Every POST to a form counts, valid or not, honeypot or not; past ``FORM_RATE_LIMIT`` per client
address the form is shown again with the entered data and a German message, status 429, and
nothing is stored. Behind a reverse proxy the proxy must set REMOTE_ADDR (or configure
``RATELIMIT_IP_META_KEY``). With a shared cache (Redis) the limit holds across workers; if the
cache is down, the forms stay open (``RATELIMIT_FAIL_OPEN``).

Passwords of private pages and collections (``password_failures``): only wrong passwords count, per
client address and restriction, at most ``AXES_FAILURE_LIMIT`` an hour like the admin login; at the
limit the password is no longer checked until the hour is over (cms/core/views.py).
"""

from django.conf import settings
from django_ratelimit.core import get_usage, is_ratelimited

RATE_LIMITED_MESSAGE = (
    "Von Ihrem Anschluss kamen in kurzer Zeit zu viele Einsendungen. Bitte senden Sie das Formular "
    "später erneut; nach spätestens einer Stunde ist das wieder möglich. Ihre Eingaben sind erhalten "
    "geblieben; es wurde noch nichts gespeichert."
)


def form_rate_limited(request, group):
    """True if this POST is one too many for the client (and counts it)."""
    return is_ratelimited(
        request, group=group, key="ip", rate=settings.FORM_RATE_LIMIT, method="POST", increment=True
    )


def initial_from_post(request):
    """The POSTed values as a form's ``initial``, to show them again without validating them."""
    return {key: request.POST.get(key) for key in request.POST if key != "csrfmiddlewaretoken"}


PASSWORD_LOCKOUT_SECONDS = 60 * 60


def password_failures(request, scope, *, increment=False):
    """(wrong passwords from this client for ``scope`` in the current hour, the limit, seconds left).

    ``increment`` counts one more. ``None`` if nothing is counted (rate limiting off, cache down).
    """
    limit = settings.AXES_FAILURE_LIMIT
    usage = get_usage(
        request,
        group=f"password:{scope}",
        key="ip",
        rate=f"{limit}/{PASSWORD_LOCKOUT_SECONDS}s",
        increment=increment,
    )
    if usage is None:
        return None
    return usage["count"], limit, max(1, usage["time_left"])
