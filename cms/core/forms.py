"""Building blocks of the public forms: German field helpers, the honeypot and the submission token.

The event report (events/submissions.py) and the order form (materials/forms.py) use them, so
both speak the same German and protect themselves the same way against bots and double clicks.
"""

import uuid

from django import forms

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
