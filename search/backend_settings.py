"""Search backend settings from the environment (imported by cms/settings/base.py; no Django imports).

``SEARCH_BACKEND`` selects the engine:

* ``database`` (default): Wagtail's database backend with the ``german`` configuration on
  PostgreSQL, and the site search's own table (search.models.SearchEntry).
* ``elasticsearch`` or ``opensearch``: Wagtail's Elasticsearch 8 / OpenSearch 2 backend at
  ``SEARCH_URL`` (default http://localhost:9200), index ``SEARCH_INDEX`` (default "n3tzwerk"),
  with a German analyzer: lower case, compound splitting, stop words, umlaut normalisation,
  light German stemming. ``SEARCH_HYPHENATION_PATTERNS`` (a path on the server, e.g.
  "analysis/de_DR.xml") switches to the hyphenation decompounder for better splits.
"""

EXTERNAL_BACKENDS = {
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "opensearch": "wagtail.search.backends.opensearch2",
}

# Parts that German compounds on this site are made of; the decompounder splits words into them
# ("Industriebündnisse" -> "industrie", "bündnis"). Extend as new topics appear.
COMPOUND_WORDS = [
    "arbeit", "ausbildung", "beruf", "beschäftigung", "betrieb", "bildung", "bündnis", "dialog",
    "dienst", "digital", "energie", "entwicklung", "erklärung", "fachkraft", "fachkräfte", "forschung",
    "forum", "gesellschaft", "gewerkschaft", "handwerk", "industrie", "infrastruktur", "initiative",
    "innovation", "kammer", "kompetenz", "konferenz", "land", "leistung", "netzwerk", "partner",
    "perspektive", "plan", "politik", "programm", "region", "standort", "stadt", "strategie",
    "technologie", "treffen", "unternehmen", "verband", "verkehr", "wandel", "wirtschaft", "zentrum",
    "zukunft",
]  # fmt: skip


def german_index_settings(hyphenation_patterns=""):
    decompounder = {
        "type": "dictionary_decompounder",
        "word_list": COMPOUND_WORDS,
        "min_subword_size": 4,
        "only_longest_match": False,
    }
    if hyphenation_patterns:
        decompounder.update(type="hyphenation_decompounder", hyphenation_patterns_path=hyphenation_patterns)
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "german_decompounder": decompounder,
                    "german_stop": {"type": "stop", "stopwords": "_german_"},
                    "german_stemmer": {"type": "stemmer", "language": "light_german"},
                },
                "analyzer": {
                    "default": {
                        "tokenizer": "standard",
                        "filter": [
                            "lowercase",
                            "german_decompounder",
                            "german_stop",
                            "german_normalization",
                            "german_stemmer",
                        ],
                    }
                },
            }
        }
    }


def search_backends(environ):
    """(WAGTAILSEARCH_BACKENDS, external?) for the given environment mapping."""
    kind = environ.get("SEARCH_BACKEND", "database").strip().lower() or "database"
    if kind == "database":
        return {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}}, False
    if kind not in EXTERNAL_BACKENDS:
        raise ValueError(
            f"SEARCH_BACKEND={kind!r} is not supported; use database, elasticsearch or opensearch."
        )
    urls = [
        url.strip() for url in environ.get("SEARCH_URL", "http://localhost:9200").split(",") if url.strip()
    ]
    backend = {
        "BACKEND": EXTERNAL_BACKENDS[kind],
        "URLS": urls,
        "INDEX": environ.get("SEARCH_INDEX", "n3tzwerk"),
        "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "5")),
        "OPTIONS": {},
        "INDEX_SETTINGS": german_index_settings(environ.get("SEARCH_HYPHENATION_PATTERNS", "")),
    }
    return {"default": backend}, True
