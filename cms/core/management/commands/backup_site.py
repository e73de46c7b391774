from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.core.backup import BackupError, backup, check_single_storage


class Command(BaseCommand):
    help = (
        "Sichert Datenbank (pg_dump bzw. SQLite-Kopie) und die Medien (MEDIA_ROOT oder S3-Bucket) "
        "in einen neuen Ordner unter --to."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", default="backups", help="Ordner der Sicherungen (Standard: backups)")

    def handle(self, *args, **options):
        try:
            check_single_storage()
            folder = backup(connection.settings_dict, default_storage, options["to"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Sicherung geschrieben: {folder}")
