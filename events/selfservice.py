"""The partner's personal link to a reported event: see its status, correct it, cancel it – no account.

The link carries ``{"s": submission pk, "n": nonce}`` signed with Django's ``TimestampSigner`` (salted,
so no other signed value of the site fits). It expires after ``EVENT_LINK_MAX_AGE_DAYS`` and, because
the nonce (``EventSubmission.access_nonce``) is renewed whenever the link is used to change or cancel
the event, an old link no longer works afterwards; each correction mails a fresh one. The views are
in events/partner_views.py.

A correction is a new revision of the page that goes through the review workflow again (a live event
stays online as it was until the editors approve the change); a cancellation unpublishes the event
and stops its review.
"""

import uuid

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from events.models import EventSubmission

SALT = "events.selfservice"


class LinkError(Exception):
    """The link is unusable: ``kind`` is "invalid" (garbled, tampered), "expired" or "used"."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def max_age():
    return settings.EVENT_LINK_MAX_AGE_DAYS * 24 * 60 * 60


def make_token(submission):
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"s": submission.pk, "n": str(submission.access_nonce)}
    )


def read_token(token):
    """The EventSubmission of a valid link (with its page); ``LinkError`` otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        data = signer.unsign_object(token, max_age=max_age())
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except Exception:  # BadSignature, and any garbled payload that slipped through (bad base64, JSON)
        raise LinkError("invalid") from None
    if not (isinstance(data, dict) and isinstance(data.get("s"), int) and isinstance(data.get("n"), str)):
        raise LinkError("invalid")
    submission = EventSubmission.objects.select_related("page").filter(pk=data["s"]).first()
    if submission is None:
        raise LinkError("invalid")
    if str(submission.access_nonce) != data["n"]:
        raise LinkError("used")
    return submission


def link_path(submission):
    return reverse("event_self_service", args=[make_token(submission)])


def link_url(submission, request=None):
    path = link_path(submission)
    return (
        request.build_absolute_uri(path) if request is not None else f"{settings.WAGTAILADMIN_BASE_URL}{path}"
    )


def renew(submission):
    """A new nonce: every link mailed so far stops working."""
    submission.access_nonce = uuid.uuid4()
    submission.save(update_fields=["access_nonce"])


def status(submission):
    """(key, German label) of the reported event as the partner sees it."""
    page = submission.page
    if submission.cancelled_at:
        return "cancelled", "Abgesagt"
    state = page.current_workflow_state
    if state is not None:
        return "review", "In Prüfung durch die Redaktion" + (" (Änderung)" if page.live else "")
    if page.live and not page.has_unpublished_changes:
        return "live", "Veröffentlicht"
    if page.live:
        return "live_changed", "Veröffentlicht; eine Änderung ist noch nicht freigegeben"
    rejected = page.workflow_states.filter(status="needs_changes").exists()
    if rejected:
        return "rejected", "Nicht freigegeben – bitte korrigieren Sie die Angaben"
    return "draft", "Noch nicht veröffentlicht"


def _restart_review(page):
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=None)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)


@transaction.atomic
def correct(submission, event):
    """Save the corrected ``event`` (the form's instance) as a new revision and send it to review."""
    event.save_revision(user=None, log_action=True)
    _restart_review(event)  # the workflow's task reviews event.latest_revision, the one just saved
    renew(submission)
    return submission


@transaction.atomic
def cancel(submission):
    """Unpublish the event, stop its review and mark the report cancelled."""
    page = submission.page
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=None)
    if page.live:
        page.unpublish(user=None)
    submission.cancelled_at = timezone.now()
    submission.access_nonce = uuid.uuid4()
    submission.save(update_fields=["cancelled_at", "access_nonce"])
    return submission
