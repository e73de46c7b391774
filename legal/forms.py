"""The admin form of a data subject's request: the address, and what to do with its records."""

from django import forms

FIND, EXPORT_JSON, EXPORT_CSV, ERASE = "find", "json", "csv", "erase"


class DataRequestForm(forms.Form):
    email = forms.EmailField(
        label="E-Mail-Adresse der anfragenden Person",
        max_length=254,
        error_messages={
            "required": "Bitte geben Sie die E-Mail-Adresse an.",
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
        },
    )
    action = forms.ChoiceField(
        choices=[
            (FIND, "Suchen"),
            (EXPORT_JSON, "Als JSON exportieren"),
            (EXPORT_CSV, "Als CSV exportieren"),
            (ERASE, "Löschen bzw. anonymisieren"),
        ],
        required=False,  # the buttons send it; Enter in the address field searches
        error_messages={"invalid_choice": "Unbekannte Aktion."},
    )
    confirm = forms.BooleanField(
        label="Ich habe die Identität der anfragenden Person geprüft; die Daten sollen gelöscht werden.",
        required=False,
    )

    def clean_action(self):
        return self.cleaned_data.get("action") or FIND

    def clean(self):
        data = super().clean()
        if data.get("action") == ERASE and not data.get("confirm"):
            self.add_error("confirm", "Bitte bestätigen Sie das Löschen.")
        return data
