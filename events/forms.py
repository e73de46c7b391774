"""The forms of the events app: the GET filters of the list and map, and the partners' event report.

The report is a ModelForm on EventPage: fields, choices, lengths and validators come from the model;
the form adds only what the public form says differently (German labels, hints and messages, widgets)
and the submitter's contact fields, which go into an EventSubmission, never onto the page.
"""

import datetime

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.forms.models import construct_instance, model_to_dict
from django.utils import timezone

from cms.core import organisation
from cms.core.constants import FederalState
from cms.core.filters import FilterForm, ListingFilterSet
from cms.core.forms import MAX_LENGTH_MESSAGE, HoneypotMixin, SubmissionTokenMixin, honeypot_field, text_field
from events.models import EventPage, week_days
from events.pages import event_errors


def _shown(value, limit=20):
    return value if len(value) <= limit else value[:limit] + "…"


class EventFilter(ListingFilterSet):
    """What the fields of ``EventFilterForm`` narrow the events to."""

    ort = django_filters.CharFilter(method="at_place")
    tag = django_filters.DateFilter(method="on_day")

    def at_place(self, events, name, place):
        """A postcode prefix (digits) or part of the city's name."""
        if place.isdigit():
            return events.filter(postcode__startswith=place)
        return events.filter(city__icontains=place)

    def on_day(self, events, name, day):
        """Events that start that day or started before and last until then."""
        return events.filter(Q(start__date=day) | Q(start__date__lt=day, end__date__gte=day))


class EventFilterForm(FilterForm):
    """GET filters of the event list and map. Bad values get a German message, never a 500;
    the other, valid filters still apply."""

    filterset = EventFilter

    land = forms.ChoiceField(
        label="Bundesland",
        required=False,
        choices=[("", "Alle Bundesländer"), *FederalState.choices],
        error_messages={"invalid_choice": "„%(value)s“ ist kein Bundesland. Bitte wählen Sie aus der Liste."},
    )
    ort = forms.CharField(
        label="Ort oder Postleitzahl",
        required=False,
        max_length=60,
        help_text="z. B. „Köln“ oder „50“ für alle Postleitzahlen, die mit 50 beginnen",
        error_messages={"max_length": "Der Ort ist zu lang (höchstens %(limit_value)d Zeichen)."},
    )
    art = forms.ChoiceField(
        label="Art",
        required=False,
        error_messages={
            "invalid_choice": "„%(value)s“ ist keine bekannte Art. Bitte wählen Sie aus der Liste."
        },
    )
    tag = forms.ChoiceField(
        label="Tag",
        required=False,
        error_messages={
            "invalid_choice": (
                "„%(value)s“ ist kein Tag dieser Woche. Bitte wählen Sie einen Tag aus der Liste."
            )
        },
    )

    def __init__(self, *args, index=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["art"].choices = [("", "Alle Arten"), *EventPage.Kind.choices]
        days = self._days(index)
        self.fields["tag"].choices = [
            ("", "Alle Tage"),
            *((day.isoformat(), f"{day:%d.%m.%Y}") for day in days),
        ]

    @staticmethod
    def _days(index):
        if index is None:
            return []
        days = week_days(index)
        if days:
            return days
        # datetimes(), not dates(): only it takes the time zone (dates() raised a TypeError here).
        days = index.events().datetimes("start", "day", tzinfo=timezone.get_current_timezone())
        return [moment.date() for moment in days[:31]]

    def clean_ort(self):
        value = "".join(ch for ch in self.cleaned_data["ort"] if ch.isprintable()).strip()
        if value.isdigit() and len(value) > 5:
            raise forms.ValidationError(
                "„%(value)s“ ist keine Postleitzahl: Postleitzahlen haben fünf Ziffern.",
                params={"value": _shown(value)},
            )
        return value

    def clean_tag(self):
        value = self.cleaned_data["tag"]
        return datetime.date.fromisoformat(value) if value else None

    @property
    def has_filters(self):
        return bool(self.is_bound and any(getattr(self, "cleaned_data", {}).values()))


EVENT_FIELDSETS = [
    ("Die Veranstaltung", ["title", "kind", "audience", "start", "end", "description"]),
    ("Veranstalter und Ort", ["organiser_name", "venue", "street", "postcode", "city", "federal_state"]),
    (
        "Anmeldung und Barrierefreiheit",
        ["registration_required", "registration_info", "registration_url", "accessibility"],
    ),
]
CONTACT_FIELDSET = ("Ihre Kontaktdaten", ["submitter_name", "submitter_email", "submitter_phone", "consent"])

DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M",  # <input type="datetime-local">
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M",  # typed by hand where the browser shows a text field
    "%d.%m.%Y, %H:%M",
    "%d.%m.%Y %H.%M",
]
DATETIME_MESSAGE = "Bitte Datum und Uhrzeit im Format TT.MM.JJJJ HH:MM angeben, z. B. 20.09.2017 14:00."
MAX_DURATION_DAYS = 31

phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{4,40}$",
    "Bitte nur Ziffern, Leerzeichen und die Zeichen + / - ( ) verwenden, z. B. 0221 123456.",
)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def public_formfield(model_field, **kwargs):
    """The model field's form field as the public form shows it: German messages for a too long text
    and an unknown choice, "Bitte wählen" as the empty choice, "(optional)" after the label of an
    optional text field, https:// for an address typed without a scheme."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    if isinstance(model_field, models.DateTimeField):
        kwargs.update(input_formats=DATETIME_INPUT_FORMATS, widget=DateTimeLocalInput)
    field = model_field.formfield(**kwargs)
    if isinstance(field, forms.CharField) and field.max_length:
        field.error_messages.setdefault("max_length", MAX_LENGTH_MESSAGE)
    if isinstance(field, forms.ChoiceField) and field.choices and field.choices[0][0] == "":
        field.choices = [("", "Bitte wählen"), *field.choices[1:]]
    if not field.required and not isinstance(field, forms.BooleanField):
        field.label = f"{field.label} (optional)"
    return field


class EventSubmissionForm(HoneypotMixin, SubmissionTokenMixin, forms.ModelForm):
    """The partner's report: the public fields of an EventPage plus who reports it."""

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
        help_text="Nur für schnelle Rückfragen zu Ihrer Meldung; ohne Telefonnummer fragen wir per E-Mail.",
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
        error_messages={"required": "Ohne Ihre Einwilligung können wir die Meldung nicht speichern."},
    )
    website = honeypot_field()

    fieldsets = [*EVENT_FIELDSETS, CONTACT_FIELDSET]
    summary_labels = {"consent": "Einwilligung"}

    class Meta:
        model = EventPage
        fields = [name for _legend, names in EVENT_FIELDSETS for name in names]
        formfield_callback = public_formfield
        # Only where the public form speaks differently from the page editor.
        labels = {
            "title": "Titel der Veranstaltung",
            "kind": "Art der Veranstaltung",
        }
        help_texts = {
            "title": "z. B. „Blick hinter die Werkstore: Ausbildung bei der Musterwerk GmbH“",
            "start": "Datum und Uhrzeit, z. B. 20.09.2017 14:00",
            "end": "Datum und Uhrzeit, z. B. 20.09.2017 16:30",
            "description": "Was erwartet die Besucherinnen und Besucher? Höchstens 4.000 Zeichen.",
            "organiser_name": "Unternehmen, Kammer, Gewerkschaft, Verband oder Initiative",
            "registration_url": (
                "Internetadresse, unter der man sich anmelden kann, z. B. https://www.example.org/anmeldung"
            ),
        }
        error_messages = {
            "title": {"required": "Bitte geben Sie den Titel der Veranstaltung an."},
            "kind": {
                "required": "Bitte wählen Sie die Art der Veranstaltung.",
                "invalid_choice": "Bitte wählen Sie eine Art aus der Liste.",
            },
            "audience": {
                "required": "Bitte wählen Sie die Zielgruppe.",
                "invalid_choice": "Bitte wählen Sie eine Zielgruppe aus der Liste.",
            },
            "start": {
                "required": "Bitte geben Sie an, wann die Veranstaltung beginnt.",
                "invalid": DATETIME_MESSAGE,
            },
            "end": {"invalid": DATETIME_MESSAGE},
            "description": {"required": "Bitte beschreiben Sie die Veranstaltung in ein paar Sätzen."},
            "organiser_name": {"required": "Bitte geben Sie den Veranstalter an."},
            "venue": {"required": "Bitte geben Sie den Veranstaltungsort an."},
            "postcode": {
                "required": "Bitte geben Sie die Postleitzahl an.",
                "max_length": "Bitte eine fünfstellige Postleitzahl angeben, z. B. 50667.",
            },
            "city": {"required": "Bitte geben Sie den Ort an."},
            "federal_state": {
                "required": "Bitte wählen Sie das Bundesland.",
                "invalid_choice": "Bitte wählen Sie ein Bundesland aus der Liste.",
            },
            "registration_url": {
                "invalid": "Bitte eine gültige Internetadresse angeben, z. B. https://www.example.org/anmeldung.",
                "max_length": "Die Adresse ist zu lang (höchstens %(limit_value)d Zeichen).",
            },
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "organiser_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postcode": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}
            ),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }

    def __init__(self, *args, index, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, instance=EventPage(locale_id=index.locale_id), **kwargs)
        self.index = index
        # The page editor may leave it empty (an organisation from the directory instead); a partner may not.
        self.fields["organiser_name"].required = True
        self.fields["organiser_name"].label = "Veranstalter"
        # With the organisation's address (Einstellungen → Organisation).
        self.fields["consent"].help_text = (
            "Diese Angaben werden nicht veröffentlicht. Sie können die Einwilligung jederzeit per E-Mail "
            f"an {organisation.current().reply_address} widerrufen."
        )
        self.add_token_field()

    @property
    def event(self):
        """The unsaved EventPage of a valid report."""
        return self.instance

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
        return data

    def _post_clean(self):
        """The model's own rules (validators, EventPage.clean) for what the fields let through, as
        ``events.pages.event_errors`` checks them for the CSV import too; a message for a field the form
        does not show goes to the top."""
        opts = self._meta
        self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)
        for field, messages in event_errors(self.instance, self.index).items():
            if field in self.fields and (field in self.errors or field not in self.cleaned_data):
                continue  # already reported by the form field
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


