"""Demo content of the regional dialogue: the initiatives directory and the six model regions.

Nord-Westfalen's initiative and the Cologne initiative carry the same name
("In|du|strie – Gemeinsam. Zukunft. Leben"); they are two pages, each with its place in the title.
"""

from decimal import Decimal

from cms.core.constants import FederalState
from cms.core.demo import snippets, utils
from home.demo import get_home_page
from meetings.demo import demo_document
from regions.models import (
    InitiativeIndexPage,
    InitiativePage,
    InitiativePartner,
    RegionIndexPage,
    RegionPage,
    RegionPartner,
)

BW, HE, NW, RP, TH = FederalState.BW, FederalState.HE, FederalState.NW, FederalState.RP, FederalState.TH

INDUSTRIE_NAME = "In|du|strie – Gemeinsam. Zukunft. Leben"

# slug -> page fields; "partners" are (organisation key, role), "criteria" keys of snippets.CRITERIA,
# "documents" keys of meetings/demo_documents.py shown as a download list in the body.
INITIATIVES = {
    "industriedialog-baden-wuerttemberg": {
        "title": "Industriedialog Baden-Württemberg",
        "kind": "dialogue",
        "federal_state": BW,
        "city": "Baden-Württemberg (landesweit)",
        "summary": (
            "Arbeitgeber und Gewerkschaften in Baden-Württemberg entwickeln gemeinsam das Leitbild "
            "„Industrieperspektive BaWü 2025“ für die Industrie im Land."
        ),
        "body": [
            "Im Industriedialog arbeiten die Baden-Württembergische Industrie e.V. und der DGB "
            "Baden-Württemberg Seite an Seite. Ihr gemeinsames Leitbild „Industrieperspektive BaWü 2025“ "
            "beschreibt, wie gute Arbeit, Innovation und Klimaschutz in der Industrie zusammenpassen.",
            "Beim 3. Treffen der regionalen Industriebündnisse im April 2017 haben Manuel Geiger und Julia "
            "Friedrich den Dialog vorgestellt.",
        ],
        "documents": ["industriedialog-bw", "friedrich-geiger"],
        "partners": [
            ("bw-industrie", "Partner im Industriedialog"),
            ("dgb-bw", "Partner im Industriedialog"),
        ],
        "is_good_practice": True,
        "criteria": ["traegerschaft", "sozialpartner", "ziele", "austausch"],
    },
    "kompetenzzentrum-industrie-frankfurt": {
        "title": "Kompetenzzentrum Industrie der Stadt Frankfurt am Main",
        "kind": "competence_centre",
        "federal_state": HE,
        "city": "Frankfurt am Main",
        "summary": (
            "Das Kompetenzzentrum Industrie ist die Anlaufstelle der Stadt Frankfurt am Main für alle "
            "Fragen rund um den Industriestandort."
        ),
        "body": [
            "Frankfurt gilt als Finanzplatz, ist aber auch ein Standort mit bedeutenden Industriebetrieben. "
            "Das Kompetenzzentrum der Stadt bündelt Wissen und Ansprechpersonen für diese Betriebe und "
            "ist einer der Partner im Projekt „Gesellschaftlicher Dialog zur Zukunft der Industrie“.",
        ],
        "partners": [("stadt-frankfurt", "Träger")],
    },
    "industrie-nord-westfalen": {
        "title": f"{INDUSTRIE_NAME} (Nord-Westfalen)",
        "kind": "initiative",
        "federal_state": NW,
        "city": "Münster",
        "summary": (
            "Unter dem Motto „In|du|strie – Gemeinsam. Zukunft. Leben“ werben Betriebe und Partner in "
            "Nord-Westfalen für die Industrie in ihrer Region."
        ),
        "body": [
            "Die Initiative zeigt, wie viel Industrie im Alltag der Region steckt, und bringt Unternehmen, "
            "Beschäftigte und Öffentlichkeit miteinander ins Gespräch. Nord-Westfalen ist eine der sechs "
            "Modellregionen des regionalen Dialogs.",
        ],
        "partners": [("ihk-nord-westfalen", "Träger")],
    },
    "zukunft-durch-industrie-krefeld": {
        "title": "Zukunft durch Industrie – Initiative Krefeld",
        "kind": "initiative",
        "federal_state": NW,
        "city": "Krefeld",
        "summary": (
            "Die Krefelder Initiative setzt sich dafür ein, dass die Industrie in der Stadt eine Zukunft "
            "hat und von den Bürgerinnen und Bürgern als Teil ihrer Stadt wahrgenommen wird."
        ),
        "body": [
            "Krefeld ist eine traditionsreiche Industriestadt. Die Initiative will den Strukturwandel aktiv "
            "begleiten und die Akzeptanz für industrielle Arbeit stärken.",
        ],
    },
    "buendnis-fuer-industrie-thueringen": {
        "title": "Bündnis für Industrie",
        "kind": "alliance",
        "federal_state": TH,
        "city": "Thüringen (landesweit)",
        "summary": (
            "Im Thüringer Bündnis für Industrie arbeiten Partner aus Wirtschaft, Gewerkschaften und Politik "
            "an guten Bedingungen für die Industrie im Freistaat."
        ),
        "body": [
            "Das Bündnis will industrielle Zentren im Land stärken und tragfähige Antworten auf den "
            "Strukturwandel finden. Thüringen ist eine der sechs Modellregionen des regionalen Dialogs.",
        ],
    },
    "sozialpartnerinitiative-thyssenkrupp-rasselstein": {
        "title": "Sozialpartnerinitiative thyssenkrupp Rasselstein GmbH",
        "kind": "social_partners",
        "federal_state": RP,
        "city": "Andernach",
        "summary": (
            "Unternehmensleitung und Arbeitnehmervertretung von thyssenkrupp Rasselstein setzen sich "
            "gemeinsam für den Industriestandort an Rhein und Mosel ein."
        ),
        "body": [
            "Die Initiative zeigt, wie Sozialpartner in einem einzelnen Unternehmen den Dialog über die "
            "Zukunft der Industrie in ihre Region tragen können.",
        ],
        "partners": [("rasselstein", "Unternehmen")],
    },
    "industrie-koeln": {
        "title": f"{INDUSTRIE_NAME} (Köln)",
        "kind": "initiative",
        "federal_state": NW,
        "city": "Köln",
        "summary": (
            "Die Kölner Initiative „In|du|strie – Gemeinsam. Zukunft. Leben“ stärkt den Industriestandort "
            "mit einem gemeinsamen Businessplan und einer industriepolitischen Erklärung."
        ),
        "body": [
            "Das Projektbüro der Initiative sitzt bei der IHK Köln und wird von Claudia Betzing geleitet. "
            "Mit dem „Businessplan Industrie für Köln“ haben sich die Partner auf gemeinsame Ziele "
            "verständigt; in der Erklärung „Für einen starken Kölner Industriestandort“ bekennen sie sich "
            "zur Industrie in ihrer Stadt.",
            "Beim 3. Treffen der regionalen Industriebündnisse im April 2017 diente die Kölner Initiative "
            "als Beispiel für erfolgreiche regionale Arbeit.",
        ],
        "documents": ["businessplan-koeln", "erklaerung-koeln", "betzing"],
        "partners": [("ihk-koeln", "Projektbüro")],
        "is_good_practice": True,
        "criteria": ["traegerschaft", "anlaufstelle", "ziele", "oeffentlichkeit", "austausch"],
    },
    "branchenforum-industrie-koeln": {
        "title": "Branchenforum Industrie Köln",
        "kind": "dialogue",
        "federal_state": NW,
        "city": "Köln",
        "summary": (
            "Im seit Jahren bestehenden Branchenforum Industrie sprechen Betriebe, Belegschaften, Kammern "
            "und Stadt regelmäßig über die Lage der Kölner Industrie."
        ),
        "body": [
            "Das Branchenforum ist ein eingespieltes Gesprächsformat: Probleme kommen früh auf den Tisch, "
            "und Arbeitgeber- wie Arbeitnehmerseite suchen gemeinsam nach Lösungen. Dr. Witich Roßmann hat "
            "das Forum beim 3. Treffen der regionalen Industriebündnisse vorgestellt.",
        ],
        "documents": ["branchenforum-koeln"],
        "is_good_practice": True,
        "criteria": ["traegerschaft", "sozialpartner", "austausch"],
    },
}

