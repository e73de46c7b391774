"""Requests of data subjects (Art. 15, 17, 20 DSGVO): find, export and erase the records of an address.

Every record type of ``cms.core.personal_data`` that can be found by e-mail takes part. Each export and
each erasure is written to Wagtail's log (``ModelLogEntry``, "Verlauf" in the admin reports) with the
user who did it; the log names the record ("Bestellungen #12"), never the address.
"""

import csv
import io
import json

from django.db import transaction
from wagtail.log_actions import log

from cms.core.personal_data import registered

EXPORT_ACTION = "legal.export"
ERASE_ACTION = "legal.erase"


def find(email):
    """``[(record type, [records])]`` that hold ``email`` (types without a record left out)."""
    found = []
    for entry in registered():
        records = list(entry.for_email(email.strip()))
        if records:
            found.append((entry, records))
    return found


def export_rows(found):
    """``[{field: value}]``: one dict per record, as exported."""
    return [{"Art": entry.label, **entry.export(record)} for entry, records in found for record in records]


def _log(found, action, user):
    for entry, records in found:
        for record in records:
            log(record, action, user=user, title=f"{entry.label} #{record.pk}", data={"type": entry.key})


def export_json(found, user):
    _log(found, EXPORT_ACTION, user)
    return json.dumps(export_rows(found), ensure_ascii=False, indent=2, default=str)


def export_csv(found, user):
    """One line per field (record, field, value): the types have different fields.

    Cells that a spreadsheet would read as a formula get a leading apostrophe."""
    _log(found, EXPORT_ACTION, user)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Art", "Datensatz", "Feld", "Wert"])
    for row in export_rows(found):
        kind, record = row.pop("Art"), row.pop("Datensatz")
        for field, value in row.items():
            text = "" if value is None else str(value)
            if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
                text = "'" + text
            writer.writerow([kind, record, field, text])
    return "\ufeff" + out.getvalue()


@transaction.atomic
def erase(found, user):
    """Erase or anonymise every found record; returns how many. Logged before, since some are deleted."""
    _log(found, ERASE_ACTION, user)
    count = 0
    for entry, records in found:
        count += entry.erase(entry.model.objects.filter(pk__in=[record.pk for record in records]))
    return count
