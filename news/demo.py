"""Demo content of "Aktuelles": a few news items written from the facts of the client's texts.

Listed in the setting ``DEMO_LOADERS`` after the home, regions and meetings loaders, so the home
page, the model regions, the meeting report and the forum topics exist. Idempotent like every loader:
what exists (looked up by slug) is left as it is.
"""

import datetime

from cms.core.demo import snippets, utils
from home.demo import get_home_page
from meetings.demo import MEETING_SLUG
from meetings.models import ForumTopicPage, MeetingPage
from news.models import NewsIndexPage, NewsPage
from regions.models import RegionPage

INDEX_SLUG = "aktuelles"

# slug -> fields; "regions", "meetings" and "topics" name the related pages by slug; "image" is
# (illustration, image title) of a picture drawn by cms.core.demo.illustrations.
NEWS = {
    "forum-industriepolitik-fuenf-themen": {
        "image": ("netzwerk", "Netz aus Punkten und Linien"),
        "title": "Forum Industriepolitik: fünf Themen bis September",
        "date": datetime.date(2017, 2, 27),
        "teaser": (
            "Von März bis September 2017 stellt das Bündnis „Zukunft der Industrie“ seine gemeinsamen "
            "Handlungsempfehlungen öffentlich zur Diskussion – auch mit Blick auf die Bundestagswahl."
        ),
        "paragraphs": [
            "Grundlage des neuen Forums Industriepolitik sind die Handlungsempfehlungen, auf die sich die "
            "Partner im Bündnis „Zukunft der Industrie“ verständigt haben. Im Forum wollen wir sie "
            "vorstellen und mit den Parteien sowie mit der amtierenden und der künftigen Bundesregierung "
            "darüber ins Gespräch kommen.",
            "Fünf Themen stehen auf dem Programm: die steuerliche Förderung von Forschung und Entwicklung "
            "im Mittelstand, eine leistungsfähige Verkehrsinfrastruktur, eine starke berufliche Bildung, "
            "Industrie als Teil der Lösung beim Klimaschutz und eine gute digitale Zukunft. Die genauen "
            "Termine geben wir bald bekannt.",
        ],
        "topics": [
            "forschung-und-entwicklung",
            "verkehrsinfrastruktur",
            "berufliche-bildung",
            "industrie-ist-teil-der-loesung",
            "digitale-zukunft",
        ],
        "link": ("forum-industriepolitik", "Zum Forum Industriepolitik", "Alle Themen und Termine"),
    },
    "wochen-der-industrie-2017": {
        "image": ("werkhalle", "Produktionshalle"),
        "title": "Wochen der Industrie 2017: Jetzt mitmachen",
        "date": datetime.date(2017, 3, 6),
        "teaser": (
            "Nach der ersten Woche der Industrie mit mehr als 370 Veranstaltungen lädt das N3tzwerk "
            "Partner in ganz Deutschland ein, 2017 eigene Industriewochen in ihrer Region auszurichten."
        ),
        "paragraphs": [
            "2016 hat das N3tzwerk zum ersten Mal eine „Woche der Industrie“ veranstaltet. Mehr als "
            "120.000 Interessierte kamen zu über 370 Veranstaltungen – ein deutliches Zeichen, dass das "
            "Format ankommt. In diesem Jahr rücken wir die Regionen in den Mittelpunkt: Unternehmen, "
            "Kammern, Gewerkschaften, Belegschaften und regionale Initiativen sollen ihre eigene Woche der "
            "Industrie gestalten.",
            "Wir helfen bei der Planung und tragen alle Veranstaltungen in die Karte auf "
            "www.ihre-industrie.de ein. Das Signet der Woche der Industrie, die Bild- und Typomotive und der "
            "Bestellkatalog stehen wieder kostenlos zur Verfügung.",
        ],
        "contact": "woche",
    },
    "sechs-modellregionen": {
        "image": ("industrie", "Industrielandschaft mit Werkhallen und Windrädern"),
        "title": "Sechs Modellregionen für den Dialog über die Zukunft der Industrie",
        "date": datetime.date(2017, 3, 20),
        "teaser": (
            "Gemeinsam mit der Prognos AG und der Operation Apps GmbH begleitet das N3tzwerk in einem vom "
            "BMWi geförderten Projekt Industriedialoge in sechs Modellregionen."
        ),
        "paragraphs": [
            "Warum ist industrielle Arbeit für unseren Wohlstand wichtig, und wie soll sich die Industrie "
            "vor Ort entwickeln? Darüber wollen wir mit den Menschen in den Regionen sprechen. Das "
            "Bundesministerium für Wirtschaft und Energie fördert dafür einen gesellschaftlichen Dialog "
            "zur Zukunft der Industrie.",
            "Die Modellregionen sind Baden-Württemberg, Frankfurt am Main, Nord-Westfalen, Krefeld, "
            "Thüringen und Rhein-Mosel. In jeder von ihnen arbeiten wir mit einer bestehenden Initiative "
            "zusammen, vom Industriedialog Baden-Württemberg bis zur Sozialpartnerinitiative von "
            "thyssenkrupp Rasselstein.",
        ],
        "regions": [
            "baden-wuerttemberg",
            "frankfurt-am-main",
            "nord-westfalen",
            "krefeld",
            "thueringen",
            "rhein-mosel",
        ],
        "link": ("regionen", "Die Modellregionen", "Zu den Modellregionen"),
    },
    "drittes-treffen-industriebuendnisse": {
        "image": ("zahnraeder", "Zahnräder"),
        "title": "Drittes Treffen der regionalen Industriebündnisse beim DIHK",
        "date": datetime.date(2017, 4, 7),
        "teaser": (
            "Am 5. April 2017 haben sich Vertreterinnen und Vertreter zahlreicher regionaler "
            "Industriebündnisse in Berlin ausgetauscht. Gute Beispiele kamen aus Köln und "
            "Baden-Württemberg."
        ),
        "paragraphs": [
            "Der Deutsche Industrie- und Handelskammertag, Mitglied im N3tzwerk, war Gastgeber des dritten "
            "Treffens. Dr. Volker Treier warb in seinem Grußwort dafür, dass sich die Akteure in den "
            "Regionen und bundesweit noch enger vernetzen.",
            "Aus Köln berichteten Claudia Betzing von der Initiative „In|du|strie – Gemeinsam. Zukunft. "
            "Leben“ und Dr. Witich Roßmann vom Branchenforum Industrie. Julia Friedrich und Manuel Geiger "
            "stellten den Industriedialog Baden-Württemberg und sein Leitbild „Industrieperspektive BaWü "
            "2025“ vor. Bericht und Präsentationen finden Sie auf der Seite des Treffens.",
        ],
        "regions": ["baden-wuerttemberg"],
        "meetings": [MEETING_SLUG],
        "link": ("treffen", "Berichte der Treffen", "Alle Berichte"),
    },
}


