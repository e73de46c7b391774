"""The feedback form of the accessibility statement (German messages, honeypot like the other forms)."""

from django import forms

HONEYPOT = "website"


class FeedbackForm(forms.Form):
    name = forms.CharField(
        label="Name (freiwillig)",
        required=False,
        max_length=120,
        error_messages={"max_length": "Der Name ist zu lang (höchstens %(limit_value)d Zeichen)."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="E-Mail-Adresse (freiwillig)",
        required=False,
        max_length=254,
        help_text="Nur wenn Sie eine Antwort möchten.",
        error_messages={
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
            "max_length": "Die E-Mail-Adresse ist zu lang (höchstens %(limit_value)d Zeichen).",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    page_url = forms.CharField(
        label="Betroffene Seite (freiwillig)",
        required=False,
        max_length=500,
        help_text="Die Adresse oder der Titel der Seite, auf der die Barriere ist.",
        error_messages={"max_length": "Die Angabe ist zu lang (höchstens %(limit_value)d Zeichen)."},
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
    # Honeypot: hidden from people (CSS and aria-hidden); bots tend to fill in every field.
    website = forms.CharField(
        label="Bitte dieses Feld leer lassen",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    visible_field_names = ("name", "email", "page_url", "message")

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in self.visible_field_names]

    @property
    def is_spam(self):
        return bool(self.is_bound and self.data.get(HONEYPOT, "").strip())

    def feedback_data(self):
        return {name: self.cleaned_data[name].strip() for name in self.visible_field_names}
