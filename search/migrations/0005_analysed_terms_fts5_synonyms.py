"""The search indexes the Python analysis of the text (search.analysis) on both databases.

* New columns ``title_terms`` and ``body_terms`` (Snowball stems); ``title_parts``/``body_parts``
  now hold the stems of compound parts and joined names; ``body_norm`` (LIKE search) is gone.
* PostgreSQL: ``search_vector`` and ``rank_vector`` are rebuilt from the analysed columns with the
  ``simple`` configuration (the stemming is already done), weights and GIN index as before.
* SQLite: an FTS5 table ``search_searchentry_fts`` over the same columns (external content, kept
  in step by triggers), searched with MATCH and ranked with ``bm25()``.
* The editors' synonyms (``SearchSynonym``).

Existing entries are analysed here; the migration rewrites every entry once.
"""

from django.db import migrations, models

DROP_PG = """
DROP INDEX IF EXISTS search_entry_vector_gin;
ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector;
ALTER TABLE search_searchentry DROP COLUMN IF EXISTS rank_vector;
"""

CREATE_PG = """
ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(title_parts, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(body_terms, '')), 'C')
    || setweight(to_tsvector('simple'::regconfig, coalesce(body_parts, '')), 'D')
) STORED;
ALTER TABLE search_searchentry ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce(title_terms, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(title_parts, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, left(coalesce(body_terms, ''), 600)), 'C')
) STORED;
CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (search_vector);
ALTER TABLE search_searchentry ALTER COLUMN rank_vector SET STORAGE MAIN,
    ALTER COLUMN title_terms SET STORAGE MAIN;
"""

# The same (old) vectors as migration 0002, for migrating backwards.
OLD_PG = """
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
ALTER TABLE search_searchentry ALTER COLUMN rank_vector SET STORAGE MAIN;
"""

FTS_COLUMNS = "title_terms, title_parts, body_terms, body_parts"
CREATE_SQLITE = [
    f"CREATE VIRTUAL TABLE search_searchentry_fts USING fts5({FTS_COLUMNS},"
    " content='search_searchentry', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER search_searchentry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title_terms, new.title_parts, new.body_terms, new.body_parts);
    END""",
    f"""CREATE TRIGGER search_searchentry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title_terms, old.title_parts, old.body_terms, old.body_parts);
    END""",
    f"""CREATE TRIGGER search_searchentry_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.title_terms, old.title_parts, old.body_terms, old.body_parts);
        INSERT INTO search_searchentry_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.title_terms, new.title_parts, new.body_terms, new.body_parts);
    END""",
    "INSERT INTO search_searchentry_fts(search_searchentry_fts) VALUES ('rebuild')",
]
DROP_SQLITE = [
    "DROP TRIGGER IF EXISTS search_searchentry_fts_insert",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_update",
    "DROP TABLE IF EXISTS search_searchentry_fts",
]

LABELS = {
    "initiative": "Initiative Initiativen",
    "region": "Modellregion Modellregionen",
    "meeting": "Bericht eines Treffens Berichte von Treffen",
    "forum": "Thema Forum Industriepolitik",
    "event": "Veranstaltung Veranstaltungen",
    "news": "Meldung Meldungen",
    "page": "Seite Seiten",
    "presentation": "Präsentation Präsentationen",
    "document": "Dokument Dokumente",
}


def drop_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_PG)


def restore_old_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(OLD_PG)


def analyse_entries(apps, schema_editor):
    from search.analysis import index_fields

    entry_model = apps.get_model("search", "SearchEntry")
    for entry in entry_model.objects.all().iterator(chunk_size=200):
        fields = index_fields(entry.title, f"{entry.summary}\n{entry.body}", LABELS.get(entry.kind, ""))
        entry_model.objects.filter(pk=entry.pk).update(**fields)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_PG)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in CREATE_SQLITE:
            schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_PG)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in DROP_SQLITE:
            schema_editor.execute(statement)



class Migration(migrations.Migration):

    dependencies = [
        ('search', '0004_facet_columns_without_btree'),
    ]

    operations = [
        migrations.RunPython(drop_vectors, restore_old_vectors, elidable=False),
        migrations.CreateModel(
            name='SearchSynonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('terms', models.TextField(help_text='Ein Begriff je Zeile (oder durch Kommas getrennt), z. B. „Logo“, „Signet“. Eine Suche nach einem davon findet auch die anderen. Groß- und Kleinschreibung, Umlaut-Schreibweisen und Bindestriche spielen keine Rolle.', verbose_name='Gleichbedeutende Begriffe')),
                ('note', models.CharField(blank=True, help_text='Nur für die Redaktion.', max_length=255, verbose_name='Notiz')),
            ],
            options={
                'verbose_name': 'Synonym der Suche',
                'verbose_name_plural': 'Synonyme der Suche',
            },
        ),
        migrations.RemoveField(
            model_name='searchentry',
            name='body_norm',
        ),
        migrations.AddField(
            model_name='searchentry',
            name='body_terms',
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='title_terms',
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(analyse_entries, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
