"""The partner's pages behind the personal link of the confirmation mail (events.selfservice).

Apart from events/views.py because they are not pages of a week's tree but plain Django URLs
(``/meine-veranstaltung/<link>/``): status, correction, cancellation. A tampered, expired or already
used link gets a German page that says so (400 or 410), never an error. None of the pages is kept by
any cache: they show one partner's data.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from cms.core.forms import handle_post
from events import selfservice
from events.forms import EventCorrectionForm
from events.submissions import notify_team, send_confirmation

LINK_ERRORS = {
    "invalid": (400, "Dieser Link ist ungültig", "Der Link ist unvollständig oder wurde verändert."),
    "expired": (
        410,
        "Dieser Link ist abgelaufen",
        "Aus Sicherheitsgründen gilt der persönliche Link nur eine begrenzte Zeit.",
    ),
    "used": (
        410,
        "Dieser Link wurde schon verwendet",
        "Mit diesem Link wurde die Veranstaltung bereits geändert oder abgesagt. Nach einer Änderung "
        "haben wir Ihnen einen neuen Link geschickt; bitte verwenden Sie den aus der neuesten E-Mail.",
    ),
}


def _link_error(request, kind):
    status, heading, text = LINK_ERRORS[kind]
    return TemplateResponse(
        request, "events/partner/link_error.html", {"heading": heading, "text": text}, status=status
    )


def _with_submission(view):
    """Resolve the link to its submission, or answer with the page for a bad link."""

    @never_cache
    def wrapped(request, token):
        try:
            submission = selfservice.read_token(token)
        except selfservice.LinkError as error:
            return _link_error(request, error.kind)
        return view(request, submission, token)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _context(submission, token, **extra):
    page = submission.page
    key, label = selfservice.status(submission)
    return {
        "submission": submission,
        "event": page.get_latest_revision_as_object(),
        "index": page.get_parent().specific,
        "status": key,
        "status_label": label,
        "token": token,
        **extra,
    }


@_with_submission
def status(request, submission, token):
    """What became of the report, with the links to correct or cancel it."""
    return TemplateResponse(request, "events/partner/status.html", _context(submission, token))


@_with_submission
def correct(request, submission, token):
    """The report's event fields on the event as it stands; a valid change goes to review again."""
    if submission.cancelled_at:
        return redirect("event_self_service", token=token)
    page = submission.page
    index = page.get_parent().specific
    event = page.get_latest_revision_as_object()

    def make_form(**kwargs):
        return EventCorrectionForm(index=index, event=event, **kwargs)

    def render(form, **extra):
        return TemplateResponse(
            request, "events/partner/correct.html", _context(submission, token, form=form, **extra)
        )

    if request.method != "POST":
        return render(make_form())

    def store(form):
        selfservice.correct(submission, form.event)
        send_confirmation(submission, request, correction=True)
        notify_team(submission, correction=True)
        messages.success(
            request, "Vielen Dank! Ihre Änderung ist gespeichert und wird von der Redaktion geprüft."
        )

    return handle_post(
        request,
        group="events.correct",
        make_form=make_form,
        render=render,
        store=store,
        success_url=lambda: selfservice.link_path(submission),
    )


@_with_submission
def cancel(request, submission, token):
    """Ask once, then cancel: the event leaves the site."""
    if submission.cancelled_at:
        return redirect("event_self_service", token=token)
    if request.method == "POST":
        selfservice.cancel(submission)
        notify_team(submission, cancelled=True)
        return TemplateResponse(request, "events/partner/cancelled.html", _context(submission, token))
    return TemplateResponse(request, "events/partner/cancel.html", _context(submission, token))
