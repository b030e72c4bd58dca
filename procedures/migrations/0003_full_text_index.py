"""Full-text GIN index over the folded search text (PostgreSQL only).

The expression matches ``procedures.selectors.SEARCH_VECTOR`` exactly, which
is what lets the planner use it.
"""

from django.db import migrations

INDEX = "procedure_search_vector_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON procedures_procedure "
            "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("procedures", "0002_search_indexes")]
    operations = [migrations.RunPython(forwards, backwards)]
