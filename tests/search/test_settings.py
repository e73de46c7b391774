import pytest

from search.backend_settings import search_backends


def test_default_is_the_database_backend_with_the_german_configuration():
    backends, external = search_backends({})
    assert external is False
    assert backends["default"]["BACKEND"] == "wagtail.search.backends.database"
    assert backends["default"]["SEARCH_CONFIG"] == "german"


@pytest.mark.parametrize(
    ("kind", "backend"),
    [
        ("elasticsearch", "wagtail.search.backends.elasticsearch8"),
        ("OpenSearch", "wagtail.search.backends.opensearch2"),
    ],
)
def test_one_variable_switches_to_a_search_server_with_a_german_analyzer(kind, backend):
    backends, external = search_backends(
        {"SEARCH_BACKEND": kind, "SEARCH_URL": "http://es1:9200,http://es2:9200"}
    )
    config = backends["default"]
    assert external is True
    assert config["BACKEND"] == backend
    assert config["URLS"] == ["http://es1:9200", "http://es2:9200"]
    analysis = config["INDEX_SETTINGS"]["settings"]["analysis"]
    chain = analysis["analyzer"]["default"]["filter"]
    assert (
        chain.index("german_decompounder")
        < chain.index("german_normalization")
        < chain.index("german_stemmer")
    )
    assert analysis["filter"]["german_decompounder"]["type"] == "dictionary_decompounder"
    assert {"bündnis", "dialog", "industrie"} <= set(analysis["filter"]["german_decompounder"]["word_list"])
    assert analysis["filter"]["german_stemmer"]["language"] == "light_german"


def test_hyphenation_patterns_switch_the_decompounder():
    backends, _ = search_backends(
        {"SEARCH_BACKEND": "elasticsearch", "SEARCH_HYPHENATION_PATTERNS": "analysis/de_DR.xml"}
    )
    decompounder = backends["default"]["INDEX_SETTINGS"]["settings"]["analysis"]["filter"][
        "german_decompounder"
    ]
    assert decompounder["type"] == "hyphenation_decompounder"
    assert decompounder["hyphenation_patterns_path"] == "analysis/de_DR.xml"


def test_unknown_backend_is_an_error():
    with pytest.raises(ValueError, match="SEARCH_BACKEND"):
        search_backends({"SEARCH_BACKEND": "solr"})


def test_project_settings_use_the_environment(settings):
    assert settings.SEARCH_EXTERNAL_BACKEND is False
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "german"
