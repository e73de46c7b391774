"""Demo content of the meetings section and the Forum Industriepolitik, and the demo documents.

The documents (the presentations of the 3rd meeting and the forum papers) are described in
``demo_documents.py`` and committed as small files in ``demo_files/``; ``demo_document(log, key)``
stores one in Wagtail's storage on first use (the initiatives of ``regions.demo`` show some of the
presentations as downloads too).
"""

import datetime

from cms.core.demo import snippets, utils
from home.demo import get_home_page
from meetings.demo_documents import ALL_DOCUMENTS, FILES_DIR, PRESENTATIONS, document_entry
from meetings.models import (
    ForumIndexPage,
    ForumSession,
    ForumTopicDocument,
    ForumTopicPage,
    MeetingIndexPage,
    MeetingPage,
    MeetingPresentation,
    MeetingSpeaker,
)
from regions.models import InitiativePage, RegionPage

MEETING_SLUG = "3-treffen-regionale-industriebuendnisse"

# person key, talk title (role and organisation come from the person)
SPEAKERS = [
    ("treier", "Grußwort"),
    ("betzing", "Die Kölner Initiative In|du|strie – Gemeinsam. Zukunft. Leben"),
    ("rossmann", "Das Branchenforum Industrie Köln"),
    ("geiger", "Industrieperspektive BaWü 2025 – der Industriedialog Baden-Württemberg"),
    ("friedrich", "Industrieperspektive BaWü 2025 – der Industriedialog Baden-Württemberg"),
]
PRESENTATION_SPEAKERS = {
    "Betzing": "betzing",
    "Roßmann": "rossmann",
    "Geiger": "geiger",
    "Friedrich": "friedrich",
}
RELATED_INITIATIVES = [
    "industrie-koeln",
    "branchenforum-industrie-koeln",
    "industriedialog-baden-wuerttemberg",
]

# number, title, slug, recommendation, status, planned month, body paragraphs
FORUM_TOPICS = [
    (
        1,
        "Forschung und Entwicklung voranbringen",
        "forschung-und-entwicklung",
        "Kleine und mittlere Unternehmen sollen ihre Ausgaben für Forschung und Entwicklung endlich "
        "steuerlich fördern lassen können – einfach, verlässlich und ergänzend zur Projektförderung.",
        "discussion",
        "März 2017",
        [
            "Viele Mittelständler forschen ohne eigene Forschungsabteilung und scheuen den Aufwand von "
            "Förderanträgen. Eine steuerliche F&amp;E-Förderung erreicht sie ohne Umwege."
        ],
        ["forum-fue"],
    ),
    (
        2,
        "Für eine leistungsfähige Verkehrsinfrastruktur",
        "verkehrsinfrastruktur",
        "Die Finanzierung von Straßen, Schienen und Wasserwegen muss dauerhaft gesichert und die "
        "Engpässe bei der Planung müssen beseitigt werden.",
        "planned",
        "Mai 2017",
        [
            "Industriebetriebe sind auf Wege angewiesen, über die Rohstoffe und Produkte zuverlässig "
            "ankommen. Geld allein reicht nicht: Es fehlt auch an Kapazitäten, um Projekte zu planen."
        ],
        [],
    ),
    (
        3,
        "Berufliche Bildung stärken",
        "berufliche-bildung",
        "Ein Investitions- und Aktionsprogramm soll die Berufsschulen modern ausstatten und für die "
        "Arbeitswelt von morgen rüsten.",
        "planned",
        "Juni 2017",
        [
            "Gut ausgebildete Fachkräfte sind die Grundlage industrieller Wertschöpfung. Die Berufsschulen "
            "brauchen dafür zeitgemäße Ausstattung und genügend Lehrkräfte."
        ],
        ["forum-bildung"],
    ),
    (
        4,
        "Industrie ist Teil der Lösung",
        "industrie-ist-teil-der-loesung",
        "Beim Klimaschutz ist die Industrie Teil der Lösung – mit einer aktiven Industriepolitik, einer "
        "wirksamen Industrie- und Technologiepolitik in der EU und fairen Regeln im Welthandel.",
        "planned",
        "Juli 2017",
        [
            "Unter diesem Titel bündeln wir drei Empfehlungen:",
            "<ul><li>aktive Industriepolitik und Klimaschutz zusammen denken</li>"
            "<li>eine wirksame Industrie- und Technologiepolitik in der Europäischen Union</li>"
            "<li>faire Regeln für die internationale Handelspolitik</li></ul>",
        ],
        [],
    ),
    (
        5,
        "Unsere gute digitale Zukunft",
        "digitale-zukunft",
        "Die Digitalisierung soll Wirtschaft, Bildung und Arbeit voranbringen – mit Chancen für "
        "Betriebe und Beschäftigte gleichermaßen.",
        "planned",
        "September 2017",
        [
            "Das Thema umfasst die digitale Wirtschaft, die digitale Bildung und die Frage, wie wir unsere "
            "digitale Zukunft insgesamt gestalten wollen."
        ],
        [],
    ),
]


