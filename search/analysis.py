"""German analysis of the indexed text and of the query, done in Python, the same on both databases.

Both SQLite (FTS5) and PostgreSQL (``tsvector``) index the *result* of this analysis, not the raw
text, so a query matches the same entries on either database (docs/search.md):

* every word is folded (``cms.core.text.fold``: case, umlaut spellings, ß, accents) and reduced to
  its stem with the Snowball German stemmer (``snowballstemmer``, the algorithm of PostgreSQL's
  ``german`` configuration): "Regionen" and "Region" -> "region", "Bündnisse" and "Buendnis" ->
  "bundnis". A derivation ending in "-isierung"/"-isieren" is reduced further to its base
  ("Digitalisierung" -> "digital"), which Snowball leaves alone;
* long words add the stems of their trailing parts (``search.text.compound_parts``), so
  "Bündnis" finds "Industriebündnisse";
* hyphenated names add their joined form ("Nord-Westfalen" -> "nordwestfal"), so "Nordwestfalen"
  finds "Nord-Westfalen" and back;
* a query is a conjunction of groups; a group is the alternatives of one query word: the word
  itself, and the variants of an editor's synonym (``search.models.SearchSynonym``) when the word
  or words of the query are one of its spellings ("Logo" -> "Logo" | "Signet", "F&E" ->
  "Forschung und Entwicklung"). Words of at least ``MIN_PREFIX_TERM`` letters also match as a
  prefix ("Industrie" finds "Industriedialog"). Filler words ("für", "in", "der") are dropped
  from a query that has other words.

Why in Python and not with the databases' own stemmers: SQLite has no German stemmer (FTS5 ships
only the English Porter stemmer), and one analysis for both keeps their results comparable
(tests/search/test_both_databases.py). Wagtail's own SQLite backend (``modelsearch``'s FTS5 index)
indexes raw text with the ``unicode61`` tokenizer and ranks without column weights; it offers no
hook for a stemmer at index and query time, and the site's facets need the entries' own columns.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from cms.core.text import compact, fold
from search.text import MIN_HEAD_LENGTH, MIN_PREFIX_TERM, compound_parts, words

MAX_VARIANT_WORDS = 4  # the longest synonym spelling matched against the query
STOPWORDS = frozenset(
    # Not "oder": it is part of names ("Frankfurt (Oder)").
    ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und")
    + ("in", "im", "am", "an", "auf", "aus", "bei", "mit", "von", "vom", "zu", "zum", "zur", "fuer")
    + ("ueber", "um", "nach", "vor", "als", "wie", "ist", "sind")
)
_HYPHENATED = re.compile(r"\w+(?:-\w+)+", re.UNICODE)
_QUERY_WORDS = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("german")


@lru_cache(maxsize=100_000)
def stem(word):
    """The stem of a folded word ("regionen" -> "region", "digitalisierung" -> "digital")."""
    result = _STEMMER.stemWord(word)
    if result.endswith("isier") and len(result) >= 9:
        result = result[:-5]
    return result


def stems(text):
    """The stems of the words of ``text``, in order."""
    return [stem(word) for word in words(text)]


def joined_forms(text):
    """The stems of hyphenated words written together ("Nord-Westfalen" -> "nordwestfal")."""
    return [stem(compact(match)) for match in _HYPHENATED.findall(fold(text))]


def _padded(tokens):
    # Padded with spaces, so that a whole token is found with LIKE '% token %' on both databases.
    return f" {' '.join(tokens)} " if tokens else ""


def _parts(text):
    parts = dict.fromkeys(stem(part) for part in compound_parts(text).split())
    parts.update(dict.fromkeys(joined_forms(text)))
    return [part for part in parts if len(part) >= MIN_HEAD_LENGTH]


def index_fields(title, text, kind_label=""):
    """The analysed columns of a search entry: title stems (in order), stems of the title's parts,
    hyphen-joined names and of its kind ("Modellregion"), stems of the text and of its parts."""
    return {
        "title_terms": _padded(stems(title)),
        "title_parts": _padded(
            list(dict.fromkeys([*_parts(title), *stems(kind_label), *_parts(kind_label)]))
        ),
        "body_terms": " ".join(stems(text)),
        "body_parts": " ".join(_parts(text)),
    }


@dataclass(frozen=True)
class Token:
    stem: str
    prefix: bool = False


@dataclass
class Query:
    """AND of ``groups``; a group is a list of alternatives; an alternative a list of tokens (AND).
    ``joined`` is the whole query written as one word ("nord westfalen" -> "nordwestfal"), an
    alternative to all the groups."""

    groups: list = field(default_factory=list)
    joined: Token | None = None
    words: list = field(default_factory=list)  # folded words of all spellings, for highlighting
    typed: list = field(default_factory=list)  # stems of every typed word, filler words too

    def __bool__(self):
        return bool(self.groups)

    def title_tokens(self):
        """The first alternative's tokens of each group: what the visitor typed."""
        return [token for group in self.groups for token in group[0]]


