import django_filters
from django import forms

from cms.core.constants import FederalState
from cms.core.filters import FilterForm, ListingFilterSet
from cms.core.text import matches
from regions.models import InitiativePage


class InitiativeFilter(ListingFilterSet):
    """What the fields of ``InitiativeFilterForm`` narrow the directory to."""

    q = django_filters.CharFilter(method="search")
    good_practice = django_filters.BooleanFilter(method="only_good_practice")

    def search(self, queryset, name, term):
        """Title, summary, city and partners' names, compared with the site's one normalisation
        (``cms.core.text``: "Buendnis" finds "Bündnis", "Koeln" "Köln", "Nordwestfalen"
        "Nord-Westfalen"). The directory is small (one row per initiative and partner), so the
        texts are compared in Python in one query, the same on SQLite and PostgreSQL."""
        texts = {}
        rows = queryset.order_by().values_list(
            "pk", "title", "summary", "city", "partners__organisation__name"
        )
        for pk, *values in rows:
            texts.setdefault(pk, []).extend(values)
        return queryset.filter(pk__in=[pk for pk, values in texts.items() if matches(values, term)])

    def only_good_practice(self, queryset, name, checked):
        return queryset.filter(is_good_practice=True) if checked else queryset


class InitiativeFilterForm(FilterForm):
    """GET filters of the initiative directory. Invalid values are reported, never a 500."""

    filterset = InitiativeFilter

    q = forms.CharField(label="Suchbegriff", required=False, max_length=100, strip=True)
    land = forms.ChoiceField(
        label="Bundesland",
        required=False,
        choices=[("", "Alle Bundesländer"), *FederalState.choices],
        error_messages={"invalid_choice": "„%(value)s“ ist kein Bundesland. Bitte wählen Sie aus der Liste."},
    )
    art = forms.ChoiceField(
        label="Art",
        required=False,
        error_messages={
            "invalid_choice": "„%(value)s“ ist keine bekannte Art. Bitte wählen Sie aus der Liste."
        },
    )
    good_practice = forms.BooleanField(label="Nur Good-Practice-Beispiele", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["art"].choices = [("", "Alle Arten"), *InitiativePage.Kind.choices]
        self.fields["q"].error_messages["max_length"] = (
            "Der Suchbegriff ist zu lang (höchstens %(limit_value)d Zeichen)."
        )

    def clean_q(self):
        value = self.cleaned_data["q"]
        # Control characters have no business in a search term.
        return "".join(ch for ch in value if ch.isprintable())
