"""Screenshots of the editors' handbook (make handbook-screenshots) -> docs/img/redaktion/*.png.

Builds a throw-away SQLite database with the demo content in a temporary folder (media included),
starts gunicorn (scripts/benchtools.py) with the development settings on it (immediate tasks,
e-mails kept in memory), reports two events and places two orders through the public forms as a
partner would, imports a small CSV file in the admin and then photographs one screen per task of
docs/redaktion.md at 1280 × 800 (device scale 1) with Playwright and Debian's Chromium, logged in
as a superuser. Every screen must answer 200 and must not be the login page; any failure ends the
script with a non-zero exit status. The images are stored as optimised PNGs (a palette PNG where
the full-colour one is larger than 250 KB), under stable names, so a re-run only changes the files
whose screen changed.

Not a test; the handbook's images are documentation and committed (docs/development.md).
"""

import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchtools import start_gunicorn  # next to this script

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))
OUTPUT = BASE_DIR / "docs" / "img" / "redaktion"
PORT = int(os.environ.get("HANDBOOK_PORT", "8104"))
BASE_URL = f"http://127.0.0.1:{PORT}"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--lang=de-DE"
]  # fmt: skip
VIEWPORT = {"width": 1280, "height": 800}
MAX_BYTES = 250 * 1024
USERNAME, PASSWORD = "redaktion", "handbuch-nur-lokal"  # a throw-away database on 127.0.0.1
PARTNER_EMAIL = "erika.muster@example.org"


def environment(work):
    base = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}}
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'handbook.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "TASKS_BACKEND": "immediate",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": BASE_URL,
        "BIND": f"127.0.0.1:{PORT}",
        "WEB_CONCURRENCY": "2",
    }


def prepare(env, work):
    """Migrate and load the demo content in this process (with 40 instead of 400 events in the
    archived week, as the browser tests do: the same screens, a quarter of the time), then the user.

    ``HANDBOOK_SNAPSHOT=file`` (for working on this script) keeps a copy of the prepared database
    there and starts from it the next time."""
    os.environ.update({key: env[key] for key in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "MEDIA_ROOT")})
    # Playwright's sync API keeps an event loop in this thread; the ORM calls are plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    import events.demo
    from cms.core.demo import load_all

    snapshot = Path(os.environ.get("HANDBOOK_SNAPSHOT", "")) if os.environ.get("HANDBOOK_SNAPSHOT") else None
    database = work / "handbook.sqlite3"
    if snapshot and snapshot.exists():
        shutil.copyfile(snapshot, database)
        shutil.copytree(snapshot.with_suffix(".media"), work / "media")
        return
    call_command("migrate", interactive=False, verbosity=0)
    events.demo.EVENT_COUNT = 40
    load_all()
    get_user_model().objects.create_superuser(
        USERNAME, "redaktion@example.org", PASSWORD, first_name="Rita", last_name="Redaktion"
    )
    if snapshot:
        import sqlite3

        with sqlite3.connect(database) as source, sqlite3.connect(snapshot) as copy:
            source.backup(copy)  # with what is still in the write-ahead log
        shutil.copytree(work / "media", snapshot.with_suffix(".media"), dirs_exist_ok=True)


def csv_file(work, week):
    """Three events of the current week and one row with a wrong postcode (for the row report)."""
    day = week.week_start or week.start
    rows = [
        ("Werkstore offen bei der Musterwerk GmbH", "Köln", "50667", "NW", "Werk Köln, Tor 3"),
        ("Ausbildung zum Anfassen", "Leipzig", "04109", "SN", "Ausbildungszentrum Nord"),
        ("Robotik im Mittelstand", "Stuttgart", "70173", "BW", "Technologiepark, Halle 2"),
        ("Tag der offenen Tür", "Hamburg", "2009", "HH", "Hafenwerk, Tor 1"),
    ]
    lines = ["Titel;Beginn;Art;Ort der Veranstaltung;PLZ;Ort;Bundesland;Beschreibung"]
    for number, (title, city, postcode, state, venue) in enumerate(rows):
        lines.append(
            f"{title};{day:%d.%m.%Y} {10 + number}:00;Betriebsbesichtigung;{venue};{postcode};{city};{state};"
            "Beschäftigte zeigen die Fertigung und beantworten Fragen."
        )
    path = work / "veranstaltungen-kammer.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Camera:
    """One browser tab; ``shot`` checks the screen and stores it as docs/img/redaktion/<name>.png."""

    def __init__(self, page):
        self.page = page
        self.taken = []

    def open(self, path):
        response = self.page.goto(BASE_URL + path)
        if response is None or response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status if response else '–'}")
        self.settle()

    def settle(self):
        self.page.wait_for_load_state("networkidle")
        if "/admin/login/" in self.page.url:
            raise SystemExit(f"{self.page.url}: Anmeldeseite statt Redaktionsoberfläche")

    def shot(self, name, height=None):
        """The window (1280 × 800, or as tall as ``height`` where the admin scrolls inside its panes)."""
        self.page.mouse.move(0, 0)  # no hover state in the picture
        if height:
            self.page.set_viewport_size({**VIEWPORT, "height": height})
        png = self.page.screenshot(animations="disabled", caret="hide")
        self.page.set_viewport_size(VIEWPORT)
        self.taken.append((name, save(png, OUTPUT / f"{name}.png")))


