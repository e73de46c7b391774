"""PostgreSQL only: keep the table rows narrow, so matching and ranking read fewer pages.

A query that matches thousands of entries reads each matching row twice (facet counts, ranking).
By default PostgreSQL moves long values out of a row only when the row exceeds 2 kB, so most rows
here filled 2 kB with compressed pieces of text and vectors that these queries never read.
``toast_tuple_target = 128`` moves every long value (texts, the large ``search_vector``) out of the
row; the short title columns and the small ``rank_vector`` stay in it (``STORAGE MAIN``), because the
ranking and the title suggestions read them for every row they look at. Measured in docs/benchmarks/search.md: a third fewer pages read per query, and
ranking no longer fetches ``rank_vector`` pieces from the TOAST table.

``VACUUM FULL`` rewrites the existing rows in the new layout; it cannot run in a transaction, hence
``atomic = False``.
"""

from django.db import migrations

FORWARDS = [
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 128)",
    "ALTER TABLE search_searchentry ALTER COLUMN title SET STORAGE MAIN,"
    " ALTER COLUMN title_norm SET STORAGE MAIN, ALTER COLUMN title_parts SET STORAGE MAIN,"
    " ALTER COLUMN rank_vector SET STORAGE MAIN",
    "VACUUM FULL search_searchentry",
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
    atomic = False
    dependencies = [("search", "0002_postgres_search_vector")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
