"""Building blocks of the public forms: German field helpers, the honeypot, the submission token and
the handling of a POST (rate limit, honeypot, errors, store, redirect).

The event report (events), the order form (materials) and the accessibility feedback use them (each
app's views.py calls ``handle_post``), so they speak the same German and protect themselves the same
way against bots, floods and double clicks; their fields share one template,
cms/templates/includes/form_field.html.
"""

import logging
import uuid

from django import forms
from django.db import IntegrityError, transaction
from django.shortcuts import redirect

from cms.core.ratelimit import RATE_LIMITED_MESSAGE, form_rate_limited, initial_from_post

logger = logging.getLogger("cms.forms")

HONEYPOT = "website"

MAX_LENGTH_MESSAGE = "Bitte höchstens %(limit_value)d Zeichen eingeben (jetzt: %(show_value)d)."


def required(message):
    return {"required": message}


def text_field(
    label,
    max_length,
    *,
    required=True,
    message=None,
    max_length_message=MAX_LENGTH_MESSAGE,
    help_text="",
    widget=None,
    **attrs,
):
    """A CharField with German messages; ``attrs`` become the widget's HTML attributes."""
    errors = {"max_length": max_length_message}
    if required:
        errors["required"] = message or f"Bitte geben Sie „{label}“ an."
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        error_messages=errors,
        widget=(widget or forms.TextInput)(attrs=attrs),
    )


class HoneypotMixin:
    """``is_spam``: the hidden honeypot field (``website = honeypot_field()``) was filled in."""

    @property
    def is_spam(self):
        return bool(self.is_bound and str(self.data.get(HONEYPOT, "")).strip())


def handle_post(request, *, group, make_form, render, store, success_url):
    """The POST of a public form, the same steps for all of them.

    1. One too many from this client (``cms.core.ratelimit``): the form again with the entered values
       and a German message, status 429; nothing is stored.
    2. The honeypot filled in: a redirect as if it had worked; nothing is stored, a bot learns nothing.
    3. Invalid: the form again with its errors.
    4. Valid: ``store(form)``, then a redirect to ``success_url()`` (a reload does not send it again).

    ``make_form(**kwargs)`` builds the form (with ``data`` or ``initial``); ``render(form, **context)``
    returns the page with it.
    """
    if form_rate_limited(request, group):
        response = render(make_form(initial=initial_from_post(request)), rate_limited=RATE_LIMITED_MESSAGE)
        response.status_code = 429
        return response
    form = make_form(data=request.POST)
    if form.is_spam:
        logger.info("%s: Einsendung an %s mit ausgefülltem Honeypot verworfen.", group, request.path)
        return redirect(success_url())
    if not form.is_valid():
        return render(form)
    store(form)
    return redirect(success_url())


def honeypot_field(label="Bitte lassen Sie dieses Feld leer"):
    """Hidden from people (CSS, aria-hidden in the template); bots tend to fill in every field."""
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class SubmissionTokenMixin:
    """A hidden one-time token per filled-in form, stored with what the form creates.

    The token is made when the empty form is shown and sent back with every POST of that form,
    so a double click (or a reload of the POST) carries the same token twice; a unique constraint
    on the stored record lets only the first one through. A missing or garbled token is replaced
    by a fresh one: the submission is then stored normally, just without this protection.
    """

    TOKEN_FIELD = "submission_token"  # noqa: S105 - a field name

    def add_token_field(self):
        self.fields[self.TOKEN_FIELD] = forms.UUIDField(required=False, widget=forms.HiddenInput)
        if not self.is_bound:
            self.initial[self.TOKEN_FIELD] = uuid.uuid4()
            return
        try:
            uuid.UUID(str(self.data.get(self.TOKEN_FIELD, "")))
        except ValueError:
            self.data = self.data.copy()
            self.data[self.TOKEN_FIELD] = str(uuid.uuid4())

    @property
    def submission_token(self):
        return self.cleaned_data.get(self.TOKEN_FIELD) or uuid.uuid4()


def store_once(model, token, create):
    """``(record, created)``: what ``create()`` stores, once per submission token.

    A form sent again with the same token (a double click, a reloaded POST) stores nothing and gets
    the ``model`` record stored the first time. ``create`` runs in a transaction; when both requests
    arrive at once, the unique constraint on ``submission_token`` lets the first one through and the
    second gets its record.
    """
    existing = model.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = model.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        return existing, False
