"""Partners report their events through a public form ("anmelden/" under a week's index page).

A valid report becomes a draft EventPage under the index, the submitter's contact data an
EventSubmission (never on the public page), and the page enters the moderation workflow of its
site; editors approve or reject it in the Wagtail admin. The confirmation e-mail is sent after
everything is stored: a mail failure is logged and loses nothing.
"""

import logging

from django import forms
from django.core.mail import send_mail
from django.core.validators import RegexValidator
from django.db import transaction
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.models import Page

from cms.core.constants import FederalState
from cms.core.forms import (
    HoneypotMixin,
    SubmissionTokenMixin,
    handle_post,
    honeypot_field,
    store_once,
    text_field,
)
from cms.core.validators import postcode_validator
from events.geocoding import fill_missing_location
from events.models import EventPage, EventSubmission
from events.pages import add_event, event_errors

logger = logging.getLogger("cms.events")

DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",  # <input type="datetime-local">
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M",  # typed by hand where the browser shows a text field
    "%d.%m.%Y, %H:%M",
    "%d.%m.%Y %H.%M",
]
MAX_DURATION_DAYS = 31

phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{4,40}$",
    "Bitte nur Ziffern, Leerzeichen und die Zeichen + / - ( ) verwenden, z. B. 0221 123456.",
)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def _datetime(label, *, required, message=None, help_text=""):
    errors = {
        "invalid": ("Bitte Datum und Uhrzeit im Format TT.MM.JJJJ HH:MM angeben, z. B. 20.09.2017 14:00.")
    }
    if required:
        errors["required"] = message
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=DATETIME_INPUT_FORMATS,
        widget=DateTimeLocalInput,
        help_text=help_text,
        error_messages=errors,
    )


