"""Demo content of the BITV pages: the accessibility statement and the Leichte Sprache section.

Listed in the setting ``DEMO_LOADERS``; idempotent like every loader (looked up by slug).
"""

import datetime

from accessibility.models import AccessibilityStatementPage, EasyLanguageIndexPage, EasyLanguagePage
from cms.core.demo import snippets, utils
from home.demo import get_home_page

STATEMENT_SLUG = "barrierefreiheit"
EASY_LANGUAGE_SLUG = "leichte-sprache"

NON_ACCESSIBLE = (
    "<p>Die folgenden Inhalte sind nicht oder nur eingeschränkt barrierefrei:</p>"
    "<ul>"
    "<li>Einige Präsentationen der Treffen liegen nur als PDF-Datei vor, die nicht vollständig barrierefrei "
    "ist. Die wichtigsten Aussagen stehen im Bericht auf der Seite des Treffens. Auf Wunsch schicken wir "
    "Ihnen die Inhalte in einer zugänglichen Form.</li>"
    "<li>Die Deutschlandkarte der Woche der Industrie zeigt die Orte der Veranstaltungen als Grafik. Die "
    "Liste der Veranstaltungen mit ihren Filtern enthält dieselben Angaben als Text.</li>"
    "</ul>"
)

EASY_INTRO = (
    "<p>Hier finden Sie Informationen in Leichter Sprache.</p>"
    "<p>Leichte Sprache hat kurze Sätze.</p><p>Und einfache Wörter.</p>"
)

# slug -> (title, paragraphs)
EASY_PAGES = {
    "was-ist-das-n3tzwerk": (
        "Was ist das N3tzwerk?",
        [
            "Das N3tzwerk ist ein Verein.",
            "Im Verein arbeiten viele Gruppen zusammen. Zum Beispiel: Firmen, Gewerkschaften und Politiker.",
            "Sie sprechen über die Industrie. Industrie bedeutet: Firmen stellen Sachen her. Zum Beispiel "
            "Autos, Maschinen oder Papier.",
            "Viele Menschen in Deutschland arbeiten in der Industrie. Das N3tzwerk möchte: Alle Menschen "
            "sollen mitreden können, wie die Industrie in Zukunft aussieht.",
        ],
    ),
    "woche-der-industrie": (
        "Die Woche der Industrie",
        [
            "Einmal im Jahr gibt es die Woche der Industrie.",
            "In dieser Woche öffnen Firmen ihre Türen. Sie können sich die Arbeit in den Firmen ansehen.",
            "Es gibt auch Vorträge und Gespräche. Die Veranstaltungen kosten nichts.",
            "Alle Veranstaltungen stehen auf dieser Website in einer Liste.",
        ],
    ),
    "diese-website-benutzen": (
        "So benutzen Sie diese Website",
        [
            "Oben auf jeder Seite ist ein Such-Feld. Dort können Sie ein Wort eingeben. Dann finden Sie "
            "Seiten zu diesem Wort.",
            "Sie können die Website auch mit der Tastatur benutzen. Mit der Taste Tab kommen Sie zum "
            "nächsten Link.",
            "Haben Sie ein Problem mit der Website? Dann schreiben Sie uns eine E-Mail: info@n3tzwerk.org",
        ],
    ),
}


def load(log):
    home = get_home_page()
    if home is None:
        return
    utils.ensure_child_page(
        log,
        home,
        AccessibilityStatementPage,
        STATEMENT_SLUG,
        title="Erklärung zur Barrierefreiheit",
        compliance=AccessibilityStatementPage.Compliance.PARTIAL,
        compliance_text=(
            "<p>Die Website erfüllt die Anforderungen der BITV 2.0 weitgehend. Die Ausnahmen stehen im "
            "nächsten Abschnitt.</p>"
        ),
        non_accessible_content=NON_ACCESSIBLE,
        prepared_on=datetime.date(2017, 4, 10),
        reviewed_on=datetime.date(2017, 4, 10),
        contact=snippets.contact(log, "general"),
    )
    index = utils.ensure_child_page(
        log,
        home,
        EasyLanguageIndexPage,
        EASY_LANGUAGE_SLUG,
        title="Leichte Sprache",
        intro=EASY_INTRO,
    )
    for slug, (title, paragraphs) in EASY_PAGES.items():
        utils.ensure_child_page(
            log,
            index,
            EasyLanguagePage,
            slug,
            title=title,
            body=utils.stream(*(utils.paragraph(f"<p>{text}</p>") for text in paragraphs)),
        )
