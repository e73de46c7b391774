"""Demo content of the site as a whole: shared snippets, the home page and "Über uns".

The records are keyed by a short name so the other loaders can fetch them with
``organisation(log, "dihk")``, ``person(log, "betzing")``, ``contact(log, "regional")`` or
``demo_document(log, "betzing")``; each of these creates the record if it is still missing.
"""

from wagtail.models import Page, Site

from cms.core.constants import FederalState
from cms.core.demo import utils
from cms.core.models import Contact, GoodPracticeCriterion, Organisation, Person
from meetings.demo_documents import ALL_DOCUMENTS, FILES_DIR, document_entry

Kind = Organisation.Kind

SITE_NAME = "N3tzwerk Zukunft der Industrie"
HOME_SLUG = "start"

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

HOME_INTRO = (
    "<p>Das N3tzwerk Zukunft der Industrie bringt Unternehmen, Verbände, Kammern, Gewerkschaften, "
    "Beschäftigte und Politik zusammen. Gemeinsam zeigen wir, warum die Industrie für Wachstum, Wohlstand "
    "und Beschäftigung unverzichtbar ist. 2017 rücken wir die Arbeit vor Ort in den Mittelpunkt: in den "
    "Bundesländern, Regionen, Betrieben und Belegschaften.</p>"
)

# title, text, slugs of the home page's child that the focus area links to (first match wins;
# "Woche der Industrie" is built by the events app and linked once it exists).
FOCUS_AREAS = [
    (
        "Regionaler Dialog",
        "Regionale Industriebündnisse und -initiativen tauschen sich aus und lernen voneinander. In sechs "
        "Modellregionen begleiten wir Industriedialoge in einem vom BMWi geförderten Projekt.",
        ("regionen",),
    ),
    (
        "Woche der Industrie",
        "Partner vor Ort laden in ihrer Region zu Veranstaltungswochen ein. Wir helfen bei der Planung, "
        "stellen Signet, Motive und Werbemittel kostenlos bereit und zeigen alle Termine auf einer Karte.",
        ("woche-der-industrie", "wochen-der-industrie", "veranstaltungen"),
    ),
    (
        "Forum Industriepolitik",
        "Von März bis September 2017 stellen wir unsere gemeinsamen Handlungsempfehlungen in fünf Themen "
        "zur Diskussion – auch mit Blick auf die Bundestagswahl.",
        ("forum-industriepolitik",),
    ),
]

KEY_FIGURES = [
    ("mehr als", "370", "Veranstaltungen"),
    ("mehr als", "120.000", "Interessierte"),
]


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


def demo_document(log, key):
    """The demo document ``key`` of ``documents.py``, stored in Wagtail's storage on first use."""
    entry = document_entry(key)
    return utils.ensure_document(log, FILES_DIR / entry["filename"], entry["title"], entry["description"])


def get_home_page():
    """The site's HomePage, or None before the demo content is loaded."""
    from home.models import HomePage

    return HomePage.objects.order_by("path").first()


def ensure_home_page(log):
    """A published HomePage as the default site's root, replacing Wagtail's welcome page."""
    from home.models import FocusArea, HomePage, KeyFigure

    home = get_home_page()
    if home is None:
        root = Page.get_first_root_node()
        inlines = {
            "focus_areas": [FocusArea(title=title, text=text) for title, text, _slugs in FOCUS_AREAS],
            "key_figures": [
                KeyFigure(qualifier=qualifier, value=value, label=label)
                for qualifier, value, label in KEY_FIGURES
            ],
        }
        utils.number_orderables(inlines)
        home = HomePage(
            title=SITE_NAME,
            slug=HOME_SLUG,
            intro=HOME_INTRO,
            key_figures_heading="Die Woche der Industrie 2016 in Zahlen",
            contact=contact(log, "general"),
            **inlines,
        )
        root.add_child(instance=home)
        utils.publish(home)
        log.created_object(home, kind="Startseite")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
        log.write("  angelegt – Website mit der Startseite als Wurzel")
    elif site.root_page_id != home.pk:
        previous = site.root_page.specific
        site.root_page = home
        site.site_name = site.site_name or SITE_NAME
        site.save()
        log.write("  Startseite als Wurzel der Website gesetzt")
        _delete_welcome_page(log, previous)
    return home


