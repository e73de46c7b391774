"""Demo content of the Woche der Industrie: the 2017 week of about 400 partner events (the archive)
and a current week with upcoming events (``load_current_week``), so that the report and order forms
are open on a fresh clone.

The events are invented examples (the client's texts give only the totals of 2016); they are
spread over all 16 federal states, in real places with their postcodes and approximate
coordinates, and generated from a fixed seed, so every run creates the same week. Idempotent:
events are looked up by their slug under the index page; only missing ones are created.

The current week starts on the fourth Saturday after the day the demo is loaded; it is made the way
editors make it, with the yearly action (events.weeks.create_next_week: a copy of 2017 with its
materials and order form, then published), and gets fewer events from the same generator. Loading
again finds it by its year and adds nothing; loaded in a later year, the demo adds that year's week.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from cms.core.bulk import add_children
from cms.core.demo import snippets, utils
from events.models import EventIndexPage, EventPage
from events.weeks import create_next_week
from home.demo import get_home_page
from search.text import fold

INDEX_SLUG = "woche-der-industrie"
YEAR = 2017
WEEK_START = datetime.date(2017, 9, 16)
WEEK_END = datetime.date(2017, 9, 24)
EVENT_COUNT = 400
SEED = 2017

# (city, postcode, state, latitude, longitude)
PLACES = [
    ("Kiel", "24103", "SH", 54.3233, 10.1228), ("Lübeck", "23552", "SH", 53.8655, 10.6866),
    ("Flensburg", "24937", "SH", 54.7937, 9.4469), ("Neumünster", "24534", "SH", 54.0739, 9.9842),
    ("Hamburg", "20095", "HH", 53.5511, 9.9937), ("Hamburg", "21073", "HH", 53.4608, 9.9836),
    ("Hamburg", "21029", "HH", 53.4880, 10.2120),
    ("Hannover", "30159", "NI", 52.3759, 9.7320), ("Braunschweig", "38100", "NI", 52.2689, 10.5268),
    ("Wolfsburg", "38440", "NI", 52.4227, 10.7865), ("Osnabrück", "49074", "NI", 52.2799, 8.0472),
    ("Salzgitter", "38226", "NI", 52.1508, 10.3593), ("Emden", "26721", "NI", 53.3670, 7.2060),
    ("Bremen", "28195", "HB", 53.0793, 8.8017), ("Bremerhaven", "27568", "HB", 53.5396, 8.5809),
    ("Köln", "50667", "NW", 50.9375, 6.9603), ("Düsseldorf", "40213", "NW", 51.2277, 6.7735),
    ("Dortmund", "44135", "NW", 51.5136, 7.4653), ("Essen", "45127", "NW", 51.4556, 7.0116),
    ("Duisburg", "47051", "NW", 51.4344, 6.7623), ("Krefeld", "47798", "NW", 51.3388, 6.5853),
    ("Münster", "48143", "NW", 51.9607, 7.6261), ("Bielefeld", "33602", "NW", 52.0302, 8.5325),
    ("Aachen", "52062", "NW", 50.7753, 6.0839), ("Gelsenkirchen", "45879", "NW", 51.5177, 7.0857),
    ("Leverkusen", "51373", "NW", 51.0459, 6.9844), ("Siegen", "57072", "NW", 50.8748, 8.0243),
    ("Frankfurt am Main", "60311", "HE", 50.1109, 8.6821), ("Kassel", "34117", "HE", 51.3127, 9.4797),
    ("Darmstadt", "64283", "HE", 49.8728, 8.6512), ("Wiesbaden", "65183", "HE", 50.0782, 8.2398),
    ("Offenbach am Main", "63065", "HE", 50.0956, 8.7761), ("Hanau", "63450", "HE", 50.1264, 8.9283),
    ("Mainz", "55116", "RP", 49.9929, 8.2473), ("Ludwigshafen am Rhein", "67059", "RP", 49.4774, 8.4452),
    ("Koblenz", "56068", "RP", 50.3569, 7.5890), ("Andernach", "56626", "RP", 50.4393, 7.4017),
    ("Kaiserslautern", "67655", "RP", 49.4401, 7.7491), ("Trier", "54290", "RP", 49.7499, 6.6371),
    ("Stuttgart", "70173", "BW", 48.7758, 9.1829), ("Mannheim", "68159", "BW", 49.4875, 8.4660),
    ("Karlsruhe", "76133", "BW", 49.0069, 8.4037), ("Ulm", "89073", "BW", 48.4011, 9.9876),
    ("Friedrichshafen", "88045", "BW", 47.6500, 9.4800), ("Heilbronn", "74072", "BW", 49.1427, 9.2109),
    ("Freiburg im Breisgau", "79098", "BW", 47.9990, 7.8421),
    ("München", "80331", "BY", 48.1351, 11.5820), ("Nürnberg", "90402", "BY", 49.4521, 11.0767),
    ("Augsburg", "86150", "BY", 48.3705, 10.8978), ("Regensburg", "93047", "BY", 49.0134, 12.1016),
    ("Ingolstadt", "85049", "BY", 48.7665, 11.4258), ("Würzburg", "97070", "BY", 49.7913, 9.9534),
    ("Schweinfurt", "97421", "BY", 50.0492, 10.2194), ("Erlangen", "91052", "BY", 49.5897, 11.0040),
    ("Berlin", "10117", "BE", 52.5200, 13.4050), ("Berlin", "13597", "BE", 52.5360, 13.2000),
    ("Berlin", "12489", "BE", 52.4340, 13.5400),
    ("Potsdam", "14467", "BB", 52.3906, 13.0645), ("Cottbus", "03046", "BB", 51.7563, 14.3329),
    ("Frankfurt (Oder)", "15230", "BB", 52.3471, 14.5506), ("Schwedt/Oder", "16303", "BB", 53.0600, 14.2800),
    ("Eisenhüttenstadt", "15890", "BB", 52.1450, 14.6360),
    ("Rostock", "18055", "MV", 54.0924, 12.0991), ("Schwerin", "19053", "MV", 53.6355, 11.4012),
    ("Wismar", "23966", "MV", 53.8914, 11.4653), ("Stralsund", "18439", "MV", 54.3091, 13.0818),
    ("Greifswald", "17489", "MV", 54.0865, 13.3923),
    ("Saarbrücken", "66111", "SL", 49.2402, 6.9969), ("Völklingen", "66333", "SL", 49.2520, 6.8590),
    ("Neunkirchen", "66538", "SL", 49.3470, 7.1800), ("Dillingen/Saar", "66763", "SL", 49.3550, 6.7280),
    ("Dresden", "01067", "SN", 51.0504, 13.7373), ("Leipzig", "04109", "SN", 51.3397, 12.3731),
    ("Chemnitz", "09111", "SN", 50.8278, 12.9214), ("Zwickau", "08056", "SN", 50.7189, 12.4961),
    ("Freiberg", "09599", "SN", 50.9119, 13.3428),
    ("Magdeburg", "39104", "ST", 52.1205, 11.6276), ("Halle (Saale)", "06108", "ST", 51.4969, 11.9688),
    ("Dessau-Roßlau", "06844", "ST", 51.8354, 12.2423),
    ("Bitterfeld-Wolfen", "06749", "ST", 51.6236, 12.3260),
    ("Leuna", "06237", "ST", 51.3170, 12.0170),
    ("Erfurt", "99084", "TH", 50.9848, 11.0299), ("Jena", "07743", "TH", 50.9271, 11.5892),
    ("Gera", "07545", "TH", 50.8857, 12.0799), ("Eisenach", "99817", "TH", 50.9807, 10.3148),
    ("Suhl", "98527", "TH", 50.6093, 10.6926),
]  # fmt: skip

SECTORS = ["Metallbau", "Maschinenbau", "Chemie", "Kunststofftechnik", "Elektrotechnik", "Fahrzeugbau",
           "Stahl", "Papier", "Lebensmittel", "Medizintechnik", "Glas", "Textil", "Automatisierung",
           "Energietechnik", "Logistik", "Druck"]  # fmt: skip
COMPANY_FORMS = ["GmbH", "AG", "GmbH & Co. KG", "KG"]
NAME_PARTS = ["Nord", "Rhein", "Elb", "Main", "Weser", "Alpen", "Havel", "Saale", "Spree", "Neckar",
              "Mosel", "Donau", "Ruhr", "Ems", "Werra", "Oder"]  # fmt: skip
PARTNER_KINDS = [
    "IHK",
    "Handwerkskammer",
    "IG Metall",
    "IG BCE",
    "Wirtschaftsförderung",
    "Arbeitgeberverband",
]

# kind -> (title patterns, description)
KINDS = {
    "factory_tour": (
        ["Blick hinter die Werkstore bei {org}", "Werksführung: So arbeitet die {sector} in {city}"],
        "Beschäftigte zeigen, wie in ihrem Betrieb gefertigt wird, und beantworten Fragen zu Technik, "
        "Arbeit und Ausbildung. Festes Schuhwerk wird empfohlen.",
    ),
    "open_day": (
        ["Tag der offenen Tür bei {org}", "Offene Werkstatt: {sector} zum Anfassen"],
        "Der Betrieb öffnet seine Türen für Familien, Nachbarinnen und Nachbarn. Mitmachstationen, "
        "Vorführungen und Gespräche mit dem Betriebsrat und der Geschäftsführung.",
    ),
    "discussion": (
        ["Zukunft der Industrie in {city} – Podiumsdiskussion", "Industrie vor Ort: Was braucht {city}?"],
        "Unternehmen, Gewerkschaften, Kammern und Kommunalpolitik diskutieren, wie der Industriestandort "
        "in der Region gestärkt werden kann. Fragen aus dem Publikum sind ausdrücklich erwünscht.",
    ),
    "lecture": (
        ["Vortrag: Digitalisierung in der {sector}", "Vortrag: Wie sicher sind Industriearbeitsplätze?"],
        "Ein kurzer Vortrag mit anschließender Aussprache über den Wandel industrieller Arbeit.",
    ),
    "exhibition": (
        ["Ausstellung „Industrie in {city}“", "Ausstellung: 100 Jahre {sector} in der Region"],
        "Fotografien, Exponate und Zeitzeugnisse erzählen von der industriellen Geschichte und Gegenwart "
        "der Region.",
    ),
    "training": (
        ["Workshop für Betriebsräte: Industrie 4.0", "Workshop: Energieeffizienz im Betrieb"],
        "Ein praxisnaher Workshop mit Beispielen aus Betrieben der Region. Die Teilnehmerzahl ist begrenzt.",
    ),
    "careers": (
        ["Ausbildungstag bei {org}", "Berufe in der {sector} – Infotag für Schulen"],
        "Auszubildende stellen ihre Berufe vor. Schülerinnen, Schüler und Eltern können Werkstätten "
        "besuchen und selbst Hand anlegen.",
    ),
}
AUDIENCES = {
    "factory_tour": "everyone",
    "open_day": "everyone",
    "discussion": "politics",
    "lecture": "professionals",
    "exhibition": "everyone",
    "training": "employees",
    "careers": "pupils",
}
REGISTRATION_INFO = "Anmeldung beim Veranstalter bis drei Tage vorher."
STREETS = ["Industrie", "Hafen", "Werk", "Markt", "Bahnhof"]
ACCESSIBILITY = [
    "Der Veranstaltungsort ist stufenlos erreichbar; eine barrierefreie Toilette ist vorhanden.",
    "Die Werkhalle ist mit dem Rollstuhl befahrbar. Gebärdensprachdolmetschung auf Anfrage.",
    "Teilweise barrierefrei: Der Rundgang führt über Treppen, eine Alternative wird angeboten.",
    "",
]


def _organiser_name(rng, city):
    if rng.random() < 0.25:
        return f"{rng.choice(PARTNER_KINDS)} {city}"
    return f"{rng.choice(NAME_PARTS)}{rng.choice(['tec', 'werk', 'metall', 'plast', 'chem', 'tronic'])} " + (
        f"{rng.choice(SECTORS)} {rng.choice(COMPANY_FORMS)}"
    )


CURRENT_EVENT_COUNT = 60


def current_week_dates(today=None):
    """(year, first day, last day) of the demo's current week: nine days from the fourth Saturday on."""
    today = today or timezone.localdate()
    start = today + datetime.timedelta(days=21 + (5 - today.weekday()) % 7)
    return start.year, start, start + datetime.timedelta(days=8)


