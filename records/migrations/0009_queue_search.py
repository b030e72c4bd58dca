"""The back-office queue's search: one folded column (code, names, ID numbers, phone; lower case, no diacritics)
that ``Record.save`` keeps, filled here for the records already filed, with a GIN trigram index on PostgreSQL
so that ``LIKE '%part%'`` (a name without accents, part of a code in any case) uses an index."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from procedures.text import fold

    Record = apps.get_model("records", "Record")
    rows = Record.objects.exclude(state="draft").only(
        "code", "applicant_name", "applicant_id_number", "subject_name", "subject_id_number", "form_data"
    )
    batch = []
    for record in rows.iterator(chunk_size=2000):
        phone = (record.form_data or {}).get("phone") if isinstance(record.form_data, dict) else ""
        parts = [
            record.code,
            record.applicant_name,
            record.applicant_id_number,
            record.subject_name,
            record.subject_id_number,
            "".join(ch for ch in str(phone or "") if ch.isdigit()),
        ]
        record.search_text = fold(" ".join(p for p in parts if p))
        batch.append(record)
        if len(batch) >= 2000:
            Record.objects.bulk_update(batch, ["search_text"])
            batch = []
    if batch:
        Record.objects.bulk_update(batch, ["search_text"])


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS record_search_text_trgm ON records_record "
            "USING gin (search_text gin_trgm_ops) WHERE state <> 'draft'"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS record_search_text_trgm")


class Migration(migrations.Migration):
    dependencies = [("records", "0008_record_participants")]

    operations = [
        migrations.AddField(
            model_name="record",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
