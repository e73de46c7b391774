"""PostgreSQL only: keep the table rows narrow, so matching and ranking read fewer pages.

A query that matches thousands of entries reads each matching row twice (facet counts, ranking).
By default PostgreSQL moves long values out of a row only when the row exceeds 2 kB, so most rows
here filled 2 kB with compressed pieces of text and vectors that these queries never read.
``toast_tuple_target = 128`` moves every long value (texts, the large ``search_vector``) out of the
row; the short title columns and the small ``rank_vector`` stay in it (``STORAGE MAIN``), because the
ranking and the title suggestions read them for every row they look at. Measured (docs/search.md):
at 12,000 entries the facet query reads a third fewer pages, the ranking query a fifth of them, as it
no longer fetches ``rank_vector`` pieces from the TOAST table.

New and changed rows get the new layout at once. Existing rows keep the old one until they are
written again: after this migration run ``manage.py update_search_entries`` (rebuilds every entry)
or, in a quiet moment, ``VACUUM FULL search_searchentry`` (docs/deploy.md). The migration itself does
not rewrite the table, so that it never holds an exclusive lock on it while the site is running.
"""

from django.db import migrations

FORWARDS = [
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 128)",
    "ALTER TABLE search_searchentry ALTER COLUMN title SET STORAGE MAIN,"
    " ALTER COLUMN title_norm SET STORAGE MAIN, ALTER COLUMN title_parts SET STORAGE MAIN,"
    " ALTER COLUMN rank_vector SET STORAGE MAIN",
]
BACKWARDS = [
    "ALTER TABLE search_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE search_searchentry ALTER COLUMN title SET STORAGE EXTENDED,"
    " ALTER COLUMN title_norm SET STORAGE EXTENDED, ALTER COLUMN title_parts SET STORAGE EXTENDED,"
    " ALTER COLUMN rank_vector SET STORAGE EXTENDED",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARDS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_search_vector")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