def save(png, path):
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    if buffer.tell() > MAX_BYTES:
        buffer = io.BytesIO()
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG", optimize=True)
    data = buffer.getvalue()
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return len(data)


def report_as_partner(page, week):
    """Two event reports through the week's public form: drafts in the review workflow."""
    for title, city, postcode, state in (
        ("Blick hinter die Werkstore der Beispiel AG", "Dortmund", "44135", "NW"),
        ("Digitale Fertigung live", "Chemnitz", "09111", "SN"),
    ):
        page.goto(BASE_URL + week.url + "anmelden/")
        start = week.week_start or week.start
        fields = {
            "title": title,
            "start": f"{start:%Y-%m-%d}T14:00",
            "description": "Wir zeigen unsere Fertigung und beantworten Fragen zur Ausbildung.",
            "organiser_name": "Beispiel AG",
            "venue": "Werk 1, Haupttor",
            "postcode": postcode,
            "city": city,
            "submitter_name": "Erika Muster",
            "submitter_email": PARTNER_EMAIL,
        }
        for field, value in fields.items():
            page.locator(f"#id_{field}").fill(value)
        page.locator("#id_federal_state").select_option(state)
        page.locator("#id_kind").select_option("factory_tour")
        page.locator("#id_consent").check()
        page.get_by_role("button", name="Veranstaltung melden").click()
        page.wait_for_url("**/anmelden/danke/")


def order_as_partner(page, order_page):
    for quantity, name, organisation in (
        ("20", "Erika Muster", "Beispiel AG"),
        ("5", "Max Beispiel", "IHK Musterstadt"),
    ):
        page.goto(BASE_URL + order_page.url)
        quantities = page.locator("input.quantity")
        quantities.first.fill(quantity)
        quantities.nth(1).fill("2")
        email = PARTNER_EMAIL if name == "Erika Muster" else "max.beispiel@example.org"
        for field, value in {
            "name": name,
            "organisation": organisation,
            "email": email,
            "street": "Industriestraße 5",
            "postcode": "50667",
            "city": "Köln",
        }.items():
            page.locator(f"#id_{field}").fill(value)
        page.get_by_role("button", name="Bestellung absenden").click()
        page.wait_for_url("**/danke/")