class EventCorrectionForm(EventSubmissionForm):
    """A partner's correction through the personal link (events.selfservice): the event fields of the
    report on the event as it stands (its latest revision), without the contact fields."""

    fieldsets = EVENT_FIELDSETS

    def __init__(self, *args, index, event, **kwargs):
        super().__init__(*args, index=index, **kwargs)
        self.instance = event
        if not self.is_bound:
            self.initial.update(model_to_dict(event, fields=self._meta.fields))
        for name in ("submitter_name", "submitter_email", "submitter_phone", "consent"):
            del self.fields[name]


# A date picker needs the ISO date, not the German one of the locale's input formats.
ISO_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NewWeekForm(forms.Form):
    """Year and days of the next Woche der Industrie (admin: "Neue Woche der Industrie anlegen")."""

    year = forms.IntegerField(label="Jahr", min_value=2016, max_value=2100)
    week_start = forms.DateField(label="Erster Tag der Woche", widget=ISO_DATE)
    week_end = forms.DateField(label="Letzter Tag der Woche", widget=ISO_DATE)

    def clean(self):
        data = super().clean()
        start, end = data.get("week_start"), data.get("week_end")
        if start and end and end < start:
            self.add_error("week_end", "Der letzte Tag darf nicht vor dem ersten liegen.")
        return data
