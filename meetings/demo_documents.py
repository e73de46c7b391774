"""The demo documents: file names, titles and the text printed into each file.

Plain Python data without Django imports, shared by two users:

* ``scripts/make_demo_documents.py`` renders each entry into ``demo_files/<filename>`` (PDF via
  reportlab, PPTX via python-pptx), without setting up Django: keep this module free of Django
  imports;
* the demo loader (``meetings.demo.demo_document``) stores the files through Wagtail's storage
  under ``title`` with ``description``.

All wording is demo content written for this site from the facts of the client's texts; the
presentations are stand-ins for the real slides of the 3rd meeting (5 April 2017).
"""

from pathlib import Path

FILES_DIR = Path(__file__).resolve().parent / "demo_files"

MEETING_LINE = "3. Treffen „Regionale Industriebündnisse“ · DIHK, Berlin · 5. April 2017"
DEMO_NOTE = (
    "Demo-Dokument des N3tzwerks Zukunft der Industrie: frei formulierter Beispieltext, "
    "nicht das Originaldokument."
)

# Each section is (heading, [paragraphs]); a paragraph that is a list is rendered as bullets.
# PPTX entries use "slides" instead: (slide title, [bullet points]).
PRESENTATIONS = [
    {
        "key": "businessplan-koeln",
        "filename": "businessplan-industrie-koeln.pdf",
        "title": "Businessplan Industrie für Köln",
        "speaker": ("Claudia", "Betzing"),
        "description": (
            "Wie die Kölner Initiative In|du|strie den Industriestandort mit einem gemeinsamen "
            "Arbeitsprogramm stärken will: Ziele, Handlungsfelder und Organisation."
        ),
        "subtitle": "Initiative „In|du|strie – Gemeinsam. Zukunft. Leben“ in Köln",
        "sections": [
            (
                "Ausgangslage",
                [
                    "Köln ist nicht nur Medien- und Dienstleistungsstadt, sondern auch ein Standort mit "
                    "vielen Industriebetrieben und ihren Zulieferern. Diese Betriebe sichern gut bezahlte "
                    "Arbeitsplätze, brauchen aber Flächen, Fachkräfte und eine verlässliche Infrastruktur.",
                ],
            ),
            (
                "Ziele des Businessplans",
                [
                    [
                        "Industrieflächen sichern und neue Ansiedlungen ermöglichen",
                        "Fachkräfte gewinnen und die berufliche Ausbildung stärken",
                        "Verkehrswege und digitale Netze leistungsfähig halten",
                        "Die Akzeptanz der Industrie in der Stadtgesellschaft erhöhen",
                    ],
                ],
            ),
            (
                "Umsetzung",
                [
                    "Ein Projektbüro bei der IHK Köln koordiniert die Arbeit. Unternehmen, Gewerkschaften, "
                    "Stadtverwaltung und Politik verabreden gemeinsame Maßnahmen und prüfen jährlich, was "
                    "erreicht wurde. Der Austausch mit anderen regionalen Industriebündnissen hilft, gute "
                    "Ideen zu übernehmen.",
                ],
            ),
        ],
    },
    {
        "key": "erklaerung-koeln",
        "filename": "industriepolitische-erklaerung-koeln.pdf",
        "title": "Für einen starken Kölner Industriestandort – Industriepolitische Erklärung",
        "speaker": ("Claudia", "Betzing"),
        "description": (
            "Gemeinsame Erklärung der Kölner Partner aus Wirtschaft, Gewerkschaften und Politik zur "
            "Zukunft der Industrie in der Stadt."
        ),
        "subtitle": "Gemeinsame Erklärung der Partner der Kölner Industrieinitiative",
        "sections": [
            (
                "Unser Bekenntnis",
                [
                    "Die Unterzeichnenden sind überzeugt: Eine starke Industrie ist die Grundlage für "
                    "Wachstum, Wohlstand und Beschäftigung in Köln. Wir wollen den Wandel der Industrie "
                    "gemeinsam gestalten, statt ihn geschehen zu lassen.",
                ],
            ),
            (
                "Was wir vereinbaren",
                [
                    [
                        "Wir sprechen regelmäßig miteinander, offen und auf Augenhöhe.",
                        "Wir setzen uns für Flächen, Infrastruktur und Fachkräfte ein.",
                        "Wir erklären der Öffentlichkeit, was Industrie heute leistet.",
                        "Wir arbeiten mit den Industriebündnissen anderer Regionen zusammen.",
                    ],
                ],
            ),
        ],
    },
    {
        "key": "branchenforum-koeln",
        "filename": "branchenforum-industrie-koeln.pdf",
        "title": "Branchenforum Industrie Köln",
        "speaker": ("Witich", "Roßmann"),
        "description": (
            "Das seit Jahren bestehende Kölner Branchenforum Industrie: Teilnehmende, Arbeitsweise "
            "und Erfahrungen."
        ),
        "subtitle": "Ein Gesprächsformat für Betriebe, Belegschaften und Stadt",
        "sections": [
            (
                "Was das Branchenforum ist",
                [
                    "Im Branchenforum Industrie treffen sich seit Jahren Vertreterinnen und Vertreter von "
                    "Industriebetrieben, Betriebsräten, Gewerkschaften, Kammern und der Stadt Köln. Es ist "
                    "kein Gremium mit Beschlüssen, sondern ein Ort, an dem Probleme früh auf den Tisch "
                    "kommen.",
                ],
            ),
            (
                "Arbeitsweise",
                [
                    [
                        "Mehrmals im Jahr ein Treffen, jeweils bei einem anderen Betrieb",
                        "Themen von Flächennutzung bis Ausbildung, von Energiepreisen bis Verkehr",
                        "Ergebnisse gehen als Empfehlungen an Rat und Verwaltung",
                    ],
                ],
            ),
            (
                "Erfahrungen",
                [
                    "Wer sich kennt, löst Konflikte schneller. Das Branchenforum hat gezeigt, dass "
                    "Arbeitgeber- und Arbeitnehmerseite beim Thema Industrie oft dieselben Ziele verfolgen.",
                ],
            ),
        ],
    },
    {
        "key": "friedrich-geiger",
        "filename": "praesentation-friedrich-geiger.pptx",
        "title": "Präsentation zum 3. Treffen der Industriedialoge – Julia Friedrich und Manuel Geiger",
        "speaker": ("Manuel", "Geiger"),
        "description": (
            "Folien von Julia Friedrich (DGB Baden-Württemberg) und Manuel Geiger (Baden-Württembergische "
            "Industrie e.V.) zur „Industrieperspektive BaWü 2025“."
        ),
        "slides": [
            (
                "Industrieperspektive BaWü 2025",
                [
                    "Der Industriedialog Baden-Württemberg",
                    "Julia Friedrich, DGB Baden-Württemberg",
                    "Manuel Geiger, Baden-Württembergische Industrie e.V.",
                ],
            ),
            (
                "Warum ein Industriedialog?",
                [
                    "Die Industrie trägt Wohlstand und Beschäftigung im Land",
                    "Digitalisierung und Klimaschutz verändern Produkte und Arbeit",
                    "Den Wandel gestalten Arbeitgeber und Gewerkschaften gemeinsam",
                ],
            ),
            (
                "Wer macht mit?",
                [
                    "Wirtschaftsverbände und Kammern",
                    "Gewerkschaften und Betriebsräte",
                    "Landesregierung und Wissenschaft",
                ],
            ),
            (
                "Themen bis 2025",
                [
                    "Fachkräfte und Qualifizierung",
                    "Innovation in kleinen und mittleren Unternehmen",
                    "Infrastruktur und Energieversorgung",
                    "Akzeptanz der Industrie in der Gesellschaft",
                ],
            ),
            (
                "Nächste Schritte",
                [
                    "Regionale Veranstaltungen im ganzen Land",
                    "Austausch mit anderen Industriebündnissen im N3tzwerk",
                ],
            ),
        ],
    },
    {
        "key": "industriedialog-bw",
        "filename": "industriedialog-baden-wuerttemberg.pdf",
        "title": "Industriedialog Baden-Württemberg",
        "speaker": ("Julia", "Friedrich"),
        "description": (
            "Überblick über den Industriedialog Baden-Württemberg und sein Leitbild "
            "„Industrieperspektive BaWü 2025“."
        ),
        "subtitle": "Leitbild „Industrieperspektive BaWü 2025“",
        "sections": [
            (
                "Gemeinsam statt nebeneinander",
                [
                    "Im Industriedialog Baden-Württemberg arbeiten Arbeitgeberverbände und Gewerkschaften "
                    "an einem gemeinsamen Bild davon, wie die Industrie im Land im Jahr 2025 aussehen soll. "
                    "Beide Seiten bringen ihre Sicht ein und vertreten die Ergebnisse gemeinsam.",
                ],
            ),
            (
                "Handlungsfelder",
                [
                    [
                        "Gute Arbeit und Qualifizierung im digitalen Wandel",
                        "Innovationskraft des Mittelstands",
                        "Verlässliche Energie- und Verkehrsinfrastruktur",
                        "Industrie als Teil der Lösung beim Klimaschutz",
                    ],
                ],
            ),
        ],
    },
    {
        "key": "betzing",
        "filename": "praesentation-claudia-betzing.pdf",
        "title": "Präsentation Claudia Betzing",
        "speaker": ("Claudia", "Betzing"),
        "description": (
            "Claudia Betzing, Leiterin des Projektbüros bei der IHK Köln, stellt die Kölner Initiative "
            "In|du|strie vor."
        ),
        "subtitle": "Die Kölner Initiative „In|du|strie – Gemeinsam. Zukunft. Leben“",
        "sections": [
            (
                "Die Initiative",
                [
                    "Unternehmen, Kammern, Gewerkschaften und die Stadt haben sich in Köln zusammengetan, "
                    "um für die Industrie zu werben und ihre Rahmenbedingungen zu verbessern. Das "
                    "Projektbüro bei der IHK Köln bündelt die Aktivitäten.",
                ],
            ),
            (
                "Was wir tun",
                [
                    [
                        "Betriebsbesichtigungen und Aktionstage für Bürgerinnen und Bürger",
                        "Angebote für Schulen und Auszubildende",
                        "Der Businessplan Industrie als gemeinsames Arbeitsprogramm",
                    ],
                ],
            ),
            (
                "Was andere Industriebündnisse übernehmen können",
                [
                    "Eine feste Anlaufstelle, klare Ziele und die Beteiligung der Beschäftigten machen "
                    "eine regionale Initiative dauerhaft erfolgreich.",
                ],
            ),
        ],
    },
]