def children_by_slug(home, section_slug, model, slugs):
    section = home.get_children().filter(slug=section_slug).first()
    if section is None or not slugs:
        return []
    pages = {page.slug: page for page in model.objects.child_of(section).filter(slug__in=slugs)}
    return [pages[slug] for slug in slugs if slug in pages]


def ensure_news_index(log, home):
    return utils.ensure_child_page(
        log,
        home,
        NewsIndexPage,
        INDEX_SLUG,
        title="Aktuelles",
        show_in_menus=True,
        intro=(
            "<p>Neuigkeiten aus dem N3tzwerk Zukunft der Industrie: aus den Regionen, von unseren Treffen "
            "und aus dem Forum Industriepolitik.</p>"
        ),
    )


def ensure_news(log, index, home, slug, data):
    blocks = [utils.paragraph(f"<p>{text}</p>") for text in data["paragraphs"]]
    if "link" in data:
        section_slug, title, button_text = data["link"]
        section = home.get_children().filter(slug=section_slug).first()
        if section is not None:
            blocks.append(utils.call_to_action(title, page=section, button_text=button_text))
    if "contact" in data:
        blocks.append(utils.contact(snippets.contact(log, data["contact"])))
    return utils.ensure_child_page(
        log,
        index,
        NewsPage,
        slug,
        title=data["title"],
        date=data["date"],
        teaser=data["teaser"],
        image=utils.ensure_image(log, *data["image"]) if "image" in data else None,
        body=utils.stream(*blocks),
        related_regions=children_by_slug(home, "regionen", RegionPage, data.get("regions")),
        related_meetings=children_by_slug(home, "treffen", MeetingPage, data.get("meetings")),
        related_topics=children_by_slug(home, "forum-industriepolitik", ForumTopicPage, data.get("topics")),
    )


def load(log):
    home = get_home_page()
    index = ensure_news_index(log, home)
    for slug, data in NEWS.items():
        ensure_news(log, index, home, slug, data)
