from django.core.management.base import BaseCommand

from cms.core.demo import load_all


class Command(BaseCommand):
    help = (
        "Lädt die Demo-Inhalte (Startseite, Modellregionen, Initiativen, Treffen, Forum, Dokumente). "
        "Kann beliebig oft laufen: Es wird nur angelegt, was noch fehlt."
    )

    def handle(self, *args, **options):
        log = load_all(self.stdout if options["verbosity"] > 1 else None)
        if log.created:
            self.stdout.write(
                self.style.SUCCESS(f"Demo-Inhalte geladen: {len(log.created)} Objekte angelegt.")
            )
        else:
            self.stdout.write("Demo-Inhalte sind bereits vollständig vorhanden; nichts geändert.")
