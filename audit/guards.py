"""The audit logs are append-only in the database itself, not only in the admin and the models' ``save``.

Logins, failed passwords and second factors and lock-outs (``identity.AuthEvent``) and staff administration,
role changes included (``identity.StaffEvent``), are evidence: a PostgreSQL trigger refuses to change or delete
their rows, whoever asks (the ORM, a raw query, a console). One change is let through: deleting an account
clears its link on its login events (``on_delete=SET_NULL``); the event keeps the identifier it was made with.
``TRUNCATE`` (the tests' flush between transactional tests) fires no row trigger. SQLite (the embedded default)
has no such guard; the models refuse updates there.
"""

GUARDED_TABLES = {
    # table: the one column that may be cleared (set to NULL) when the row it points to is deleted
    "identity_authevent": "user_id",
    "identity_staffevent": None,
}

FUNCTION = """
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND TG_NARGS > 0
        AND (to_jsonb(NEW) - TG_ARGV[0]) = (to_jsonb(OLD) - TG_ARGV[0])
        AND to_jsonb(NEW) -> TG_ARGV[0] = 'null'::jsonb THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit rows of % are append-only (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
"""


def install(schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:  # not schema_editor.execute: the body has % signs
        cursor.execute(FUNCTION)
    for table, clearable in GUARDED_TABLES.items():
        argument = f"'{clearable}'" if clearable else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION audit_append_only({argument})"
        )


def uninstall(schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in GUARDED_TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS audit_append_only()")
