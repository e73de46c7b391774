"""The German analysis both databases index (search.analysis): stems, parts, joined names, queries."""

from search.analysis import fts5_query, index_fields, parse, stem, tsquery


def test_stems_fold_umlaut_spellings_and_endings():
    assert stem("regionen") == stem("region")
    assert stem("buendnisse") == stem("bündnis") == stem("buendnis")
    assert stem("digitalisierung") == stem("digitale")  # derivation reduced to its base


def test_index_fields():
    fields = index_fields("Industrie (Nord-Westfalen)", "Die Industriebündnisse der Regionen", "Initiative")
    assert fields["title_terms"] == " industri nord westfal "
    assert " nordwestfal " in fields["title_parts"]  # the name written together
    assert " initiativ " in fields["title_parts"]  # the kind
    assert "bundnis" in fields["body_parts"].split()  # compound part, stemmed
    assert "region" in fields["body_terms"].split()


def test_query_with_hyphen_is_looked_for_written_together():
    assert parse("Nord-Westfalen").title_tokens()[0].stem == "nordwestfal"
    spaced = parse("nord westfalen")
    assert spaced.joined.stem == "nordwestfal"  # the alternative written together


def test_filler_words_are_dropped_unless_alone():
    assert [t.stem for t in parse("Bündnis für Industrie").title_tokens()] == ["bundnis", "industri"]
    assert [t.stem for t in parse("für").title_tokens()] == ["fur"]


def test_synonyms_become_alternatives():
    synonyms = {"fe": ["F&E", "Forschung und Entwicklung"], "logo": ["Logo", "Signet"]}
    query = parse("Logo F&E", synonyms)
    assert fts5_query(query) == '(("logo") OR ("sign")) AND (("f" AND "e") OR ("forschung"* AND "entwickl"*))'
    assert tsquery(query) == "(('logo') | ('sign')) & (('f' & 'e') | ('forschung':* & 'entwickl':*))"
    assert {"signet", "forschung", "entwicklung"} <= set(query.words)


def test_query_syntax_never_passes_through():
    for raw in ['"', "a*", "NEAR(a b)", "x OR y", "'", "a:*", "!!", "(", "&"]:
        for expression in (fts5_query(parse(raw)), tsquery(parse(raw))):
            assert '""' not in expression and "NEAR(" not in expression and ":*:*" not in expression