def demo_document(log, key):
    """The demo document ``key`` of ``demo_documents.py``, stored in Wagtail's storage on first use."""
    entry = document_entry(key)
    return utils.ensure_document(log, FILES_DIR / entry["filename"], entry["title"], entry["description"])


def ensure_meeting_index(log, home):
    return utils.ensure_child_page(
        log,
        home,
        MeetingIndexPage,
        "treffen",
        title="Treffen der Industriebündnisse",
        show_in_menus=True,
        intro=(
            "<p>Regelmäßig lädt das N3tzwerk Zukunft der Industrie die Vertreterinnen und Vertreter "
            "regionaler Industriebündnisse und -dialoge ein, um Erfahrungen auszutauschen, sich zu vernetzen "
            "und gemeinsam zu diskutieren. Hier finden Sie die Berichte und Präsentationen.</p>"
        ),
    )


def ensure_meeting(log, index, home):
    region_index = home.get_children().filter(slug="regionen").first()
    initiative_index = home.get_children().filter(slug="initiativen").first()
    related_regions = (
        list(RegionPage.objects.child_of(region_index).order_by("title")) if region_index else []
    )
    related_initiatives = (
        list(InitiativePage.objects.child_of(initiative_index).filter(slug__in=RELATED_INITIATIVES))
        if initiative_index
        else []
    )
    presentations = []
    for entry in PRESENTATIONS:
        speaker_key = PRESENTATION_SPEAKERS[entry["speaker"][1]]
        presentations.append(
            MeetingPresentation(
                document=demo_document(log, entry["key"]),
                title=entry["title"],
                speaker=snippets.person(log, speaker_key),
            )
        )

    cta = []
    if region_index is not None:
        cta.append(
            utils.call_to_action(
                "Die sechs Modellregionen",
                "Welche Regionen das Projekt begleitet und mit welchen Initiativen wir dort arbeiten.",
                page=region_index,
                button_text="Zu den Modellregionen",
            )
        )

    return utils.ensure_child_page(
        log,
        index,
        MeetingPage,
        MEETING_SLUG,
        title="3. Treffen „Regionale Industriebündnisse“",
        number=3,
        date=datetime.date(2017, 4, 5),
        venue="DIHK, Berlin",
        host=snippets.organisation(log, "dihk"),
        summary=(
            "Beim dritten Treffen der regionalen Industriebündnisse am 5. April 2017 beim DIHK ging es um "
            "Vernetzung, um das BMWi-Projekt in sechs Modellregionen und um gute Beispiele aus Köln und "
            "Baden-Württemberg."
        ),
        body=utils.stream(
            utils.paragraph(
                "<p>Zum dritten Mal hat das N3tzwerk Zukunft der Industrie am 5. April 2017 "
                "Vertreterinnen und Vertreter zahlreicher regionaler Industriebündnisse und -dialoge "
                "zusammengebracht. Gastgeber war der Deutsche Industrie- und Handelskammertag (DIHK), "
                "Mitgliedsorganisation des N3tzwerks, der seine Räume zur Verfügung stellte.</p>"
            ),
            utils.paragraph(
                "<p>In seinem Grußwort hob Dr. Volker Treier, stellvertretender Hauptgeschäftsführer des "
                "DIHK, hervor, wie wichtig es ist, dass sich die Akteure vernetzen – vor Ort in den Regionen "
                "und Kommunen ebenso wie bundesweit. Genau dafür gebe es die regelmäßigen Treffen der "
                "Industriedialoge.</p>"
            ),
            utils.heading("Ein Projekt für sechs Modellregionen", "h3"),
            utils.paragraph(
                "<p>Mit einem eigenen Projekt unterstützt das Bundesministerium für Wirtschaft und Energie "
                "den gesellschaftlichen Dialog in den Regionen. Das N3tzwerk, die Prognos AG und die "
                "Operation Apps GmbH begleiten 2017 Industriedialoge in sechs Regionen, werten ihre Arbeit "
                "aus und unterstützen sie. Prognos erfasst dazu die regionalen Industrieinitiativen und "
                "-bündnisse, entwickelt Kriterien für gute Praxis und beschreibt gelungene Beispiele.</p>"
            ),
            utils.paragraph(
                "<p>Aus dieser Analyse entstehen konkrete Hilfen und Beratungsangebote für die Arbeit vor "
                "Ort: Praxisleitfäden, eine Werkzeugkiste, Checklisten und mehr.</p>"
            ),
            *cta,
            utils.heading("Gute Beispiele aus Köln", "h3"),
            utils.paragraph(
                "<p>Wie erfolgreiche regionale Arbeit aussehen kann, zeigten zwei Gäste aus Köln. Claudia "
                "Betzing, Leiterin des Projektbüros bei der IHK Köln, stellte die Initiative "
                "„In|du|strie – Gemeinsam. Zukunft. Leben“ vor. Dr. Witich Roßmann berichtete vom "
                "Branchenforum Industrie, das in Köln schon seit Jahren besteht.</p>"
            ),
            utils.heading("Der Industriedialog in Baden-Württemberg", "h3"),
            utils.paragraph(
                "<p>Manuel Geiger von der Baden-Württembergischen Industrie e.V. und Julia Friedrich vom DGB "
                "Baden-Württemberg erläuterten gemeinsam den Industriedialog des Landes und sein Leitbild "
                "„Industrieperspektive BaWü 2025“.</p>"
            ),
        ),
        speakers=[
            MeetingSpeaker(person=snippets.person(log, key), talk_title=talk_title)
            for key, talk_title in SPEAKERS
        ],
        presentations=presentations,
        related_regions=related_regions,
        related_initiatives=related_initiatives,
    )


