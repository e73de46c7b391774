"""ASCII slugs with German transliteration: „Industriebündnisse“ → ``industriebuendnisse``.

Wagtail (``WAGTAIL_ALLOW_UNICODE_SLUGS = False``) and Django's ``slugify`` drop the diacritics
(ü → u: ``industriebundnisse``) and the admin's JavaScript knows no German map; the demo content and
links in print use ae/oe/ue/ss. So:

- ``german_slugify`` is the server side (new pages without a slug, the CSV import, the data
  migration that renames old umlaut slugs and leaves redirects, core/0002);
- ``GermanSlugInput`` gives Wagtail's slug widget (Stimulus ``w-slug``) the same replacements as
  ``formatters``, which it applies before its own ASCII transliteration, for the slug typed or
  synced from the title;
- ``GermanSlugField`` transliterates what an editor types before the ASCII slug validation.

anyascii (a Wagtail dependency) transliterates „ü“ to „u“ as well; no library knows the German rule,
hence this small module.
"""

from django import forms
from django.core import validators
from django.utils.text import slugify
from wagtail.admin.widgets import SlugInput

GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
_TABLE = str.maketrans(GERMAN)


def transliterate(text):
    """Spell out German umlauts and ß (ä → ae …); other characters stay."""
    return (text or "").translate(_TABLE)


def german_slugify(text):
    """An ASCII slug: umlauts spelled out, other diacritics dropped (é → e), the rest as slugify."""
    return slugify(transliterate(text))


class GermanSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=[*GERMAN.items(), *(formatters or [])], locale=locale)


class GermanSlugField(forms.SlugField):
    """A slug field that accepts „bündnisse“ and stores ``buendnisse``."""

    def __init__(self, *args, **kwargs):
        kwargs["allow_unicode"] = False
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and not validators.slug_re.match(value):
            value = german_slugify(value) or value
        return value
