"""Demo content of the search: the editors' synonyms and recommendations (search promotions).

Their search terms are also what the search page offers under "Häufig gesucht" (search/views.py):
only terms the editors chose appear there, never the visitors' raw searches. Listed in the
setting ``DEMO_LOADERS`` after the loaders of the pages it recommends. Idempotent like every
loader: a promotion that exists for a term and page is left as it is.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.demo import get_home_page
from search.models import SearchSynonym

# search term -> (slug of the page below the home page, description)
PROMOTIONS = {
    "Modellregion": (
        "regionen",
        "Die Modellregionen und wie sie den Dialog über die Zukunft der Industrie führen.",
    ),
    "Initiativen": (
        "initiativen",
        "Industriebündnisse und -dialoge in den Ländern und Regionen.",
    ),
    "Treffen": (
        "treffen",
        "Berichte und Präsentationen der Treffen regionaler Industriebündnisse.",
    ),
    "Forum Industriepolitik": (
        "forum-industriepolitik",
        "Die gemeinsamen Handlungsempfehlungen des Bündnisses „Zukunft der Industrie“.",
    ),
}


# Synonyms and spelling variants the editors maintain (snippet "Synonyme der Suche").
SYNONYMS = [
    ("Logo\nSignet", "Das Signet der Woche der Industrie wird oft Logo genannt."),
    ("BaWü\nBaden-Württemberg", "Abkürzung des Landes"),
    ("F&E\nForschung und Entwicklung", "Abkürzung"),
    ("Werbeartikel\nWerbemittel\nGiveaways", "Bestellbare Materialien"),
    ("NRW\nNordrhein-Westfalen", "Abkürzung des Landes"),
    ("KMU\nkleine und mittlere Unternehmen\nMittelstand", "Abkürzung"),
]


def load_synonyms(log):
    for terms, note in SYNONYMS:
        if not SearchSynonym.objects.filter(terms=terms).exists():
            synonym = SearchSynonym.objects.create(terms=terms, note=note)
            log.created_object(synonym, kind="Synonym der Suche")


def load(log):
    load_synonyms(log)
    home = get_home_page()
    if home is None:
        return
    children = {child.slug: child for child in home.get_children().live()}
    for term, (slug, description) in PROMOTIONS.items():
        page = children.get(slug)
        if page is None:
            continue
        query = Query.get(term)
        if SearchPromotion.objects.filter(query=query, page=page).exists():
            continue
        promotion = SearchPromotion.objects.create(
            query=query, page=page, description=description, sort_order=0
        )
        log.created_object(promotion, kind=f"Suchempfehlung „{term}“")
