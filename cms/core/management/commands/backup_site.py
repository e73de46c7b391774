from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sichert Datenbank (pg_dump bzw. SQLite-Kopie) und MEDIA_ROOT in einen neuen Ordner unter --to."

    def add_arguments(self, parser):
        parser.add_argument("--to", default="backups", help="Ordner der Sicherungen (Standard: backups)")

    def handle(self, *args, **options):
        try:
            folder = backup(connection.settings_dict, settings.MEDIA_ROOT, options["to"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Sicherung geschrieben: {folder}")
