from django import forms


class YearFilterForm(forms.Form):
    """The year filter of the meeting reports. Bad values give a message, never a 500."""

    jahr = forms.TypedChoiceField(
        label="Jahr",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": "Für „%(value)s“ gibt es keine Berichte. Bitte wählen Sie ein Jahr aus."
        },
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jahr"].choices = [("", "Alle Jahre"), *((str(year), str(year)) for year in years)]
