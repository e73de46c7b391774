"""``manage.py purge_personal_data [--dry-run]``: remove personal data past its retention period."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from legal.retention import purge


class Command(BaseCommand):
    help = "Löscht oder anonymisiert personenbezogene Daten, deren Aufbewahrungsfrist abgelaufen ist."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur anzeigen, was gelöscht bzw. anonymisiert würde."
        )

    def handle(self, *args, dry_run=False, **options):
        verb = "würden bereinigt" if dry_run else "bereinigt"
        for result in purge(dry_run=dry_run):
            self.stdout.write(
                f"{result.label}: {result.count} {verb} (Frist {result.days} Tage, "
                f"eingegangen vor {_moment(result.cutoff)})"
            )
        if dry_run:
            self.stdout.write("Probelauf: nichts geändert.")


def _moment(cutoff):
    if isinstance(cutoff, datetime.datetime):
        return f"{timezone.localtime(cutoff):%d.%m.%Y %H:%M}"
    return f"{cutoff:%d.%m.%Y}"
