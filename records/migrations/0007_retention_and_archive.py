"""Nothing filed is deleted: closed records are archived (archived_at, retain_until), and the database itself
refuses to delete a filed record, its history, files and results, an issued document or a settled payment
(a trigger per table), whoever asks: the admin, a queryset, a script or psql. Drafts stay deletable.

The triggers are PostgreSQL's, the production database. SQLite (``make run``'s embedded default, a demo) relies
on the models' own refusal: its triggers would name records_record in their conditions, and SQLite rebuilds a
table to alter it, which such a trigger breaks (later migrations that add a column to records_record fail)."""

from django.db import migrations, models

# (table, condition on OLD under which a DELETE is refused, what is kept)
GUARDS = [
    ("records_record", "OLD.state <> 'draft'", "filed record"),
    (
        "records_recordevent",
        "EXISTS (SELECT 1 FROM records_record r WHERE r.id = OLD.record_id AND r.state <> 'draft')",
        "event of a filed record",
    ),
    (
        "records_attachment",
        "EXISTS (SELECT 1 FROM records_record r WHERE r.id = OLD.record_id AND r.state <> 'draft')",
        "attachment of a filed record",
    ),
    (
        "records_resultdocument",
        "EXISTS (SELECT 1 FROM records_record r WHERE r.id = OLD.record_id AND r.state <> 'draft')",
        "result of a filed record",
    ),
    ("documents_document", "OLD.status = 'issued'", "issued document"),
    ("payments_payment", "OLD.state IN ('paid', 'refunded')", "settled payment"),
]


def create_guards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table, condition, what in GUARDS:
        message = f"A {what} is never deleted ({table}): closed records are archived, not removed."
        if vendor == "postgresql":
            schema_editor.execute(
                f"""
                CREATE OR REPLACE FUNCTION {table}_refuse_delete() RETURNS trigger AS $$
                BEGIN
                    IF {condition} THEN
                        RAISE EXCEPTION '{message}' USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN OLD;
                END;
                $$ LANGUAGE plpgsql;
                DROP TRIGGER IF EXISTS {table}_never_deleted ON {table};
                CREATE TRIGGER {table}_never_deleted BEFORE DELETE ON {table}
                    FOR EACH ROW EXECUTE FUNCTION {table}_refuse_delete();
                """
            )


def drop_guards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table, _condition, _what in GUARDS:
        if vendor == "postgresql":
            schema_editor.execute(
                f"DROP TRIGGER IF EXISTS {table}_never_deleted ON {table}; "
                f"DROP FUNCTION IF EXISTS {table}_refuse_delete();"
            )
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_never_deleted;")


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0006_draft_version"),
        ("documents", "0001_initial"),
        ("payments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="record",
            name="archived_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="ngày lưu trữ"),
        ),
        migrations.AddField(
            model_name="record",
            name="retain_until",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="lưu trữ đến ngày"),
        ),
        migrations.RunPython(create_guards, drop_guards),
    ]