def event_specs(week_start=WEEK_START, week_end=WEEK_END, count=None, seed=SEED):
    """The week's events as dicts (deterministic: the same list on every run); ``count`` defaults to
    ``EVENT_COUNT``, read at call time (the browser tests set it lower)."""
    count = EVENT_COUNT if count is None else count
    rng = random.Random(seed)  # noqa: S311 - reproducible demo content, not security
    tz = timezone.get_default_timezone()
    kinds = list(KINDS)
    specs = []
    days = (week_end - week_start).days + 1
    for number in range(1, count + 1):
        city, postcode, state, lat, lon = PLACES[rng.randrange(len(PLACES))]
        kind = kinds[rng.randrange(len(kinds))]
        organiser = _organiser_name(rng, city)
        sector = rng.choice(SECTORS)
        title = rng.choice(KINDS[kind][0]).format(org=organiser, city=city, sector=sector)
        day = week_start + datetime.timedelta(days=rng.randrange(days))
        start = datetime.datetime.combine(day, datetime.time(rng.choice([9, 10, 13, 14, 16, 18]), 0), tz)
        end = start + datetime.timedelta(hours=rng.choice([1, 2, 3, 4]))
        registration = kind in {"factory_tour", "training"}
        located = rng.random() > 0.02  # a few events without coordinates: only in the list
        specs.append(
            {
                "slug": f"{number:03d}-{slugify(fold(city))}",
                "title": title[:255],
                "kind": kind,
                "audience": AUDIENCES[kind],
                "start": start,
                "end": end,
                "organiser_name": organiser,
                "venue": organiser if kind in {"factory_tour", "open_day", "careers"} else f"Rathaus {city}",
                "street": f"{rng.choice(STREETS)}straße {rng.randint(1, 120)}",
                "postcode": postcode,
                "city": city,
                "federal_state": state,
                "latitude": Decimal(f"{lat + rng.uniform(-0.03, 0.03):.5f}") if located else None,
                "longitude": Decimal(f"{lon + rng.uniform(-0.05, 0.05):.5f}") if located else None,
                "description": KINDS[kind][1],
                "registration_required": registration,
                "registration_info": REGISTRATION_INFO if registration else "",
                "accessibility": ACCESSIBILITY[rng.randrange(len(ACCESSIBILITY))],
            }
        )
    return specs


