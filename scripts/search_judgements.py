"""The judged query set of the site search: German queries visitors would type, written from the demo
content (``make run``), each with the results that should come first.

A query succeeds at k when one of its expected titles is among the first k results; its reciprocal
rank is 1 / the position of the first expected title (0 if none in the first 10). An expected entry
``"~Frankfurt (Oder)"`` accepts every title containing that text. ``scripts/bench_search.py`` runs
the set on SQLite and PostgreSQL (``make bench-search``); the intent weights of ``search.engine``
were chosen on it.
"""

REGIONS = ["Baden-Württemberg", "Frankfurt am Main", "Nord-Westfalen", "Krefeld", "Thüringen", "Rhein-Mosel"]
KOELN = ["In|du|strie – Gemeinsam. Zukunft. Leben (Köln)", "Branchenforum Industrie Köln"]
BETZING = [
    "Präsentation Claudia Betzing",
    "Businessplan Industrie für Köln",
    "Für einen starken Kölner Industriestandort – Industriepolitische Erklärung",
]
SIGNET = [
    "Signet Woche der Industrie",
    "Signet Woche der Industrie, negativ",
    "Signet, Motive und Werbemittel",
]
FUE = ["Forschung und Entwicklung voranbringen", "Forschung und Entwicklung voranbringen – Diskussionspapier"]
BILDUNG = ["Berufliche Bildung stärken", "Berufliche Bildung stärken – Eckpunkte"]
BAWUE = ["Baden-Württemberg", "Industriedialog Baden-Württemberg"]
GEIGER = "Präsentation zum 3. Treffen der Industriedialoge – Julia Friedrich und Manuel Geiger"

# (kind of query, query, expected first results)
JUDGEMENTS = [
    # Names of regions, initiatives and places
    ("Name", "Krefeld", ["Krefeld"]),
    ("Name", "Frankfurt", ["Frankfurt am Main"]),
    ("Name", "Frankfurt am Main", ["Frankfurt am Main"]),
    ("Name", "Thüringen", ["Thüringen"]),
    ("Name", "Rhein-Mosel", ["Rhein-Mosel"]),
    ("Name", "Rhein Mosel", ["Rhein-Mosel"]),
    ("Name", "Nordwestfalen", ["Nord-Westfalen"]),
    ("Name", "Nord-Westfalen", ["Nord-Westfalen"]),
    ("Name", "Baden-Württemberg", BAWUE),
    ("Name", "Köln", KOELN),
    ("Name", "Industriedialog", ["Industriedialog Baden-Württemberg"]),
    ("Name", "Bündnis für Industrie", ["Bündnis für Industrie"]),
    ("Name", "Kompetenzzentrum Industrie", ["Kompetenzzentrum Industrie der Stadt Frankfurt am Main"]),
    ("Name", "thyssenkrupp", ["Sozialpartnerinitiative thyssenkrupp Rasselstein GmbH"]),
    ("Name", "Rasselstein", ["Sozialpartnerinitiative thyssenkrupp Rasselstein GmbH"]),
    ("Name", "Branchenforum", ["Branchenforum Industrie Köln"]),
    ("Name", "Frankfurt Oder", ["~Frankfurt (Oder)"]),
    ("Name", "Podiumsdiskussion Hamburg", ["Zukunft der Industrie in Hamburg – Podiumsdiskussion"]),
    # Umlaut spellings
    ("Schreibweise", "Thueringen", ["Thüringen"]),
    ("Schreibweise", "Koeln", KOELN),
    ("Schreibweise", "Buendnis fuer Industrie", ["Bündnis für Industrie"]),
    ("Schreibweise", "Wuerttemberg", BAWUE),
    # Sections and overview pages
    ("Bereich", "Regionaler Dialog", ["Regionaler Dialog"]),
    ("Bereich", "Regionen", ["Regionaler Dialog", "Regionale Initiativen", *REGIONS]),
    ("Bereich", "Modellregionen", ["Regionaler Dialog", *REGIONS]),
    ("Bereich", "Initiativen", ["Regionale Initiativen"]),
    ("Bereich", "Forum Industriepolitik", ["Forum Industriepolitik"]),
    ("Bereich", "Treffen", ["Treffen der Industriebündnisse", "3. Treffen „Regionale Industriebündnisse“"]),
    ("Bereich", "Woche der Industrie", ["Woche der Industrie 2017", "Die Woche der Industrie"]),
    ("Bereich", "Barrierefreiheit", ["Erklärung zur Barrierefreiheit"]),
    ("Bereich", "Leichte Sprache", ["Leichte Sprache"]),
    ("Bereich", "Über uns", ["Über uns", "Was ist das N3tzwerk?"]),
    ("Bereich", "Werbemittel bestellen", ["Werbemittel bestellen"]),
    ("Bereich", "Aktuelles", ["Aktuelles"]),
    # Topics
    ("Thema", "Verkehrsinfrastruktur", ["Für eine leistungsfähige Verkehrsinfrastruktur"]),
    ("Thema", "Berufliche Bildung", BILDUNG),
    ("Thema", "Digitalisierung", ["Unsere gute digitale Zukunft"]),
    ("Thema", "Forschung und Entwicklung", FUE),
    ("Thema", "Klimaschutz", ["Industrie ist Teil der Lösung"]),
    ("Thema", "Berufsschulen", BILDUNG),
    # Synonyms (demo synonyms, search/demo.py)
    ("Synonym", "Logo", SIGNET),
    ("Synonym", "BaWü", BAWUE),
    ("Synonym", "F&E", FUE),
    ("Synonym", "Werbeartikel", ["Werbemittel bestellen", "Signet, Motive und Werbemittel"]),
    # Misspellings ("Meinten Sie …?")
    ("Tippfehler", "Krefled", ["Krefeld"]),
    ("Tippfehler", "Thüringn", ["Thüringen"]),
    ("Tippfehler", "Businesplan", ["Businessplan Industrie für Köln"]),
    ("Tippfehler", "Verkehrsinfrastruktr", ["Für eine leistungsfähige Verkehrsinfrastruktur"]),
    ("Tippfehler", "Barrierefreiheid", ["Erklärung zur Barrierefreiheit"]),
    # Words inside the presentations
    ("Präsentation", "Industrieperspektive", [GEIGER, "Industriedialog Baden-Württemberg"]),
    ("Präsentation", "Geiger", [GEIGER]),
    ("Präsentation", "Betzing", BETZING),
    ("Präsentation", "Roßmann", ["Branchenforum Industrie Köln"]),
    (
        "Präsentation",
        "Bekenntnis",
        ["Für einen starken Kölner Industriestandort – Industriepolitische Erklärung"],
    ),
    ("Präsentation", "Gesprächsformat", ["Branchenforum Industrie Köln"]),
]


def relevant(title, expected):
    return any(title == item or (item.startswith("~") and item[1:] in title) for item in expected)


def judge(run):
    """Success@1, success@3, MRR and the per-query rows; ``run(query)`` returns the result titles."""
    rows = []
    for kind, query, expected in JUDGEMENTS:
        found = run(query)[:10]
        rank = next((index + 1 for index, title in enumerate(found) if relevant(title, expected)), None)
        rows.append({"kind": kind, "query": query, "rank": rank, "top": found[:3]})
    count = len(rows)
    return {
        "success_at_1": sum(1 for row in rows if row["rank"] == 1) / count,
        "success_at_3": sum(1 for row in rows if row["rank"] and row["rank"] <= 3) / count,
        "mrr": sum(1 / row["rank"] for row in rows if row["rank"]) / count,
        "rows": rows,
    }
