"""Which records hold personal data: a small registry each domain app fills for the ``legal`` app.

Each app that stores personal data declares its record types in its own ``personal_data.py``
(a :class:`PersonalData` per type) and registers them with the Wagtail hook ``register_personal_data``
in its ``wagtail_hooks.py``::

    @hooks.register("register_personal_data")
    def personal_data():
        return [ORDERS]

The ``legal`` app reads them through :func:`registered` for the retention purge
(``manage.py purge_personal_data``), the requests of data subjects (find by e-mail, export, erase)
and the privacy page (purpose, legal basis, retention period). So ``legal`` imports no domain app and
no domain app imports ``legal``; both only know this module. Written by hand: the retention and
erasure rules are this site's, no library describes them.

A type's retention period is the ``legal`` settings' field ``<key>_days`` ("Aufbewahrung").
The default removal anonymises: it empties ``personal_fields`` and keeps everything else (an order's
items and date, the event page of a report); a subclass can delete instead (``purge``/``erase``).
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from wagtail import hooks

HOOK = "register_personal_data"


@dataclass(frozen=True)
class PersonalData:
    key: str  # e.g. "orders"; the retention setting is "<key>_days"
    label: str  # German plural, e.g. "Bestellungen"
    model_label: str  # "materials.Order"
    date_field: str  # when the record came in (DateTimeField or DateField)
    personal_fields: tuple[str, ...]  # exported, and emptied by the anonymisation
    email_field: str | None = "email"  # found by this address (iexact); None: not searchable by e-mail
    export_fields: tuple[str, ...] = ()  # also in the export (what the person wrote), not emptied
    # For the privacy page (Art. 13 DSGVO).
    purpose: str = ""
    legal_basis: str = ""
    recipients: str = ""
    kept: str = ""  # what stays after the period, e.g. "Artikel und Datum der Bestellung"
    order: int = 100  # position on the privacy page and in the admin

    @property
    def model(self):
        return apps.get_model(self.model_label)

    # Retention

    def cutoff(self, days, now=None):
        """Records that came in before this moment are expired (a date for a DateField)."""
        moment = (now or timezone.now()) - datetime.timedelta(days=days)
        if isinstance(self.model._meta.get_field(self.date_field), models.DateTimeField):
            return moment
        return timezone.localdate(moment)

    def not_yet_removed(self):
        """Records that still hold personal data (anonymised ones have all fields empty)."""
        condition = models.Q()
        for name in self.personal_fields:
            condition |= ~models.Q(**{name: ""})
        return self.model.objects.filter(condition)

    def expired(self, days, now=None):
        return self.not_yet_removed().filter(**{f"{self.date_field}__lt": self.cutoff(days, now)})

    def purge(self, queryset):
        """Remove the personal data of ``queryset``; returns how many records were changed."""
        return queryset.update(**dict.fromkeys(self.personal_fields, ""))

    # Requests of data subjects

    def for_email(self, email):
        if not self.email_field or not email:
            return self.model.objects.none()
        return self.not_yet_removed().filter(**{f"{self.email_field}__iexact": email})

    def fields(self, record):
        """``{field label: value}`` of one record: its personal data and when it came in (the values as
        they are; a type adds what belongs to the record, e.g. the ordered materials)."""
        data = {}
        for name in (self.date_field, *self.personal_fields, *self.export_fields):
            data[str(record._meta.get_field(name).verbose_name)] = getattr(record, name)
        return data

    def export(self, record):
        """For the data subject's download: the record as "<type> #<pk>", dates in ISO 8601."""
        values = {
            key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in self.fields(record).items()
        }
        return {"Datensatz": f"{self.label} #{record.pk}", **values}

    def display(self, record):
        """For the admin's page: the same fields, but the record by its name (not "Meldungen von
        Veranstaltungen #2") and dates as German text ("1. Dezember 2026, 17:22")."""
        named = type(record).__str__ is not models.Model.__str__
        values = {key: german_value(value) for key, value in self.fields(record).items()}
        return {"Datensatz": str(record) if named else f"Nr. {record.pk}", **values}

    def erase(self, queryset):
        """What a data subject's erasure does: the same as the purge, unless a type says otherwise."""
        return self.purge(queryset)


def german_value(value):
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j. F Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j. F Y")
    return value


def registered():
    """All registered types, in hook order, each key once."""
    types = {}
    for hook in hooks.get_hooks(HOOK):
        for entry in hook():
            types.setdefault(entry.key, entry)
    return sorted(types.values(), key=lambda entry: entry.order)
