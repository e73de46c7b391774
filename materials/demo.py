"""Demo content of the materials: the download page, the order catalogue and the order form.

The materials page goes under the Woche der Industrie index page (slug ``woche-der-industrie``,
created by ``events.demo``), or under the home page when that page is missing. The downloads are
the signet as small PDFs in ``materials/demo_files/`` (drawn by ``materials/make_demo_files.py``) and
the image and type motifs as real JPEG and PNG files, drawn at load time
(``cms/core/demo/illustrations.py``). Idempotent:
pages are looked up by slug under their parent, documents by title, catalogue items by name.
"""

from pathlib import Path

from cms.core.demo import illustrations, snippets, utils
from home.demo import get_home_page
from materials.models import MaterialDownload, MaterialsPage, OrderCatalogueItem, OrderPage

FILES_DIR = Path(__file__).resolve().parent / "demo_files"
INDEX_SLUG = "woche-der-industrie"
MATERIALS_SLUG = "materialien"
ORDER_SLUG = "bestellen"

# (category, filename, document title, description shown on the page)
DOWNLOADS = [
    (
        "signet",
        "signet-woche-der-industrie.pdf",
        "Signet Woche der Industrie",
        "Für helle Hintergründe, als Vektorgrafik beliebig skalierbar",
    ),
    (
        "signet",
        "signet-woche-der-industrie-negativ.pdf",
        "Signet Woche der Industrie, negativ",
        "Für dunkle Hintergründe",
    ),
    (
        "image",
        "bildmotiv-werkhalle.jpg",
        "Bildmotiv Werkhalle",
        "Querformat (JPEG), für Plakate und Anzeigen",
    ),
    (
        "image",
        "bildmotiv-ausbildung.jpg",
        "Bildmotiv Ausbildung",
        "Querformat (JPEG), für Einladungen an Schulen",
    ),
    (
        "type",
        "typomotiv-industrie-vor-ort.png",
        "Typomotiv „Industrie vor Ort“",
        "Reines Schriftmotiv, Querformat (PNG)",
    ),
    (
        "type",
        "typomotiv-zukunft.png",
        "Typomotiv „Zukunft. Gemacht in der Region.“",
        "Reines Schriftmotiv, Querformat (PNG)",
    ),
]

# The motifs drawn at load time (filename -> function returning the file's bytes); A4 landscape.
MOTIF_SIZE = (1754, 1240)
DRAWN = {
    "bildmotiv-werkhalle.jpg": lambda: illustrations.jpeg_bytes(illustrations.hall(MOTIF_SIZE)),
    "bildmotiv-ausbildung.jpg": lambda: illustrations.jpeg_bytes(illustrations.gears(MOTIF_SIZE)),
    "typomotiv-industrie-vor-ort.png": lambda: illustrations.png_bytes(
        illustrations.type_motif(
            "Industrie\nvor Ort.",
            MOTIF_SIZE,
            background=illustrations.ORANGE,
            colour=illustrations.NAVY,
            accent=illustrations.NAVY,
        )
    ),
    "typomotiv-zukunft.png": lambda: illustrations.png_bytes(
        illustrations.type_motif("Zukunft.\nGemacht in\nder Region.", MOTIF_SIZE)
    ),
}

# name -> (description, max quantity per order)
CATALOGUE = [
    ("Plakat A1", "Großes Plakat mit dem Bildmotiv Werkhalle und Freifläche für Ihren Termin.", 20),
    ("Plakat A3", "Handliches Plakat für Aushänge im Betrieb, in Schulen und Rathäusern.", 50),
    ("Flyer", "Faltblatt (DIN lang) über die Woche der Industrie zum Auslegen.", 500),
    ("Postkarten", "Postkarten mit den Typomotiven, gemischt.", 300),
    ("Aufkleber", "Runde Aufkleber mit dem Signet, 8 cm Durchmesser.", 300),
    ("Roll-up", "Aufsteller mit dem Signet für Veranstaltungen, 85 × 200 cm, mit Tasche.", 1),
    ("Banner", "Wetterfestes Banner mit Ösen für Werkstor oder Zaun, 300 × 80 cm.", 2),
]

MATERIALS_INTRO = (
    "<p>Machen Sie Ihre Veranstaltung als Teil der Woche der Industrie erkennbar: Das Signet, die "
    "Bildmotive und die Typomotive stehen hier kostenlos zum Herunterladen bereit. Gedruckte Werbemittel "
    "schicken wir Ihnen ebenfalls kostenlos zu.</p>"
)
USAGE_TERMS = (
    "<p>Signet und Motive dürfen alle Partner der Woche der Industrie kostenlos verwenden, um auf ihre "
    "eigenen Veranstaltungen in der Woche hinzuweisen – gedruckt und online.</p>"
    "<ul><li>Bitte verändern Sie Signet und Motive nicht: keine anderen Farben, keine Verzerrungen, "
    "keine zusätzlichen Elemente im Signet.</li>"
    "<li>Eine Nutzung für Werbung, die mit der Woche der Industrie nichts zu tun hat, ist nicht "
    "gestattet.</li>"
    "<li>Fragen zur Nutzung beantworten wir gern unter info@n3tzwerk.org oder 030 516 95 6864.</li></ul>"
    "<p>Die Dateien dieser Demo sind Platzhalter, nicht die Originalmotive.</p>"
)
ORDER_INTRO = (
    "<p>Plakate, Flyer, Aufkleber und mehr für Ihre Veranstaltung in der Woche der Industrie: Wählen Sie "
    "die Stückzahl, nennen Sie uns Ihre Lieferadresse, und wir schicken Ihnen die Werbemittel kostenlos "
    "zu.</p>"
)


def ensure_catalogue(log):
    return [
        utils.get_or_create(
            log,
            OrderCatalogueItem,
            {"name": name},
            defaults={"description": description, "max_quantity": limit, "sort_order": position * 10},
        )
        for position, (name, description, limit) in enumerate(CATALOGUE, start=1)
    ]


def load(log):
    """The materials page with its downloads, the catalogue and the order page."""
    home = get_home_page()
    if home is None:
        return
    index = home.get_children().filter(slug=INDEX_SLUG).first()
    parent = index.specific if index is not None else home
    contact = snippets.contact(log, "woche")
    downloads = [
        MaterialDownload(
            category=category,
            document=utils.ensure_document(log, FILES_DIR / filename, title, content=DRAWN.get(filename)),
            description=description,
        )
        for category, filename, title, description in DOWNLOADS
    ]
    materials = utils.ensure_child_page(
        log,
        parent,
        MaterialsPage,
        MATERIALS_SLUG,
        title="Signet, Motive und Werbemittel",
        intro=MATERIALS_INTRO,
        usage_terms=USAGE_TERMS,
        contact=contact,
        downloads=downloads,
    )
    ensure_catalogue(log)
    utils.ensure_child_page(
        log,
        materials,
        OrderPage,
        ORDER_SLUG,
        title="Werbemittel bestellen",
        intro=ORDER_INTRO,
        contact=contact,
    )
