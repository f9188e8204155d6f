"""Full-text search over statements on PostgreSQL: a GIN index on the text's search vector.

Serves positions.search.search_statements, whose filter is
``SearchVector("text", config="english")``; the indexed expression below is exactly what Django
writes for it (``to_tsvector('english'::regconfig, COALESCE(text, ''))``), so the planner can
use the index. An expression index rather than a generated column keeps the Statement model
unchanged and the migration a no-op on SQLite, where search falls back to a plain ``LIKE``.
"""

from django.db import migrations

INDEX = "statement_search"
ENGLISH_VECTOR = "to_tsvector('english'::regconfig, COALESCE(\"text\", ''))"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON positions_statement USING gin ({ENGLISH_VECTOR})"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("positions", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