def log_in(page):
    page.goto(BASE_URL + "/admin/login/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(BASE_URL + "/admin/")


def take(camera, work):
    from django.urls import reverse

    from events.models import EventPage, EventSubmission
    from events.weeks import current_week
    from home.models import HomePage
    from materials.models import MaterialsPage, Order
    from meetings.models import MeetingPage
    from news.models import NewsPage

    page = camera.page
    week = current_week()

    # The week: dashboard, page tree, events, one event, the reports and their review.
    camera.open("/admin/")
    camera.shot("dashboard")
    camera.open(f"/admin/pages/{week.pk}/")
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    page.get_by_text("Veranstaltungen dieser Woche").wait_for()
    camera.shot("woche-seitenbaum")
    camera.open(reverse("veranstaltungen:index") + f"?week={week.pk}")
    camera.shot("veranstaltungen-liste")
    event = EventPage.objects.live().child_of(week).order_by("path").first()
    camera.open(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    camera.shot("veranstaltung-bearbeiten")
    camera.open(reverse("events_eventsubmission_modeladmin_index"))
    camera.shot("gemeldete-veranstaltungen")
    reported = EventSubmission.objects.order_by("created_at").first().page
    camera.open(reverse("wagtailadmin_pages:edit", args=[reported.pk]))
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Genehmigen").first.wait_for()
    camera.shot("freigabe")

    # The CSV import: the form, then the job's result (the tasks run at once here).
    camera.open(reverse("events_csv_import") + f"?index={week.pk}")
    page.locator("#id_file").set_input_files(csv_file(work, week))
    page.get_by_label("Alle gültigen Zeilen importieren, fehlerhafte auflisten").check()
    camera.shot("csv-import")
    page.get_by_role("button", name="Datei hochladen und importieren").click()
    page.wait_for_url("**/veranstaltungen/import/*/")
    page.get_by_role("heading", name="Ergebnis").wait_for()
    camera.settle()
    camera.shot("csv-import-ergebnis")

    # Materials, catalogue and orders.
    materials = MaterialsPage.objects.child_of(week).get()
    camera.open(reverse("wagtailadmin_pages:edit", args=[materials.pk]))
    page.get_by_role("heading", name="Downloads").first.scroll_into_view_if_needed()
    camera.shot("materialien-bearbeiten")
    camera.open(reverse("materials_ordercatalogueitem_modeladmin_index"))
    camera.shot("bestellkatalog")
    camera.open(reverse("materials_order_modeladmin_index"))
    camera.shot("bestellungen")
    order = Order.objects.get(email=PARTNER_EMAIL)
    camera.open(reverse("materials_order_modeladmin_inspect", args=[order.pk]))
    camera.shot("bestellung-ansehen", height=1180)  # with the ordered items at the end

    # The yearly cycle and the notifications.
    camera.open(reverse("events_new_week"))
    camera.shot("neue-woche")
    camera.open(reverse("wagtailsettings:edit", args=["notifications", "notificationsettings"]))
    camera.shot("benachrichtigungen")

    # Pages, news, meeting reports, presentations, documents.
    home = HomePage.objects.get()
    camera.open(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    camera.shot("seitentyp-waehlen")
    news = NewsPage.objects.live().order_by("-date").first()
    camera.open(reverse("wagtailadmin_pages:edit", args=[news.pk]))
    camera.shot("meldung-bearbeiten")
    meeting = MeetingPage.objects.live().order_by("-date").first()
    camera.open(reverse("wagtailadmin_pages:edit", args=[meeting.pk]))
    page.locator("[id*='speakers'][id$='-section']").first.scroll_into_view_if_needed()
    camera.shot("treffen-referenten")
    page.locator("[id*='presentations'][id$='-section']").first.scroll_into_view_if_needed()
    camera.shot("treffen-praesentationen")
    camera.open(reverse("meetings_meetingpresentation_modeladmin_index"))
    camera.shot("praesentationen")
    camera.open(reverse("wagtaildocs:index"))
    camera.shot("dokumente")

    # Search and data requests.
    camera.open(reverse("wagtailsearchpromotions:index"))
    camera.shot("suchempfehlungen")
    camera.open(reverse("wagtailsnippets_search_searchsynonym:list"))
    camera.shot("synonyme")
    camera.open(reverse("legal_data_request"))
    page.locator("#id_email").fill(PARTNER_EMAIL)
    page.get_by_role("button", name="Suchen").click()
    page.get_by_role("heading", name="Gefundene Datensätze").wait_for()
    camera.settle()
    camera.shot("datenschutz-anfragen")


def main():
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="handbook-"))
    try:
        env = environment(work)
        prepare(env, work)
        sys.stdout.write(f"Datenbank bereit nach {time.monotonic() - started:.0f} s\n")
        from events.weeks import current_week
        from materials.models import OrderPage

        week = current_week()
        order_page = OrderPage.objects.live().descendant_of(week).get()
        server = start_gunicorn(env, BASE_DIR, PORT)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                partner = browser.new_context(viewport=VIEWPORT, locale="de-DE")
                report_as_partner(partner.new_page(), week)
                order_as_partner(partner.new_page(), order_page)
                partner.close()
                context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, locale="de-DE")
                context.set_default_timeout(20_000)
                camera = Camera(context.new_page())
                log_in(camera.page)
                take(camera, work)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = sum(size for _name, size in camera.taken)
    for name, size in camera.taken:
        sys.stdout.write(f"{name}.png: {size / 1024:.0f} KB\n")
    sys.stdout.write(
        f"{len(camera.taken)} Bilder, {total / 1024 / 1024:.1f} MB, {time.monotonic() - started:.0f} s "
        f"-> {OUTPUT.relative_to(BASE_DIR)}\n"
    )


if __name__ == "__main__":
    main()
