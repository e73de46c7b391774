import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from wagtail.models import Page

from cms.core.demo import load_all

ADMIN_USERNAME = "admin"


def site_has_pages():
    """Whether a page of the site's own types exists: the page tree is more than Wagtail's root and
    welcome page (both plain ``Page`` objects), so the site is set up and the demo stays out."""
    return Page.objects.exclude(content_type=ContentType.objects.get_for_model(Page)).exists()


class Command(BaseCommand):
    help = (
        "Richtet die Website beim ersten Start ein: lädt die Demo-Inhalte, solange es außer Wagtails "
        "Willkommensseite noch keine Seite gibt, und legt den Superuser „admin“ an, falls er fehlt "
        "(Passwort aus der Umgebungsvariablen ADMIN_PASSWORD, sonst zufällig erzeugt und einmal ausgegeben)."
    )

    def handle(self, *args, **options):
        self.load_demo_content()
        self.ensure_admin()

    def load_demo_content(self):
        if site_has_pages():
            self.stdout.write("Seiten vorhanden – Demo-Inhalte werden nicht geladen.")
            return
        log = load_all()
        self.stdout.write(self.style.SUCCESS(f"Demo-Inhalte geladen: {len(log.created)} Objekte angelegt."))

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            self.stdout.write(f"Benutzer „{ADMIN_USERNAME}“ vorhanden – unverändert.")
            return
        password = os.environ.get("ADMIN_PASSWORD", "").strip()
        generated = not password
        if generated:
            password = secrets.token_urlsafe(16)
        User.objects.create_superuser(
            username=ADMIN_USERNAME, email=os.environ.get("ADMIN_EMAIL", ""), password=password
        )
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Superuser „{ADMIN_USERNAME}“ angelegt. Passwort (wird nur jetzt angezeigt): {password}"
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Superuser „{ADMIN_USERNAME}“ mit dem Passwort aus ADMIN_PASSWORD angelegt."
                )
            )
