"""The search parameters from the URL.

Not a django-filter ``FilterSet`` like the listings (``cms.core.filters``): the facets narrow a search
backend's results and count them, not a Django queryset, so there is no queryset to filter; the form
only checks the values and drops an invalid one with a German notice.
"""

from django import forms

from cms.core.constants import FederalState
from search.text import MAX_QUERY_LENGTH, clean_query

YEAR_RANGE = (1950, 2100)


class SearchForm(forms.Form):
    """The search parameters from the URL. Invalid facet values are dropped with a German notice."""

    q = forms.CharField(label="Suchbegriff", required=False)
    art = forms.SlugField(label="Art", required=False, max_length=30)
    land = forms.ChoiceField(
        label="Bundesland", required=False, choices=[("", "Alle"), *FederalState.choices]
    )
    jahr = forms.IntegerField(label="Jahr", required=False, min_value=YEAR_RANGE[0], max_value=YEAR_RANGE[1])

    error_messages = {
        "art": "Diese Art von Ergebnissen gibt es nicht; der Filter wurde entfernt.",
        "land": "Dieses Bundesland gibt es nicht; der Filter wurde entfernt.",
        "jahr": "Das Jahr ist ungültig; der Filter wurde entfernt.",
    }

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q"))

    def values(self):
        """(query, filters, notices): the usable values; invalid ones are left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        query = clean_query(self.data.get("q", ""))
        notices = []
        if len(str(self.data.get("q", ""))) > MAX_QUERY_LENGTH:
            notices.append(f"Der Suchbegriff war sehr lang und wurde auf {MAX_QUERY_LENGTH} Zeichen gekürzt.")
        filters = {}
        for name, key in (("art", "kind"), ("land", "federal_state"), ("jahr", "year")):
            if name in self.errors:
                notices.append(self.error_messages[name])
            elif data.get(name) not in (None, ""):
                filters[key] = data[name]
        return query, filters, notices