def ensure_index(log, home):
    return utils.ensure_child_page(
        log,
        home,
        EventIndexPage,
        INDEX_SLUG,
        title=f"Woche der Industrie {YEAR}",
        show_in_menus=True,
        year=YEAR,
        week_start=WEEK_START,
        week_end=WEEK_END,
        intro=(
            "<p>In Wochen der Industrie laden Unternehmen, Kammern, Gewerkschaften und regionale Initiativen "
            "in ihre Betriebe und Rathäuser ein. 2016 interessierten sich mehr als 120.000 Menschen für über "
            "370 Veranstaltungen. Hier finden Sie die Termine als Liste, auf der Karte und für Ihren "
            "Kalender.</p><p>Die Veranstaltungen dieser Demo sind erfundene Beispiele.</p>"
        ),
        contact=snippets.contact(log, "woche"),
    )


def ensure_current_week(log, home):
    """The demo's current week: found by its year, else copied from 2017 by the yearly action."""
    year, start, end = current_week_dates()
    week = EventIndexPage.objects.child_of(home).filter(year=year).first()
    if week is not None:
        return week.specific, (start, end)
    source = EventIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if source is None:
        return None, (start, end)
    week = create_next_week(source, year=year, week_start=start, week_end=end, live=True)
    # The copy keeps 2017's "2016 interessierten sich …", true for any year; only the dates are new.
    log.created_object(week, kind=EventIndexPage._meta.verbose_name)
    return week, (start, end)


