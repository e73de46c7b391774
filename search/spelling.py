"""“Meinten Sie …?”: a correction for a misspelt query from the search index's own vocabulary.

The vocabulary is the words of the titles and summaries of the search entries (``SearchEntry``),
which hold only live, public pages and public documents (``search.indexing``): a private or draft
page can never lend a word to a suggestion. It is kept in the content cache under the namespace
token (``cms.caching.content``), so a publish renews it like the pages; building it reads two short
columns of every entry (about a second at 12,000 entries, only for the first search without a
result after a change).

The same vocabulary and comparison on SQLite and PostgreSQL, so both suggest the same correction:
``difflib.get_close_matches`` (Python's standard library; ratio of matching characters) over the
folded words. PostgreSQL's ``pg_trgm`` would need an extension (``CREATE EXTENSION`` needs rights
that managed databases often do not give) and exists only there; for a vocabulary of a few
thousand words the comparison in Python takes a few milliseconds.
"""

import difflib
import re
from collections import Counter

from cms.caching.content import content_cached
from cms.core.text import fold
from search.analysis import STOPWORDS
from search.models import SearchEntry

MIN_WORD_LENGTH = 4  # shorter words are not corrected ("in", "IHK")
CUTOFF = 0.8  # how similar a correction must be (difflib ratio)
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


def _build():
    """{folded word: the spelling most often written} of titles and summaries."""
    spellings = {}
    for title, summary in SearchEntry.objects.values_list("title", "summary").iterator(chunk_size=2000):
        for word in _WORDS.findall(f"{title} {summary}"):
            if len(word) >= MIN_WORD_LENGTH:
                spellings.setdefault(fold(word), Counter())[word] += 1
    return {folded: counter.most_common(1)[0][0] for folded, counter in spellings.items()}


def vocabulary():
    return content_cached("search-vocabulary", _build)


def correction(query):
    """The query with its unknown words replaced by the closest known ones, or ``None``."""
    words = vocabulary()
    if not words:
        return None
    known = list(words)
    changed, out = False, []
    for word in query.split():
        folded = fold(word)
        letters = "".join(_WORDS.findall(folded))
        if len(letters) < MIN_WORD_LENGTH or letters in words or letters in STOPWORDS:
            out.append(word)
            continue
        close = difflib.get_close_matches(letters, known, n=1, cutoff=CUTOFF)
        if close:
            out.append(words[close[0]])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None
