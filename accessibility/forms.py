"""The feedback form of the accessibility statement.

German messages, honeypot and one-time token from cms.core.forms, like the event report and the
order form.
"""

from django import forms

from cms.core.forms import HoneypotMixin, SubmissionTokenMixin, honeypot_field, text_field

TOO_LONG = "Die Angabe ist zu lang (höchstens %(limit_value)d Zeichen)."


class FeedbackForm(HoneypotMixin, SubmissionTokenMixin, forms.Form):
    name = text_field(
        "Name (freiwillig)",
        120,
        required=False,
        max_length_message=TOO_LONG,
        help_text="Nur damit wir Sie in einer Antwort mit Namen ansprechen können.",
        autocomplete="name",
    )
    email = forms.EmailField(
        label="E-Mail-Adresse (freiwillig)",
        required=False,
        max_length=254,
        help_text="Nur wenn Sie eine Antwort möchten: Ohne Adresse können wir Ihnen nicht antworten.",
        error_messages={
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
            "max_length": "Die E-Mail-Adresse ist zu lang (höchstens %(limit_value)d Zeichen).",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    page_url = text_field(
        "Betroffene Seite (freiwillig)",
        500,
        required=False,
        max_length_message=TOO_LONG,
        help_text="Die Adresse oder der Titel der Seite mit der Barriere; so finden wir sie schneller.",
    )
    message = forms.CharField(
        label="Beschreibung der Barriere",
        max_length=4000,
        help_text="Was hat nicht funktioniert? Welche Hilfsmittel nutzen Sie, z. B. einen Bildschirmleser?",
        error_messages={
            "required": "Bitte beschreiben Sie die Barriere.",
            "max_length": "Die Beschreibung ist zu lang (höchstens %(limit_value)d Zeichen).",
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    website = honeypot_field()

    visible_field_names = ("name", "email", "page_url", "message")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_token_field()

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in self.visible_field_names]

    def feedback_data(self):
        return {name: self.cleaned_data[name].strip() for name in self.visible_field_names}
