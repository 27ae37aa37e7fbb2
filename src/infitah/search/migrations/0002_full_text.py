"""The full-text index, made for the database in use (DESIGN.md §3: PostgreSQL in production, SQLite in the demo).

PostgreSQL: a generated tsvector, the title's words weighted A and the text's B, built from the stored normalised
words (letters and digits separated by single spaces, so the `simple` configuration's parser finds exactly those
words), and a GIN index. SQLite: an FTS5 table over the same two columns
(external content: the words are kept once, in search_entry), kept in step by triggers.
"""

from django.db import migrations

POSTGRES = [
    """
    ALTER TABLE search_entry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_key), 'A')
        || setweight(to_tsvector('simple'::regconfig, text_key), 'B')
    ) STORED
    """,
    "CREATE INDEX search_entry_vector ON search_entry USING GIN (search_vector)",
]
POSTGRES_UNDO = ["DROP INDEX IF EXISTS search_entry_vector", "ALTER TABLE search_entry DROP COLUMN search_vector"]

SQLITE = [
    """
    CREATE VIRTUAL TABLE search_entry_fts USING fts5(
        title_key, text_key, content='search_entry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_entry BEGIN
        INSERT INTO search_entry_fts(rowid, title_key, text_key) VALUES (new.id, new.title_key, new.text_key);
    END
    """,
    """
    CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_entry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title_key, text_key)
        VALUES ('delete', old.id, old.title_key, old.text_key);
    END
    """,
    """
    CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_entry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, title_key, text_key)
        VALUES ('delete', old.id, old.title_key, old.text_key);
        INSERT INTO search_entry_fts(rowid, title_key, text_key) VALUES (new.id, new.title_key, new.text_key);
    END
    """,
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TABLE IF EXISTS search_entry_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_UNDO, "sqlite": SQLITE_UNDO}),
        ),
    ]
