"""Storing a partner's event report (the form: events.forms.EventSubmissionForm, the page: events.views).

A valid report becomes a draft EventPage under the index, the submitter's contact data an
EventSubmission (never on the public page), and the page enters the moderation workflow of its
site; editors approve or reject it in the Wagtail admin. The confirmation e-mail is sent after
everything is stored: a mail failure is logged and loses nothing.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from cms.core import organisation
from cms.core.forms import store_once
from events.geocoding import fill_missing_location
from events.models import EventSubmission
from events.pages import add_event

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


def send_confirmation(submission, request):
    """Mail the partner a confirmation; a failure is logged and loses nothing (it is all stored)."""
    page = submission.page
    index = page.get_parent().specific
    org = organisation.current(request)
    context = {
        "submission": submission,
        "event": page,
        "index": index,
        "index_url": index.get_full_url(request),
        "privacy_url": request.build_absolute_uri(org.privacy_url) if org.privacy_url else "",
    }
    try:
        send_mail(
            subject=" ".join(f"Ihre Meldung für die {index.title}: {page.title}".split()),
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
