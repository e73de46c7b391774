"""The base of the listing filters (django-filter): the FilterSet filters, the app's form shows.

Each listing keeps its own Django form – German labels, help texts and error messages, clean
methods, choices that depend on the page – and a ``FilterSet`` of the same field names does the
filtering. ``FormFilterSet`` takes that form as it is (django-filter would otherwise build a form of
its own from the filters), so an invalid field is left out of ``cleaned_data`` and its filter
skipped while the valid ones still apply; the form shows the error. The site search does not use
this: its facets filter a search backend's results, not a queryset (see ``search.forms``).
"""

import django_filters
from django import forms


class FormFilterSet(django_filters.FilterSet):
    """A FilterSet on an existing (bound or unbound) form: ``Filter(form, queryset).qs``."""

    def __init__(self, form, queryset):
        self._form = form  # FilterSet.form returns it instead of building one
        super().__init__(form.data if form.is_bound else None, queryset=queryset)


class ListingFilterSet(FormFilterSet):
    """The filters of the site's listings (initiatives, events): Bundesland and Art."""

    land = django_filters.CharFilter(field_name="federal_state")
    art = django_filters.CharFilter(field_name="kind")


class FilterForm(forms.Form):
    """A listing's GET filter form: ``filter(queryset)`` applies its valid fields through ``filterset``."""

    filterset = None  # the FormFilterSet class of the same field names

    def filter(self, queryset):
        """Apply the valid filters; a field with an error is left out (and reported by the template)."""
        return self.filterset(self, queryset).qs
