import django_filters
from django import forms
from django.core.exceptions import ValidationError

from cms.core.filters import FilterForm, FormFilterSet


class YearFilter(FormFilterSet):
    """What the field of ``YearFilterForm`` narrows the reports to."""

    jahr = django_filters.NumberFilter(field_name="date", lookup_expr="year")


class YearFilterForm(FilterForm):
    """The year filter of the meeting reports. Bad values give a German message, never a 500."""

    filterset = YearFilter

    jahr = forms.CharField(label="Jahr", required=False, strip=True, widget=forms.Select)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.years = list(years)
        self.fields["jahr"].widget.choices = [("", "Alle Jahre"), *((str(year), str(year)) for year in years)]

    def clean_jahr(self):
        value = self.cleaned_data["jahr"]
        if not value:
            return None
        shown = value if len(value) <= 20 else value[:20] + "…"
        if not (value.isascii() and value.isdigit() and len(value) == 4):
            raise ValidationError(
                "„%(value)s“ ist keine Jahreszahl. Bitte wählen Sie ein Jahr aus der Liste.",
                code="invalid",
                params={"value": shown},
            )
        year = int(value)
        if year not in self.years:
            raise ValidationError(
                "Für %(value)s gibt es keine Berichte. Bitte wählen Sie ein Jahr aus der Liste.",
                code="invalid_choice",
                params={"value": year},
            )
        return year
