from search.text import clean_query, compound_parts, fold, highlight, highlight_all, query_terms


def test_fold_spells_out_umlauts_and_sharp_s():
    assert fold("Bündnis Straße ÄRGER Café") == "buendnis strasse aerger cafe"


def test_compound_parts_contain_the_heads_of_long_words():
    parts = compound_parts("Industriebündnisse und Industriedialog").split()
    assert "buendnisse" in parts
    assert "dialog" in parts
    assert "und" not in parts  # short words are not split


def test_query_terms_keep_words_only():
    assert query_terms('Bündnis & | ! : * ( ) " Dialog') == ["buendnis", "dialog"]
    assert query_terms("&|!:*()\"'\\") == []
    assert len(query_terms(" ".join(f"wort{i}" for i in range(50)))) == 8


def test_clean_query_drops_control_characters_and_caps_the_length():
    assert clean_query("Bünd\x00nis\x07  Dialog\n") == "Bünd nis Dialog"
    assert len(clean_query("a" * 10_000)) == 200
    assert clean_query(None) == ""


def test_highlight_marks_the_matching_words_and_escapes_html():
    text = "<b>Vorwort</b>. " + "Füllwort " * 60 + "Die Industriebündnisse der Regionen wachsen."
    passage = highlight(text, query_terms("Bündnis Region"))
    assert "<mark>Industriebündnisse</mark>" in passage
    assert "<mark>Regionen</mark>" in passage
    assert "<b>" not in passage
    assert passage.startswith("… ")


def test_highlight_without_match_is_empty():
    assert highlight("Nichts Passendes hier.", ["dialog"]) == ""


def test_highlight_all_marks_every_match_in_a_title():
    assert str(highlight_all("Dialog & Industriedialog", ["dialog"])) == (
        "<mark>Dialog</mark> &amp; <mark>Industriedialog</mark>"
    )
