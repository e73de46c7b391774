"""The yearly cycle of the Woche der Industrie: which week is current, the archive, the next week.

The *current* week is the live week with the latest year (then the latest first day): the menu,
the home page and the CSV import follow it without anyone switching anything. Every other week is
archive, shown with its own figures (counted from its events, or the editors' ``archive_figures``
for a week whose events are not on the site, such as 2016).

``create_next_week`` is the editors' one action "Neue Woche der Industrie anlegen": a copy of a week
one year later – title, texts, contact and its pages for partners (materials with their downloads,
the order form) – without the events; as drafts, so the editors look it over and publish it through
the usual review. The order catalogue is one list for all weeks and stays as it is.

Each week has its own address (``/woche-der-industrie-<Jahr>/``), so that an archive week keeps its
links. The current week has a second, stable one for print, mails and bookmarks: ``/woche/`` and its
sub-paths redirect to the current week (``STABLE_SLUG``, ``stable_target``, events.views).
"""

import datetime
import re

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.db.models.functions import Substr
from wagtail.models import PageViewRestriction

from events.models import STABLE_SLUG, EventIndexPage, EventPage

# A sub-path of the stable address: page slugs and routes ("karte/", "anmelden/danke/",
# "001-leverkusen/"), nothing else (no dots, no empty segments, no control characters).
STABLE_SUBPATH = re.compile(r"(?:[-\w]+/)*[-\w]*")
STABLE_SUBPATH_MAX_LENGTH = 300

# One year later on the same weekday (the weeks start on a fixed weekday, usually a Saturday).
ONE_YEAR = datetime.timedelta(weeks=52)


class WeekExists(Exception):
    """There is already a week of that year (or a page with its slug) next to the source."""


def live_weeks():
    """The live weeks no visitor restriction hides, latest first, in one query.

    Like Wagtail's ``public()``, a week below a view restriction (its own or an ancestor's) is left
    out, but inside the SQL (``public()`` reads the restrictions in a query of its own), so that the
    menu's ``current_week_subquery()`` and ``current_week()`` are the same week by construction.
    """
    restricted = PageViewRestriction.objects.annotate(
        week_prefix=Substr(OuterRef("path"), 1, F("page__depth") * EventIndexPage.steplen)
    ).filter(page__path=F("week_prefix"))
    return EventIndexPage.objects.live().exclude(Exists(restricted)).order_by("-year", "-week_start", "-pk")


def current_week():
    """The week the site follows: the live, public week with the latest year, or ``None``."""
    return live_weeks().first()


def current_week_subquery():
    """The current week's pk as a subquery, for queries that must stay a single one (the menu)."""
    return live_weeks().values("pk")[:1]


def stale_week_ids():
    """The weeks that are not current: a lazy queryset of pks, evaluated inside another query."""
    return EventIndexPage.objects.exclude(pk=Subquery(current_week_subquery())).values("pk")


def archive(exclude=None):
    """[(week, totals), …] of the live weeks except ``exclude``, latest first, in two queries
    (one more for each further depth of the tree, where weeks live at different depths).

    ``totals`` is {"events", "states", "cities"} counted from each week's published events.
    """
    weeks = list(live_weeks().exclude(pk=getattr(exclude, "pk", None)))
    if not weeks:
        return []
    depths = {week.depth for week in weeks}
    counts = {}
    for depth in depths:
        rows = (
            EventPage.objects.live()
            .filter(depth=depth + 1)
            .annotate(parent_path=Substr("path", 1, depth * EventIndexPage.steplen))
            .filter(parent_path__in=[week.path for week in weeks if week.depth == depth])
            .order_by()
            .values("parent_path")
            .annotate(
                events=Count("pk"),
                states=Count("federal_state", distinct=True),
                cities=Count("city", distinct=True),
            )
        )
        counts.update({row["parent_path"]: row for row in rows})
    empty = {"events": 0, "states": 0, "cities": 0}
    return [(week, counts.get(week.path, empty)) for week in weeks]


def _replace_year(text, old, new):
    return re.sub(rf"\b{old}\b", str(new), text) if text else text


def next_week_defaults(source):
    """The year, dates and slug proposed for the week after ``source``."""
    year = source.year + 1
    return {
        "year": year,
        "week_start": source.week_start + ONE_YEAR if source.week_start else None,
        "week_end": source.week_end + ONE_YEAR if source.week_end else None,
        "slug": f"woche-der-industrie-{year}",
    }


@transaction.atomic
def create_next_week(source, *, year, week_start, week_end, slug=None, user=None, live=False):
    """Copy ``source`` (a week) to a new week of ``year`` next to it, with its non-event pages.

    Texts get the new year wherever they named the old one (title, intro, SEO title); the copies are
    drafts unless ``live``. Raises ``WeekExists`` if the parent already has that week or slug.
    """
    source = source.specific
    parent = source.get_parent()
    slug = slug or f"woche-der-industrie-{year}"
    siblings = EventIndexPage.objects.child_of(parent)
    if siblings.filter(year=year).exists() or parent.get_children().filter(slug=slug).exists():
        raise WeekExists(f"Die Woche der Industrie {year} gibt es schon.")
    if slug == STABLE_SLUG:
        raise WeekExists(f"„{STABLE_SLUG}“ ist die feste Adresse der aktuellen Woche.")
    old = source.year
    attrs = {
        "year": year,
        "week_start": week_start,
        "week_end": week_end,
        "slug": slug,
        "title": _replace_year(source.title, old, year),
        "draft_title": _replace_year(source.title, old, year),
        "seo_title": _replace_year(source.seo_title, old, year),
        "intro": _replace_year(source.intro, old, year),
        "archive_figures": "",
    }
    week = source.copy(to=parent, update_attrs=attrs, copy_revisions=False, keep_live=live, user=user)
    for child in source.get_children().not_type(EventPage).specific():
        child.copy(recursive=True, to=week, copy_revisions=False, keep_live=live, user=user)
    return week.specific


def stable_target(subpath="", request=None, week=None):
    """The current week's URL path for ``subpath`` of the stable address, or ``None`` if there is no
    current week or ``subpath`` cannot be a path in it. ``week`` saves the look-up (one query)."""
    if len(subpath) > STABLE_SUBPATH_MAX_LENGTH or not STABLE_SUBPATH.fullmatch(subpath):
        return None
    week = week or current_week()
    if week is None:
        return None
    url = week.get_url(request)
    return url + subpath if url else None


def archive_context(index):
    """For a week's page: ``current_week`` (the week the site follows) and ``archive_weeks``, the other
    live weeks with their figures (two queries)."""
    listed = archive()
    current = listed[0][0] if listed else None
    return {
        "current_week": current,
        "archive_weeks": [(week, totals) for week, totals in listed if week.pk != index.pk],
    }