def load_current_week(log):
    """The current week with upcoming events (after materials.demo: the copy takes its pages along)."""
    home = get_home_page()
    if home is None:
        return
    week, (start, end) = ensure_current_week(log, home)
    if week is not None:
        specs = event_specs(
            week.week_start or start, week.week_end or end, CURRENT_EVENT_COUNT, seed=week.year
        )
        write_events(log, week, specs)


def load(log):
    """The index page of the week and its events (created live in one pass, see write_events)."""
    home = get_home_page()
    if home is None:
        return
    index = ensure_index(log, home)
    write_events(log, index, event_specs())


def write_events(log, index, specs):
    """Create the events of ``specs`` (dicts as from event_specs) under ``index`` that are missing.

    Live, in bulk (cms.core.bulk.add_children: one revision each, the search updated once at the end).
    """
    existing = set(index.get_children().values_list("slug", flat=True))
    special = {
        "andernach": snippets.organisation(log, "rasselstein"),
        "köln": snippets.organisation(log, "ihk-koeln"),
    }
    pages = []
    for spec in specs:
        if spec["slug"] in existing:
            continue
        existing.add(spec["slug"])
        organiser = special.get(spec["city"].lower())
        if organiser is not None and spec["kind"] in {"factory_tour", "discussion"}:
            spec = {**spec, "organiser_name": ""}
        else:
            organiser = None
        pages.append(EventPage(**spec, organiser=organiser))
    add_children(index, pages, live=True)
    if pages:
        log.created.append(f"Veranstaltungen: {len(pages)}")
        log.write(f"  angelegt – {len(pages)} Veranstaltungen")