PROJECT_PARTNERS = [
    ("bmwi", "Förderung des Projekts"),
    ("n3tzwerk", "Projektleitung"),
    ("prognos", "Analyse und Good-Practice-Kriterien"),
    ("operation-apps", "Projektpartner"),
]

# slug -> fields; "partners" are local partners added after the project partners.
REGIONS = {
    "baden-wuerttemberg": {
        "title": "Baden-Württemberg",
        "federal_state": BW,
        "coordinates": ("48.77845", "9.18001"),  # Stuttgart
        "initiative": "industriedialog-baden-wuerttemberg",
        "summary": "Ein landesweiter Industriedialog von Arbeitgeberverbänden und Gewerkschaften.",
        "partners": [("bw-industrie", "Partner vor Ort"), ("dgb-bw", "Partner vor Ort")],
    },
    "frankfurt-am-main": {
        "title": "Frankfurt am Main",
        "federal_state": HE,
        "coordinates": ("50.11092", "8.68213"),
        "initiative": "kompetenzzentrum-industrie-frankfurt",
        "summary": "Die Stadt Frankfurt am Main begleitet ihre Industrie mit einem eigenen Kompetenzzentrum.",
        "partners": [("stadt-frankfurt", "Partner vor Ort")],
    },
    "nord-westfalen": {
        "title": "Nord-Westfalen",
        "federal_state": NW,
        "coordinates": ("51.96236", "7.62571"),  # Münster
        "initiative": "industrie-nord-westfalen",
        "summary": "Im Münsterland und in der Emscher-Lippe-Region machen Betriebe und Partner gemeinsam "
        "Werbung für die Industrie.",
        "partners": [("ihk-nord-westfalen", "Partner vor Ort")],
    },
    "krefeld": {
        "title": "Krefeld",
        "federal_state": NW,
        "coordinates": ("51.33921", "6.58615"),
        "initiative": "zukunft-durch-industrie-krefeld",
        "summary": "Eine Initiative für die Zukunft der Industrie in der Stadt Krefeld.",
    },
    "thueringen": {
        "title": "Thüringen",
        "federal_state": TH,
        "coordinates": ("50.97870", "11.02990"),  # Erfurt
        "initiative": "buendnis-fuer-industrie-thueringen",
        "summary": "Das Bündnis für Industrie verbindet Wirtschaft, Gewerkschaften und Politik im Freistaat.",
    },
    "rhein-mosel": {
        "title": "Rhein-Mosel",
        "federal_state": RP,
        "coordinates": ("50.43950", "7.40170"),  # Andernach
        "initiative": "sozialpartnerinitiative-thyssenkrupp-rasselstein",
        "summary": "Die Sozialpartner eines großen Industriebetriebs tragen den Dialog in die Region.",
        "partners": [("rasselstein", "Partner vor Ort")],
    },
}


