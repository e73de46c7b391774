"""The team's notification e-mail about a new record (event report, order, accessibility feedback).

Called after the record is committed: a failing mail server is logged and loses nothing (the record
is in the admin). Recipients: ``NotificationSettings`` for the kind, else the caller's ``fallback``
addresses, else the association's address (``cms.core.organisation``), which is also the sender.
Django's ``send_mail`` does the sending; this module only chooses the recipients and the admin link,
which no library knows.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from cms.core import organisation
from notifications.models import NotificationSettings

logger = logging.getLogger(__name__)


def admin_url(path):
    """The admin ``path`` (from ``reverse``) as a full address for an e-mail."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def recipients(kind, fallback=()):
    configured = NotificationSettings.current().recipients(kind)
    return configured or sorted(set(fallback)) or [organisation.current().reply_address]


def notify(kind, subject, template, context, fallback=()):
    """Mail the team about a stored record; True if it went out. Never raises."""
    try:
        to = recipients(kind, fallback)
        send_mail(
            " ".join(subject.split()),
            render_to_string(template, context),
            organisation.current().sender,
            to,
        )
    except Exception:  # any backend or database error: the record is stored and listed in the admin
        logger.exception("Benachrichtigung (%s) „%s“ konnte nicht versendet werden", kind, subject)
        return False
    return True
