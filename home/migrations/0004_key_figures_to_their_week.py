"""The home page's hand-kept key figures ("Die Woche der Industrie 2016 in Zahlen") described one past
week; the home page now counts the current week's figures itself. Before the figures and their heading
go (0005), they are kept where they belong: in the archive figures of the week of the heading's year,
if the site has that week and its archive figures are empty (its page and its latest and live
revisions, so that the next edit keeps them)."""

import re

from django.db import migrations

YEAR = re.compile(r"\b(20\d\d)\b")


def figures_to_weeks(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    KeyFigure = apps.get_model("home", "KeyFigure")
    EventIndexPage = apps.get_model("events", "EventIndexPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for home in HomePage.objects.all():
        match = YEAR.search(home.key_figures_heading or "")
        figures = KeyFigure.objects.filter(page=home).order_by("sort_order", "pk")
        text = ", ".join(" ".join(p for p in (f.qualifier, f.value, f.label) if p) for f in figures)[:200]
        if not (match and text):
            continue
        week = (
            EventIndexPage.objects.filter(
                path__startswith=home.path, depth=home.depth + 1, year=int(match.group(1)), archive_figures=""
            )
            .order_by("path")
            .first()
        )
        if week is None:
            continue
        week.archive_figures = text
        week.save(update_fields=["archive_figures"])
        for revision in Revision.objects.filter(pk__in=[week.latest_revision_id, week.live_revision_id]):
            if isinstance(revision.content, dict) and not revision.content.get("archive_figures"):
                revision.content["archive_figures"] = text
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_focusarea_image"),
        ("events", "0006_week_archive_figures_and_partner_link"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(figures_to_weeks, migrations.RunPython.noop)]