def ensure_initiative_index(log, home):
    return utils.ensure_child_page(
        log,
        home,
        InitiativeIndexPage,
        "initiativen",
        title="Regionale Initiativen",
        show_in_menus=True,
        intro=(
            "<p>In vielen Bundesländern und Regionen haben sich in den letzten Jahren Industriebündnisse "
            "und -initiativen gegründet. Sie wollen die Stärke industrieller Zentren vor Ort erhalten, "
            "Wege durch den Strukturwandel finden und die Akzeptanz der Industrie steigern. Hier finden "
            "Sie eine Auswahl – filterbar nach Bundesland und Art.</p>"
        ),
    )


def ensure_initiative(log, index, slug):
    data = INITIATIVES[slug]
    body = []
    for text in data["body"]:
        body.append(utils.paragraph(f"<p>{text}</p>"))
    if data.get("documents"):
        docs = [demo_document(log, key) for key in data["documents"]]
        body.append(utils.documents("Downloads", docs))
    return utils.ensure_child_page(
        log,
        index,
        InitiativePage,
        slug,
        title=data["title"],
        kind=data["kind"],
        federal_state=data["federal_state"],
        city=data["city"],
        summary=data["summary"],
        body=utils.stream(*body),
        is_good_practice=data.get("is_good_practice", False),
        good_practice_criteria=[snippets.criterion(log, key) for key in data.get("criteria", [])],
        partners=[
            InitiativePartner(organisation=snippets.organisation(log, key), role=role)
            for key, role in data.get("partners", [])
        ],
    )