FORUM_DOCUMENTS = [
    {
        "key": "forum-fue",
        "filename": "forum-forschung-und-entwicklung.pdf",
        "title": "Forschung und Entwicklung voranbringen – Diskussionspapier",
        "description": (
            "Diskussionspapier zur steuerlichen Forschungsförderung für kleine und mittlere Unternehmen."
        ),
        "subtitle": "Forum Industriepolitik 2017 · Thema 1",
        "sections": [
            (
                "Worum es geht",
                [
                    "Kleine und mittlere Unternehmen forschen oft ohne eigene Forschungsabteilung. "
                    "Eine steuerliche Förderung von Forschung und Entwicklung würde sie unbürokratisch "
                    "erreichen und ergänzt die bestehende Projektförderung.",
                ],
            ),
            (
                "Unsere Empfehlung",
                [
                    "Das Bündnis „Zukunft der Industrie“ empfiehlt, die steuerliche F&E-Förderung für KMU "
                    "in der kommenden Legislaturperiode endlich einzuführen.",
                ],
            ),
        ],
    },
    {
        "key": "forum-bildung",
        "filename": "forum-berufliche-bildung.pdf",
        "title": "Berufliche Bildung stärken – Eckpunkte",
        "description": "Eckpunkte für ein Investitions- und Aktionsprogramm für Berufsschulen.",
        "subtitle": "Forum Industriepolitik 2017 · Thema 3",
        "sections": [
            (
                "Eckpunkte",
                [
                    [
                        "Berufsschulen modern ausstatten, auch digital",
                        "Lehrkräfte gewinnen und fortbilden",
                        "Betriebe und Schulen enger verzahnen",
                    ],
                ],
            ),
        ],
    },
]

ALL_DOCUMENTS = PRESENTATIONS + FORUM_DOCUMENTS


def document_entry(key):
    """The entry with this key (KeyError for an unknown key)."""
    for entry in ALL_DOCUMENTS:
        if entry["key"] == key:
            return entry
    raise KeyError(key)
