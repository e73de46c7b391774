"""Storing a partner's event report (the form: events.forms.EventSubmissionForm, the page: events.views).

A valid report becomes a draft EventPage under the index, the submitter's contact data an
EventSubmission (never on the public page), and the page enters the moderation workflow of its
site; editors approve or reject it in the Wagtail admin. The confirmation e-mail (with the
partner's personal link, events.selfservice) and the team's notification (recipients:
notifications.NotificationSettings) are sent after everything is stored: a mail failure is logged
and loses nothing.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from cms.core import organisation
from cms.core.forms import store_once
from events import selfservice
from events.geocoding import fill_missing_location
from events.models import EventSubmission
from events.pages import add_event
from notifications.mail import admin_url, notify

logger = logging.getLogger("cms.events")


def submit_event(index, form):
    """Store the report once: ``(submission, created)``; a resent form (same token) stores nothing."""
    token = form.submission_token
    return store_once(EventSubmission, token, lambda: _store_event(index, form, token))


@transaction.atomic
def _store_event(index, form, token):
    """A draft page under ``index`` in its workflow, and the submitter's data."""
    # Partners rarely know coordinates: the postcode gives an approximate place on the map.
    page = add_event(index, fill_missing_location(form.event))
    data = form.cleaned_data
    submission = EventSubmission.objects.create(
        page=page,
        name=data["submitter_name"],
        email=data["submitter_email"],
        phone=data["submitter_phone"],
        consent=data["consent"],
        submission_token=token,
    )
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    logger.info("Event %s submitted for %s (workflow: %s)", page.pk, index.pk, workflow)
    return submission


def send_confirmation(submission, request, correction=False):
    """Mail the partner a confirmation with the personal link; a failure is logged and loses nothing
    (it is all stored)."""
    page = submission.page
    event = page.get_latest_revision_as_object() if correction else page
    index = page.get_parent().specific
    org = organisation.current(request)
    context = {
        "submission": submission,
        "event": event,
        "index": index,
        "index_url": index.get_full_url(request),
        "privacy_url": request.build_absolute_uri(org.privacy_url) if org.privacy_url else "",
        "link_url": selfservice.link_url(submission, request),
        "link_days": selfservice.max_age() // 86400,
        "correction": correction,
    }
    subject = "Ihre Änderung" if correction else "Ihre Meldung"
    try:
        send_mail(
            subject=" ".join(f"{subject} für die {index.title}: {event.title}".split()),
            message=render_to_string("events/email/submission_confirmation.txt", context),
            from_email=org.sender,
            recipient_list=[submission.email],
        )
    except Exception:
        logger.exception("Confirmation mail for event submission %s failed", submission.pk)
        return False
    submission.confirmation_sent_at = timezone.now()
    submission.save(update_fields=["confirmation_sent_at"])
    return True


def notify_team(submission, correction=False, cancelled=False):
    """The team's e-mail about a new, corrected or cancelled report, with its page in the admin."""
    page = submission.page
    event = page.get_latest_revision_as_object()
    index = page.get_parent().specific
    contact = index.contact if index.contact_id else None
    what = "abgesagt" if cancelled else "geändert" if correction else "gemeldet"
    return notify(
        "events",
        f"Veranstaltung {what}: {event.title}",
        "events/email/submission_notification.txt",
        {
            "submission": submission,
            "event": event,
            "index": index,
            "what": what,
            "admin_url": admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        },
        fallback=[contact.email] if contact and contact.email else (),
    )
