"""Receiving feedback on barriers: store it first, then tell the editors by e-mail.

The recipients are set under Einstellungen → Benachrichtigungen (notifications.NotificationSettings);
without any there, the active editors and the page's contact. A failing mail server loses nothing:
the feedback is stored before the mail goes out, and a failure is only logged (editors see every
report under "Rückmeldungen zur Barrierefreiheit").
"""

import logging

from django.contrib.auth import get_user_model
from django.urls import reverse

from accessibility.models import AccessibilityFeedback
from cms.core import organisation
from cms.core.forms import store_once
from notifications.mail import admin_url, notify

logger = logging.getLogger(__name__)

# The site's editorial group (see cms/roles/migrations/0001_roles_and_workflow.py).
EDITOR_GROUP = "Redaktion"


def editor_addresses(page):
    """The page's contact address and those of the active editors, each once, sorted."""
    users = get_user_model().objects.filter(is_active=True, groups__name=EDITOR_GROUP).exclude(email="")
    addresses = set(users.values_list("email", flat=True))
    if page.contact_id and page.contact.email:
        addresses.add(page.contact.email)
    return sorted(addresses) or [organisation.current().reply_address]


def receive_feedback(page, form):
    """Store the valid ``form`` as AccessibilityFeedback and mail the editors. Returns the feedback.

    A form sent again with the same token (double click, reload) stores and mails nothing more.
    """
    token = form.submission_token
    feedback, created = store_once(
        AccessibilityFeedback,
        token,
        lambda: AccessibilityFeedback.objects.create(
            page=page, submission_token=token, **form.feedback_data()
        ),
    )
    if not created:
        return feedback
    notify(
        "feedback",
        "Rückmeldung zur Barrierefreiheit",
        "accessibility/email/feedback_notification.txt",
        {
            "feedback": feedback,
            "admin_url": admin_url(
                reverse("wagtailsnippets_accessibility_accessibilityfeedback:edit", args=[feedback.pk])
            ),
        },
        fallback=editor_addresses(page),
    )
    return feedback
