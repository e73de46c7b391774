"""Demo records of the shared snippets (core models): organisations, people, contacts, criteria.

Keyed by a short name, so every app's loader fetches the record it needs with
``snippets.organisation(log, "dihk")``, ``snippets.person(log, "betzing")`` or
``snippets.contact(log, "regional")``; each of these creates the record if it is still missing.
``load`` (the first loader in ``DEMO_LOADERS``) creates them all.
"""

from cms.core.constants import FederalState
from cms.core.demo import utils
from cms.core.models import Contact, GoodPracticeCriterion, Organisation, Person

Kind = Organisation.Kind

ORGANISATIONS = {
    "n3tzwerk": {
        "name": "N3tzwerk Zukunft der Industrie e.V.",
        "short_name": "N3tzwerk",
        "kind": Kind.ASSOCIATION,
        "website": "https://www.n3tzwerk.org",
        "city": "Berlin",
        "federal_state": FederalState.BE,
    },
    "dihk": {
        "name": "Deutscher Industrie- und Handelskammertag",
        "short_name": "DIHK",
        "kind": Kind.CHAMBER,
        "city": "Berlin",
        "federal_state": FederalState.BE,
    },
    "bmwi": {
        "name": "Bundesministerium für Wirtschaft und Energie",
        "short_name": "BMWi",
        "kind": Kind.MINISTRY,
        "city": "Berlin",
        "federal_state": FederalState.BE,
    },
    "prognos": {"name": "Prognos AG", "kind": Kind.RESEARCH},
    "operation-apps": {"name": "Operation Apps GmbH", "kind": Kind.COMPANY},
    "dgb-bw": {
        "name": "Deutscher Gewerkschaftsbund Baden-Württemberg",
        "short_name": "DGB Baden-Württemberg",
        "kind": Kind.UNION,
        "city": "Stuttgart",
        "federal_state": FederalState.BW,
    },
    "bw-industrie": {
        "name": "Baden-Württembergische Industrie e.V.",
        "kind": Kind.ASSOCIATION,
        "federal_state": FederalState.BW,
    },
    "ihk-koeln": {
        "name": "Industrie- und Handelskammer zu Köln",
        "short_name": "IHK Köln",
        "kind": Kind.CHAMBER,
        "city": "Köln",
        "federal_state": FederalState.NW,
    },
    "ihk-nord-westfalen": {
        "name": "Industrie- und Handelskammer Nord Westfalen",
        "short_name": "IHK Nord Westfalen",
        "kind": Kind.CHAMBER,
        "city": "Münster",
        "federal_state": FederalState.NW,
    },
    "rasselstein": {
        "name": "thyssenkrupp Rasselstein GmbH",
        "kind": Kind.COMPANY,
        "city": "Andernach",
        "federal_state": FederalState.RP,
    },
    "stadt-frankfurt": {
        "name": "Stadt Frankfurt am Main",
        "kind": Kind.PUBLIC_BODY,
        "city": "Frankfurt am Main",
        "federal_state": FederalState.HE,
    },
}

PEOPLE = {
    "treier": {
        "academic_title": "Dr.",
        "first_name": "Volker",
        "last_name": "Treier",
        "organisation": "dihk",
        "role": "Stellvertretender Hauptgeschäftsführer",
    },
    "betzing": {
        "first_name": "Claudia",
        "last_name": "Betzing",
        "organisation": "ihk-koeln",
        "role": "Leiterin des Projektbüros",
    },
    "rossmann": {
        "academic_title": "Dr.",
        "first_name": "Witich",
        "last_name": "Roßmann",
        "organisation": None,
        "role": "Branchenforum Industrie Köln",
    },
    "geiger": {"first_name": "Manuel", "last_name": "Geiger", "organisation": "bw-industrie", "role": ""},
    "friedrich": {"first_name": "Julia", "last_name": "Friedrich", "organisation": "dgb-bw", "role": ""},
}

# The two sections of the client's site name different numbers; the general address serves the
# home page and the Forum Industriepolitik, which has no number of its own.
CONTACTS = {
    "woche": {
        "label": "Woche der Industrie",
        "email": "info@n3tzwerk.org",
        "phone": "030 516 95 6864",
    },
    "regional": {
        "label": "Dialog Zukunft der Industrie in den Regionen",
        "email": "info@n3tzwerk.org",
        "phone": "030 516 95 6860",
    },
    "general": {
        "label": "Geschäftsstelle N3tzwerk Zukunft der Industrie",
        "email": "info@n3tzwerk.org",
    },
}

# Invented for the demo: the real criteria are what the Prognos AG develops in the BMWi project.
CRITERIA_NOTE = " (Demo-Kriterium)"
CRITERIA = {
    "traegerschaft": (
        "Breite Trägerschaft",
        "Unternehmen, Kammern, Gewerkschaften, Kommune und Politik tragen die Initiative gemeinsam.",
    ),
    "sozialpartner": (
        "Sozialpartnerschaftlicher Ansatz",
        "Arbeitgeber- und Arbeitnehmerseite sind gleichberechtigt beteiligt und vertreten die Ergebnisse "
        "gemeinsam.",
    ),
    "anlaufstelle": (
        "Feste Anlaufstelle",
        "Eine Geschäftsstelle oder ein Projektbüro koordiniert die Arbeit dauerhaft.",
    ),
    "ziele": (
        "Gemeinsame Ziele und Arbeitsprogramm",
        "Die Partner haben schriftlich vereinbart, was sie erreichen wollen, und prüfen den Fortschritt "
        "regelmäßig.",
    ),
    "oeffentlichkeit": (
        "Dialog mit der Öffentlichkeit",
        "Die Initiative macht Industrie erlebbar, etwa mit offenen Werkstoren, Schulprojekten oder einer "
        "Woche der Industrie.",
    ),
    "austausch": (
        "Austausch mit anderen Regionen",
        "Die Initiative teilt ihre Erfahrungen mit anderen Bündnissen, zum Beispiel bei den Treffen des "
        "N3tzwerks.",
    ),
}


def organisation(log, key):
    data = dict(ORGANISATIONS[key])
    name = data.pop("name")
    return utils.get_or_create(log, Organisation, {"name": name}, data)


def person(log, key):
    data = dict(PEOPLE[key])
    org_key = data.pop("organisation")
    data["organisation"] = organisation(log, org_key) if org_key else None
    lookup = {"first_name": data.pop("first_name"), "last_name": data.pop("last_name")}
    return utils.get_or_create(log, Person, lookup, data)


def contact(log, key):
    data = dict(CONTACTS[key])
    label = data.pop("label")
    return utils.get_or_create(
        log, Contact, {"label": label}, {**data, "organisation": organisation(log, "n3tzwerk")}
    )


def criterion(log, key):
    name, description = CRITERIA[key]
    sort_order = list(CRITERIA).index(key) + 1
    return utils.get_or_create(
        log,
        GoodPracticeCriterion,
        {"name": name},
        {"description": description + CRITERIA_NOTE, "sort_order": sort_order},
    )


def load(log):
    """All organisations, people, contacts and good-practice criteria."""
    for key in ORGANISATIONS:
        organisation(log, key)
    for key in PEOPLE:
        person(log, key)
    for key in CONTACTS:
        contact(log, key)
    for key in CRITERIA:
        criterion(log, key)
