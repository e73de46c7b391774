"""The one text normalisation of every search box and text filter of the site.

The site search (``search``), its suggestions, the initiative directory's search (``regions``) and
the event list's place filter (``events``) all compare a visitor's words with the content through
these functions, so "Buendnis" finds "Bündnis", "Koeln" finds "Köln", "STRASSE" finds "Straße",
"Cafe" finds "Café" and "Nordwestfalen" finds "Nord-Westfalen" (and back) in every one of them.

* ``fold()`` lower-cases, spells umlauts and ß out ("Bündnis" -> "buendnis", "Straße" ->
  "strasse") and drops other diacritics ("Café" -> "cafe"). Spelling the umlauts out (instead of
  dropping the dots) is what makes the typed spellings "ae", "oe", "ue" and "ss" equal to the
  letters; "Koln" (dots dropped) is a misspelling the search's "Meinten Sie …?" handles.
* ``compact()`` is the folded text without spaces, hyphens and other separators: names are written
  with and without them ("Nord-Westfalen", "Nordwestfalen", "Baden Württemberg"). Comparing the
  compact forms makes those spellings equal.
* ``matches(texts, term)``: the term, or each of its words, in one of several fields.
* ``contains(text, term)`` says whether ``term`` occurs in ``text`` under that normalisation.
* ``matching_values(values, term)``: which of a column's distinct values match, for a filter that
  runs ``field__in`` in the database (the same on SQLite and PostgreSQL, which have no common
  accent-insensitive comparison: PostgreSQL's ``unaccent`` is an extension and folds "ü" to "u").

Hand-written because the rule is German-specific (umlauts spelled out, not stripped); Python's
``unicodedata`` does the accent removal.
"""

import re
import unicodedata

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)


def fold(text):
    """Lower-case, spell out umlauts and ß, drop other diacritics."""
    text = (text or "").lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def compact(text):
    """The folded text without spaces, hyphens and punctuation ("Nord-Westfalen" -> "nordwestfalen")."""
    return _SEPARATORS.sub("", fold(text))


def contains(text, term):
    """Whether ``term`` occurs in ``text``, ignoring case, umlaut spellings, accents and separators."""
    needle = compact(term)
    return bool(needle) and needle in compact(text)


def words(text):
    """The folded words of a text."""
    return [word for word in _SEPARATORS.split(fold(text)) if word]


def matches(texts, term):
    """Whether ``term`` occurs in one of ``texts`` as written (separators ignored) or each of its
    words occurs in one of them ("Bündnis Ruhr" in title and city)."""
    texts = [compact(text) for text in texts if text]
    whole = compact(term)
    if not whole:
        return False
    if any(whole in text for text in texts):
        return True
    parts = [compact(word) for word in words(term)]
    return len(parts) > 1 and all(any(part in text for text in texts) for part in parts)


def matching_values(values, term):
    """The values (e.g. the distinct cities of a listing) that contain ``term``."""
    needle = compact(term)
    if not needle:
        return []
    return [value for value in values if value and needle in compact(value)]