def ensure_forum_index(log, home):
    return utils.ensure_child_page(
        log,
        home,
        ForumIndexPage,
        "forum-industriepolitik",
        title="Forum Industriepolitik",
        show_in_menus=True,
        intro=(
            "<p>Die gemeinsamen Handlungsempfehlungen des Bündnisses „Zukunft der Industrie“ sind die "
            "Grundlage des Forums Industriepolitik. Von März bis September 2017 stellen wir sie hier in "
            "fünf Themen öffentlich zur Diskussion.</p>"
        ),
        body=utils.stream(
            utils.heading("Eine Plattform für den Dialog mit der Politik"),
            utils.paragraph(
                "<p>Besonders mit Blick auf die Bundestagswahl 2017 nutzen wir das Forum, um mit den "
                "Parteien über unsere Positionen zu sprechen. Die Empfehlungen prägen auch den Austausch "
                "mit der amtierenden und der künftigen Bundesregierung.</p>"
            ),
            utils.paragraph(
                "<p>Die genauen Termine der Veranstaltungen geben wir in Kürze bekannt. Sie haben Interesse? "
                "Wir freuen uns auf Sie!</p>"
            ),
        ),
        contact=snippets.contact(log, "general"),
    )


def ensure_forum_topic(log, index, topic):
    number, title, slug, recommendation, status, month, paragraphs, document_keys = topic
    return utils.ensure_child_page(
        log,
        index,
        ForumTopicPage,
        slug,
        title=title,
        number=number,
        recommendation=recommendation,
        status=status,
        body=utils.stream(
            *[utils.paragraph(html if html.startswith("<") else f"<p>{html}</p>") for html in paragraphs]
        ),
        sessions=[ForumSession(note=f"geplant für {month}")],
        documents=[ForumTopicDocument(document=demo_document(log, key)) for key in document_keys],
    )


def load(log):
    """All demo documents, the meeting report and the forum with its five topics."""
    for entry in ALL_DOCUMENTS:
        demo_document(log, entry["key"])
    home = get_home_page()
    meeting_index = ensure_meeting_index(log, home)
    ensure_meeting(log, meeting_index, home)
    forum_index = ensure_forum_index(log, home)
    for topic in FORUM_TOPICS:
        ensure_forum_topic(log, forum_index, topic)