def _delete_welcome_page(log, page):
    """Delete Wagtail's initial welcome page, but only that: a plain Page without children or site."""
    if (
        type(page) is Page
        and page.depth == 2
        and not page.get_children().exists()
        and not page.sites_rooted_here.exists()
    ):
        title = page.title
        page.delete()
        log.write(f"  gelöscht – Wagtails Willkommensseite „{title}“")


def ensure_about_page(log, home):
    from home.models import StandardPage

    return utils.ensure_child_page(
        log,
        home,
        StandardPage,
        "ueber-uns",
        title="Über uns",
        show_in_menus=True,
        intro=(
            "Das N3tzwerk Zukunft der Industrie ist ein Verein, der das Gespräch über Rolle, Bedeutung und "
            "Zukunft der Industrie in Deutschland fördert."
        ),
        body=utils.stream(
            utils.heading("Unser Auftrag"),
            utils.paragraph(
                "<p>Laut Satzung fördert der Verein den Dialog mit den Bürgerinnen und Bürgern und die "
                "Debatte in der ganzen Gesellschaft. Überall auf der Welt wird wieder darüber gestritten, "
                "welche Rolle die Industrie spielen soll – wir wollen diese Diskussion hierzulande "
                "mitgestalten.</p>"
            ),
            utils.heading("Wie wir arbeiten"),
            utils.paragraph(
                "<p>Wir führen den Dialog offen, transparent und vor allem vor Ort – ohne Vorgaben von oben "
                "und ohne Abgrenzung. Wir unterstützen alle, die sich in ihrer Region für die Industrie "
                "einsetzen: Unternehmen, Verbände, Kammern, Gewerkschaften, Kommunen und Politik. Und wir "
                "sorgen dafür, dass die Initiativen voneinander erfahren und lernen.</p>"
            ),
            utils.heading("Unsere Mitglieder"),
            utils.paragraph(
                "<p>Unsere Mitgliedsorganisationen sind in den Bundesländern, in den Regionen, in Betrieben "
                "und Belegschaften aktiv. Eine von ihnen ist der Deutsche Industrie- und Handelskammertag "
                "(DIHK), der im April 2017 das dritte Treffen der regionalen Industriebündnisse ausgerichtet "
                "hat.</p>"
            ),
            utils.contact(contact(log, "general")),
        ),
    )


def load(log):
    """Snippets, all demo documents, the home page and "Über uns"."""
    for key in ORGANISATIONS:
        organisation(log, key)
    for key in PEOPLE:
        person(log, key)
    for key in CONTACTS:
        contact(log, key)
    for key in CRITERIA:
        criterion(log, key)
    for entry in ALL_DOCUMENTS:
        demo_document(log, entry["key"])
    home = ensure_home_page(log)
    ensure_about_page(log, home)


def link_focus_areas(log):
    """Link each home-page focus area without a link to its section page, once that page exists.

    Runs after all other loaders, so sections built by other apps (Woche der Industrie) are found.
    Publishes a new home-page revision only when a link was added.
    """
    home = get_home_page()
    if home is None:
        return
    targets = {title: slugs for title, _text, slugs in FOCUS_AREAS}
    children = {child.slug: child for child in home.get_children().live()}
    page = home.get_latest_revision_as_object()
    areas = list(page.focus_areas.all())
    changed = False
    for area in areas:
        if area.link_page_id is not None:
            continue
        target = next((children[slug] for slug in targets.get(area.title, ()) if slug in children), None)
        if target is not None:
            area.link_page = target
            changed = True
            log.write(f"  verlinkt – Schwerpunkt „{area.title}“ → {target.url_path}")
    if changed:
        page.focus_areas = areas
        utils.publish(page)