def ensure_region_index(log, home, initiative_index):
    return utils.ensure_child_page(
        log,
        home,
        RegionIndexPage,
        "regionen",
        title="Regionaler Dialog",
        show_in_menus=True,
        intro=(
            "<p>Der Dialog über Rolle, Bedeutung und Zukunft der Industrie gehört in die Regionen – dorthin, "
            "wo Betriebe, Belegschaften und Kommunen den Wandel erleben. Wir unterstützen alle, die ihn vor "
            "Ort führen, und fördern den Erfahrungsaustausch zwischen den Initiativen.</p>"
        ),
        body=utils.stream(
            utils.heading("Gesellschaftlicher Dialog zur Zukunft der Industrie"),
            utils.paragraph(
                "<p>Gemeinsam mit der Prognos AG und der Operation Apps GmbH führt das N3tzwerk einen vom "
                "Bundesministerium für Wirtschaft und Energie (BMWi) geförderten Dialog. Er soll zeigen, "
                "was industrielle Arbeit und Wertschöpfung für unsere Gesellschaft bedeuten, und darüber "
                "mit den Menschen ins Gespräch kommen. In sechs Modellregionen stoßen wir dazu "
                "Industriedialoge an und gestalten sie mit den Akteuren vor Ort.</p>"
            ),
            utils.heading("Was das Projekt liefert"),
            utils.paragraph(
                "<ul><li>eine Übersicht über die regionalen Industrieinitiativen und -bündnisse</li>"
                "<li>Kriterien für gute Praxis und beschriebene Good-Practice-Beispiele</li>"
                "<li>Praxisleitfäden, eine Werkzeugkiste und Checklisten für die Arbeit vor Ort</li></ul>"
            ),
            utils.call_to_action(
                "Initiativen entdecken",
                "Alle erfassten Industriebündnisse und -initiativen im Überblick.",
                page=initiative_index,
                button_text="Zum Verzeichnis der Initiativen",
            ),
        ),
        contact=snippets.contact(log, "regional"),
    )


def ensure_region(log, index, slug, initiatives):
    data = REGIONS[slug]
    initiative = initiatives[data["initiative"]]
    latitude, longitude = data["coordinates"]
    partners = [*PROJECT_PARTNERS, *data.get("partners", [])]
    return utils.ensure_child_page(
        log,
        index,
        RegionPage,
        slug,
        title=data["title"],
        federal_state=data["federal_state"],
        summary=data["summary"],
        initiative=initiative,
        latitude=Decimal(latitude),
        longitude=Decimal(longitude),
        body=utils.stream(
            utils.paragraph(
                f"<p>{data['title']} ist eine der sechs Modellregionen des Projekts „Gesellschaftlicher "
                f"Dialog zur Zukunft der Industrie“. Vor Ort arbeiten wir mit der Initiative "
                f"{utils.page_link(initiative, initiative.title)} zusammen: Wir begleiten ihren "
                "Industriedialog, werten die Erfahrungen aus und unterstützen die Partner mit "
                "Leitfäden und Werkzeugen.</p>"
            ),
        ),
        partners=[
            RegionPartner(organisation=snippets.organisation(log, key), role=role) for key, role in partners
        ],
        contact=snippets.contact(log, "regional"),
    )


def load(log):
    home = get_home_page()
    initiative_index = ensure_initiative_index(log, home)
    initiatives = {slug: ensure_initiative(log, initiative_index, slug) for slug in INITIATIVES}
    region_index = ensure_region_index(log, home, initiative_index)
    for slug in REGIONS:
        ensure_region(log, region_index, slug, initiatives)
