"""PostgreSQL only: a generated tsvector column (``german`` configuration) with a GIN index.

``search_vector`` (matching; weights A = title words, B = compound parts of the title, C = text
words, D = compound parts of the text) and the small ``rank_vector`` (ranking: title, its parts and
the first 600 characters of summary and text). Ranking reads only the small vector, which stays
inside the table row, so a query that matches thousands of long documents does not have to
decompress their large vectors. SQLite keeps the plain columns and is searched with LIKE.
"""

from django.db import migrations

VECTOR_SQL = """
ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german'::regconfig, coalesce(title_norm, '')), 'A')
    || setweight(to_tsvector('german'::regconfig, coalesce(title_parts, '')), 'B')
    || setweight(to_tsvector('german'::regconfig, coalesce(body_norm, '')), 'C')
    || setweight(to_tsvector('german'::regconfig, coalesce(body_parts, '')), 'D')
) STORED;
ALTER TABLE search_searchentry ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german'::regconfig, coalesce(title_norm, '')), 'A')
    || setweight(to_tsvector('german'::regconfig, coalesce(title_parts, '')), 'B')
    || setweight(to_tsvector('german'::regconfig, left(coalesce(body_norm, ''), 600)), 'C')
) STORED;
CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (search_vector);
"""

DROP_SQL = """
DROP INDEX IF EXISTS search_entry_vector_gin;
ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector;
ALTER TABLE search_searchentry DROP COLUMN IF EXISTS rank_vector;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VECTOR_SQL)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
