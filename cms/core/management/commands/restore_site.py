from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.core.backup import BackupError, check_bucket_configured, latest, restore


class Command(BaseCommand):
    help = (
        "Stellt eine Sicherung in die Datenbank aus DATABASE_URL und in den Medienspeicher (MEDIA_ROOT "
        "oder S3-Bucket) wieder her (ersetzt die Tabellen und gleichnamige Dateien)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="source", default="backups", help="Sicherungsordner oder ihr Oberordner"
        )

    def handle(self, *args, **options):
        try:
            check_bucket_configured()
            folder = latest(options["source"])
            connection.close()
            restore(folder, connection.settings_dict, default_storage)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Wiederhergestellt aus {folder}")
