"""German text normalisation for the site search: folding, compound parts, query terms, highlighting.

The same functions prepare the indexed text and the visitor's query, so both sides match:

* ``fold()`` (the one normalisation of the site, ``cms.core.text``) lower-cases and spells umlauts
  and ß out ("Bündnis" -> "buendnis", "Straße" ->
  "strasse"); other accents are dropped ("Café" -> "cafe"). A visitor typing "Buendnis" or
  "Bündnis" therefore finds the same words.
* ``compound_parts()`` adds the trailing parts of long words to the index ("industriedialog" ->
  "dialog", "iedialog", …). German compounds put the head last, so a query for a part
  ("Dialog", "Bündnis") finds the compound ("Industriedialog", "Industriebündnisse"); the leading
  part ("Industrie") is found by prefix matching of the query. See docs/search.md.
* ``highlight()`` marks the matched words of the original text with ``<mark>``.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from cms.core.text import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MIN_COMPOUND_LENGTH = 8  # words shorter than this are not split
MIN_HEAD_LENGTH = 4  # shortest trailing part indexed ("werk" in "Handwerk")
MIN_MODIFIER_LENGTH = 3  # the part before the head has at least this many letters
MIN_PREFIX_TERM = 5  # query terms this long also match longer words starting with them
FIELD_SEPARATOR = " · "  # between the fields (lines) of a passage

WORD_RE = re.compile(r"\w+", re.UNICODE)


def words(text):
    """The folded words of a text (letters and digits; '_' counts as a separator)."""
    return [word for word in WORD_RE.findall(fold(text).replace("_", " ")) if word]


def compound_parts(text):
    """Trailing parts of the long words of ``text``, space separated and without duplicates."""
    parts = {}
    for word in set(words(text)):
        if len(word) < MIN_COMPOUND_LENGTH or not word.isalpha():
            continue
        for start in range(MIN_MODIFIER_LENGTH, len(word) - MIN_HEAD_LENGTH + 1):
            parts[word[start:]] = None
    return " ".join(parts)


def clean_query(raw):
    """Trim, drop control characters and cap the length of a visitor's query (for display)."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(raw or "")[: MAX_QUERY_LENGTH * 4])
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_terms(query):
    """The folded search terms of a query: words only, no syntax characters, at most MAX_TERMS."""
    terms = []
    for word in words(query):
        if word not in terms:
            terms.append(word[:60])
    return terms[:MAX_TERMS]


_ENDINGS = ("ungen", "innen", "ern", "nen", "en", "er", "es", "e", "n", "s")


def light_stem(term):
    """A rough German stem for highlighting ("regionen" -> "region"); matching uses search.analysis."""
    for ending in _ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= 4:
            return term[: -len(ending)]
    return term


_SPELLINGS = {"ae": "(?:ae|ä)", "oe": "(?:oe|ö)", "ue": "(?:ue|ü)", "ss": "(?:ss|ß)"}


def _term_pattern(term):
    """A regular expression for a folded term in unfolded text ("buendnis" -> "b(?:ue|ü)ndnis")."""
    out, index = [], 0
    while index < len(term):
        pair = term[index : index + 2]
        if pair in _SPELLINGS:
            out.append(_SPELLINGS[pair])
            index += 2
        else:
            out.append(re.escape(term[index]))
            index += 1
    return "".join(out)


@lru_cache(maxsize=256)
def _term_regex(term):
    """Short terms as whole words (with up to two more letters); longer ones as their stem anywhere."""
    if len(term) < MIN_HEAD_LENGTH:
        return re.compile(rf"\b{_term_pattern(term)}\w{{0,2}}\b", re.IGNORECASE)
    return re.compile(_term_pattern(light_stem(term)), re.IGNORECASE)


def _is_word_char(char):
    return char.isalnum() or char == "_"


def _match_spans(text, terms):
    """(start, end, term) of the matched words, in text order and not overlapping.

    A stem found inside a word marks the whole word (up to 40 letters on each side), so compound
    parts are highlighted too ("Bündnis" in "Industriebündnisse"). Each term is searched with its
    own simple pattern, which the regular expression engine finds by its literal text; where two
    terms match the same word, the longer term is credited.
    """
    found = []
    for rank, term in enumerate(sorted(terms, key=len, reverse=True)):
        for match in _term_regex(term).finditer(text):
            start, end = match.start(), match.end()
            if len(term) >= MIN_HEAD_LENGTH:
                floor, ceiling = max(0, start - 40), min(len(text), end + 40)
                while start > floor and _is_word_char(text[start - 1]):
                    start -= 1
                while end < ceiling and _is_word_char(text[end]):
                    end += 1
            found.append((start, rank, end, term))
    found.sort()
    spans, position = [], 0
    for start, _rank, end, term in found:
        if start >= position and end > start:
            spans.append((start, end, term))
            position = end
    return spans


def _best_window(spans, length):
    """Index of the span that starts the window of ``length`` characters with the most different
    terms (then the most matches); one pass with two pointers over the spans."""
    best, best_score = 0, (-1, -1)
    in_window, end = {}, 0
    for index, (span_start, _end, _term) in enumerate(spans):
        while end < len(spans) and spans[end][1] <= span_start + length:
            in_window[spans[end][2]] = in_window.get(spans[end][2], 0) + 1
            end += 1
        score = (len(in_window), end - index)
        if score > best_score:
            best, best_score = index, score
        if end > index:  # the current span leaves the window before the next one starts it
            term = spans[index][2]
            in_window[term] -= 1
            if not in_window[term]:
                del in_window[term]
        else:
            end = index + 1
    return best


def _render(text, spans, start, end):
    out, position = [], start
    for span_start, span_end, _term in spans:
        if span_start < start or span_end > end:
            continue
        out.append(escape(text[position:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight(text, terms, length=240):
    """A passage of about ``length`` characters around the best match, matches in <mark>.

    Returns '' when no term occurs in the text. The result is HTML-escaped and safe to output.
    """
    if not text or not terms:
        return ""
    spans = _match_spans(text, terms)
    if not spans:
        return ""
    # The window that contains the most different terms (then the most matches) wins.
    anchor = spans[_best_window(spans, length)][0]
    start = max(0, anchor - length // 4)
    if start:
        space = text.find(" ", start, anchor)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start + length // 2, end)
        end = space if space != -1 else end
    # The fields of an entry are lines of its text (venue, city, organiser …): shown with a
    # separator between them instead of running together.
    passage = FIELD_SEPARATOR.join(
        " ".join(line.split()) for line in _render(text, spans, start, end).splitlines() if line.strip()
    )
    return mark_safe(("… " if start else "") + passage + (" …" if end < len(text) else ""))  # noqa: S308


def highlight_all(text, terms):
    """The whole (short) text with every match in <mark>, e.g. for titles."""
    if not text:
        return ""
    spans = _match_spans(text, terms) if terms else []
    return mark_safe(_render(text, spans, 0, len(text)))  # noqa: S308
