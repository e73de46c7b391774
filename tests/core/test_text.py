"""The one text normalisation of the site's search boxes and text filters (cms.core.text)."""

import pytest

from cms.core.text import compact, contains, fold, matches, matching_values


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Bündnis", "buendnis"), ("KÖLN", "koeln"), ("Straße", "strasse"), ("Café", "cafe"), ("", "")],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_compact_drops_separators():
    assert compact("Nord-Westfalen") == compact("Nordwestfalen") == compact("nord westfalen")
    assert compact("Baden-Württemberg") == "badenwuerttemberg"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Bündnis für Industrie", "Buendnis"),
        ("Köln", "Koeln"),
        ("Straße der Industrie", "STRASSE"),
        ("Industrie (Nord-Westfalen)", "Nordwestfalen"),
        ("Bündnis Nordwestfalen", "Nord-Westfalen"),
        ("Frankfurt (Oder)", "frankfurt"),
    ],
)
def test_contains(text, term):
    assert contains(text, term)


def test_no_false_matches():
    assert not contains("Köln", "Kiel")
    assert not contains("Köln", "")
    assert not contains("", "Köln")


def test_matches_each_word_in_some_field():
    assert matches(["Bündnis für Industrie Ruhr", "Dortmund"], "Buendnis Dortmund")
    assert not matches(["Bündnis für Industrie Ruhr", "Dortmund"], "Buendnis Leipzig")


def test_matching_values():
    assert matching_values(["Köln", "Kölleda", "Berlin", None], "Koel") == ["Köln", "Kölleda"]
    assert matching_values(["Köln"], " ") == []
