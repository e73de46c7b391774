from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Baut die Einträge der Website-Suche aus allen veröffentlichten Seiten und Dokumenten neu auf."

    def handle(self, *args, **options):
        pages, documents = rebuild()
        self.stdout.write(f"Suche: {pages} Seiten und {documents} Dokumente indexiert.")