def _token(word):
    """A query word's stem; matched as a prefix when the stem is long enough ("industri" finds
    "industriedialog"; "sign" of "Signet" does not find "signal")."""
    result = stem(word)
    return Token(result, prefix=len(result) >= MIN_PREFIX_TERM and not word.isdigit())


def _alternative(text):
    """The tokens of one spelling, filler words left out unless it has nothing else."""
    found = words(text)
    kept = [word for word in found if word not in STOPWORDS] or found
    return tuple(_token(word) for word in kept)


def parse(query, synonyms=None, max_terms=8):
    """The analysed ``Query`` of a visitor's query; ``synonyms`` maps a compact spelling to the
    list of all spellings of its group (``search.synonyms.synonym_map``)."""
    synonyms = synonyms or {}
    pieces = [piece for piece in _QUERY_WORDS.findall(fold(query).replace("_", " ")) if piece]
    groups, spelled, index = [], [], 0
    while index < len(pieces):
        for length in range(min(MAX_VARIANT_WORDS, len(pieces) - index), 0, -1):
            key = compact(" ".join(pieces[index : index + length]))
            if key in synonyms:
                typed = " ".join(pieces[index : index + length])
                variants = [typed, *(v for v in synonyms[key] if compact(v) != key)]
                spelled.extend(word for variant in variants for word in words(variant))
                groups.append(("", [alt for alt in map(_alternative, variants) if alt]))
                index += length
                break
        else:
            piece = pieces[index]
            word = compact(piece)  # a hyphenated query word is looked for written together
            spelled.extend(words(piece))
            groups.append((word, [(_token(word),)] if word else []))
            index += 1
    groups = [(word, alternatives) for word, alternatives in groups if alternatives]
    content = [item for item in groups if item[0] not in STOPWORDS]
    groups = (content or groups)[:max_terms]
    result = Query(
        groups=[list(dict.fromkeys(alternatives)) for _word, alternatives in groups],
        words=[word for word in dict.fromkeys(spelled) if word not in STOPWORDS or len(groups) == 1],
        typed=[stem(word) for piece in pieces for word in [compact(piece)] if word],
    )
    plain = [word for word, _alternatives in groups]
    if 1 < len(plain) <= 3 and all(plain):
        result.joined = _token("".join(plain))
    return result


def _quote(token, style):
    # Stems contain letters and digits only (folded \w+ without "_"), so quoting is safe.
    text = re.sub(r"[^\w]", "", token.stem)
    if style == "fts5":
        return f'"{text}"' + ("*" if token.prefix else "")
    return f"'{text}'" + (":*" if token.prefix else "")


def _expression(query, style):
    conj, disj = (" AND ", " OR ") if style == "fts5" else (" & ", " | ")
    groups = []
    for group in query.groups:
        alternatives = [
            "(" + conj.join(_quote(token, style) for token in alternative) + ")" for alternative in group
        ]
        groups.append("(" + disj.join(alternatives) + ")")
    expression = conj.join(groups)
    if query.joined is not None:
        expression = f"({expression}){disj}{_quote(query.joined, style)}"
    return expression


def fts5_query(query):
    """The FTS5 MATCH expression of an analysed query."""
    return _expression(query, "fts5")


def tsquery(query):
    """The PostgreSQL tsquery (``simple`` configuration) of an analysed query."""
    return _expression(query, "postgres")