class EventSubmissionForm(HoneypotMixin, SubmissionTokenMixin, forms.Form):
    """The partner's report: the public fields of an EventPage plus who reports it."""

    title = text_field(
        "Titel der Veranstaltung",
        255,
        message="Bitte geben Sie den Titel der Veranstaltung an.",
        help_text="z. B. „Blick hinter die Werkstore: Ausbildung bei der Musterwerk GmbH“",
    )
    kind = forms.ChoiceField(
        label="Art der Veranstaltung",
        choices=[("", "Bitte wählen"), *EventPage.Kind.choices],
        error_messages={
            "required": "Bitte wählen Sie die Art der Veranstaltung.",
            "invalid_choice": "Bitte wählen Sie eine Art aus der Liste.",
        },
    )
    audience = forms.ChoiceField(
        label="Zielgruppe",
        choices=EventPage.Audience.choices,
        initial=EventPage.Audience.EVERYONE,
        error_messages={
            "required": "Bitte wählen Sie die Zielgruppe.",
            "invalid_choice": "Bitte wählen Sie eine Zielgruppe aus der Liste.",
        },
    )
    start = _datetime(
        "Beginn",
        required=True,
        message="Bitte geben Sie an, wann die Veranstaltung beginnt.",
        help_text="Datum und Uhrzeit, z. B. 20.09.2017 14:00",
    )
    end = _datetime("Ende (optional)", required=False, help_text="Datum und Uhrzeit, z. B. 20.09.2017 16:30")
    description = text_field(
        "Beschreibung",
        4000,
        message="Bitte beschreiben Sie die Veranstaltung in ein paar Sätzen.",
        help_text="Was erwartet die Besucherinnen und Besucher? Höchstens 4.000 Zeichen.",
        widget=forms.Textarea,
        rows=8,
    )
    organiser_name = text_field(
        "Veranstalter",
        255,
        message="Bitte geben Sie den Veranstalter an.",
        help_text="Unternehmen, Kammer, Gewerkschaft, Verband oder Initiative",
        autocomplete="organization",
    )
    venue = text_field(
        "Veranstaltungsort",
        255,
        message="Bitte geben Sie den Veranstaltungsort an.",
        help_text="z. B. „Werk Andernach, Tor 3“",
    )
    street = text_field("Straße und Hausnummer (optional)", 255, required=False, autocomplete="address-line1")
    postcode = forms.CharField(
        label="Postleitzahl",
        max_length=5,
        validators=[postcode_validator],
        error_messages={
            "required": "Bitte geben Sie die Postleitzahl an.",
            "max_length": "Bitte eine fünfstellige Postleitzahl angeben, z. B. 50667.",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}),
    )
    city = text_field("Ort", 120, message="Bitte geben Sie den Ort an.", autocomplete="address-level2")
    federal_state = forms.ChoiceField(
        label="Bundesland",
        choices=[("", "Bitte wählen"), *FederalState.choices],
        error_messages={
            "required": "Bitte wählen Sie das Bundesland.",
            "invalid_choice": "Bitte wählen Sie ein Bundesland aus der Liste.",
        },
    )
    registration_required = forms.BooleanField(label="Anmeldung erforderlich", required=False)
    registration_info = text_field(
        "Hinweise zur Anmeldung (optional)", 500, required=False, help_text="z. B. „bis 10. Mai per E-Mail“"
    )
    registration_url = forms.URLField(
        label="Adresse der Anmeldung (optional)",
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text="Internetadresse, unter der man sich anmelden kann, z. B. https://www.example.org/anmeldung",
        error_messages={
            "invalid": "Bitte eine gültige Internetadresse angeben, z. B. https://www.example.org/anmeldung.",
            "max_length": "Die Adresse ist zu lang (höchstens %(limit_value)d Zeichen).",
        },
    )
    accessibility = text_field(
        "Barrierefreiheit (optional)",
        1000,
        required=False,
        help_text="z. B. „Rollstuhlgerecht, Gebärdensprachdolmetschung auf Anfrage“",
        widget=forms.Textarea,
        rows=3,
    )
    submitter_name = text_field(
        "Ihr Name", 120, message="Bitte geben Sie Ihren Namen an.", autocomplete="name"
    )
    submitter_email = forms.EmailField(
        label="Ihre E-Mail-Adresse",
        help_text="An diese Adresse schicken wir die Bestätigung und gegebenenfalls Rückfragen.",
        error_messages={
            "required": "Bitte geben Sie Ihre E-Mail-Adresse an.",
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    submitter_phone = forms.CharField(
        label="Ihre Telefonnummer (optional)",
        required=False,
        max_length=40,
        validators=[phone_validator],
        error_messages={"max_length": "Bitte höchstens %(limit_value)d Zeichen eingeben."},
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        label=(
            "Ich bin damit einverstanden, dass das N3tzwerk Zukunft der Industrie meinen Namen, meine "
            "E-Mail-Adresse und meine Telefonnummer speichert, um diese Meldung zu bearbeiten und mich "
            "bei Rückfragen zu erreichen."
        ),
        help_text=(
            "Diese Angaben werden nicht veröffentlicht. Sie können die Einwilligung jederzeit per E-Mail "
            "an info@n3tzwerk.org widerrufen."
        ),
        error_messages={"required": "Ohne Ihre Einwilligung können wir die Meldung nicht speichern."},
    )
    website = honeypot_field()

    fieldsets = [
        ("Die Veranstaltung", ["title", "kind", "audience", "start", "end", "description"]),
        ("Veranstalter und Ort", ["organiser_name", "venue", "street", "postcode", "city", "federal_state"]),
        (
            "Anmeldung und Barrierefreiheit",
            ["registration_required", "registration_info", "registration_url", "accessibility"],
        ),
        ("Ihre Kontaktdaten", ["submitter_name", "submitter_email", "submitter_phone", "consent"]),
    ]
    event_fields = [name for _legend, names in fieldsets[:3] for name in names]

    summary_labels = {"consent": "Einwilligung"}

    def __init__(self, *args, index, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.index = index
        self.event = None
        self.add_token_field()

    def error_summary(self):
        """[(field id or None, short label, message)] for the summary above the form."""
        summary = [(None, "", error) for error in self.non_field_errors()]
        for field in self:
            label = self.summary_labels.get(field.name, field.label)
            summary.extend((field.id_for_label, label, error) for error in field.errors)
        return summary

    def grouped(self):
        """[(legend, [bound fields])] for the template's fieldsets."""
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def clean_postcode(self):
        return self.cleaned_data["postcode"].replace(" ", "")

    def clean_start(self):
        start = self.cleaned_data["start"]
        index = self.index
        if start < timezone.now():
            raise forms.ValidationError(
                "Der Beginn liegt in der Vergangenheit. Bitte prüfen Sie Datum und Uhrzeit."
            )
        day = timezone.localtime(start).date()
        if index.week_start and index.week_end:
            if not index.week_start <= day <= index.week_end:
                raise forms.ValidationError(
                    "Die Woche der Industrie %(year)s dauert vom %(first)s bis %(last)s. "
                    "Bitte wählen Sie einen Beginn in dieser Woche.",
                    params={
                        "year": index.year,
                        "first": f"{index.week_start:%d.%m.%Y}",
                        "last": f"{index.week_end:%d.%m.%Y}",
                    },
                )
        elif day.year != index.year:
            raise forms.ValidationError(
                "Bitte wählen Sie einen Beginn im Jahr %(year)s.", params={"year": index.year}
            )
        return start

    def clean(self):
        data = super().clean()
        for name, value in data.items():
            if not isinstance(value, str):
                continue
            if isinstance(self.fields[name].widget, forms.Textarea):
                data[name] = value.replace("\r\n", "\n")
            else:
                data[name] = " ".join(value.split())  # one-line fields: no line breaks, no runs of spaces
        start, end = data.get("start"), data.get("end")
        if start and end and (end - start).days >= MAX_DURATION_DAYS:
            self.add_error("end", f"Eine Veranstaltung kann höchstens {MAX_DURATION_DAYS} Tage dauern.")
        # The model's own rules (validators, EventPage.clean) for what the fields let through.
        values = {name: data[name] for name in self.event_fields if name in data}
        page = EventPage(**values)
        for field, messages in event_errors(page, self.index).items():
            if field in self.fields and field not in values:
                continue  # already reported by the form field
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        self.event = page
        return data


def _render(index, request, template, **context):
    context = {**Page.get_context(index, request), **context}
    return TemplateResponse(request, template, context)


def submit_view(index, request):
    if not index.accepts_submissions:
        return _render(index, request, "events/event_submit_page.html", closed=True)

    def render(form, **context):
        return _render(index, request, "events/event_submit_page.html", form=form, **context)

    if request.method != "POST":
        return render(EventSubmissionForm(index=index))

    def store(form):
        submission, created = submit_event(index, form)
        if created:
            send_confirmation(submission, request)

    return handle_post(
        request,
        group="events.submit",
        make_form=lambda **kwargs: EventSubmissionForm(index=index, **kwargs),
        render=render,
        store=store,
        success_url=lambda: index.get_url(request) + index.reverse_subpage("submit_thanks"),
    )


def thanks_view(index, request):
    return _render(index, request, "events/event_submit_thanks.html")


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
    context = {
        "submission": submission,
        "event": page,
        "index": index,
        "index_url": index.get_full_url(request),
    }
    try:
        send_mail(
            subject=" ".join(f"Ihre Meldung für die {index.title}: {page.title}".split()),
            message=render_to_string("events/email/submission_confirmation.txt", context),
            from_email=None,
            recipient_list=[submission.email],
        )
    except Exception:
        logger.exception("Confirmation mail for event submission %s failed", submission.pk)
        return False
    submission.confirmation_sent_at = timezone.now()
    submission.save(update_fields=["confirmation_sent_at"])
    return True
