import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from cms.core.constants import FederalState
from cms.core.filters import FilterForm, ListingFilterSet


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
        from events.models import EventPage

        super().__init__(*args, **kwargs)
        self.fields["art"].choices = [("", "Alle Arten"), *EventPage.Kind.choices]
        days = self._days(index)
        self.fields["tag"].choices = [
            ("", "Alle Tage"),
            *((day.isoformat(), f"{day:%d.%m.%Y}") for day in days),
        ]

    @staticmethod
    def _days(index):
        from events.models import week_days

        if index is None:
            return []
        days = week_days(index)
        if days:
            return days
        return list(index.events().dates("start", "day", tzinfo=timezone.get_current_timezone()))[:31]

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
