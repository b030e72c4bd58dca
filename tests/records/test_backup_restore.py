"""scripts/backup.py: a backup of a running portal restored into a new database and new file stores gives back every
record, event and file; a damaged backup is refused before anything is restored."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from records import services as records_services
from records.models import Record, RecordEvent
from tests.identity.factories import citizen_account
from tests.records.conftest import filled_draft

ROOT = Path(__file__).resolve().parents[2]


def _url(name: str) -> str:
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{settings['USER'] or 'postgres'}@{host}:{port}/{name}"


def _script(command: str, dest: Path, database: str, var: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": _url(database), "VAR_DIR": str(var)}
    env.pop("MEDIA_ROOT", None)
    env.pop("DOCUMENTS_ROOT", None)
    return subprocess.run(
        [sys.executable, "scripts/backup.py", command, str(dest)], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.fixture
def empty_database():
    name = f"{connection.settings_dict['NAME']}_restored"[:60]
    admin = psycopg2.connect(
        host=connection.settings_dict["HOST"] or "127.0.0.1",
        port=connection.settings_dict["PORT"] or 5432,
        user="postgres",
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_record_and_file(family, tmp_path, empty_database):
    user = citizen_account(family["father"])
    record = filled_draft(user, family["father"])
    records_services.submit(record, actor=user)
    source_var, restored_var = tmp_path / "var", tmp_path / "restored"
    upload = source_var / "media" / "records" / "giay-to.pdf"
    signed = source_var / "documents" / "results" / "ket-qua.pdf"
    for path, content in ((upload, b"%PDF-1.7 upload"), (signed, b"%PDF-1.7 signed result")):
        path.parent.mkdir(parents=True)
        path.write_bytes(content)

    made = _script("backup", tmp_path / "backup", connection.settings_dict["NAME"], source_var)
    assert made.returncode == 0, made.stderr
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["rows"]["records_record"] == Record.objects.count() == 1
    assert manifest["rows"]["records_recordevent"] == RecordEvent.objects.count() > 0

    restored = _script("restore", tmp_path / "backup", empty_database, restored_var)
    assert restored.returncode == 0, restored.stderr
    assert "rows as backed up" in restored.stdout
    copy = psycopg2.connect(host="127.0.0.1", user="postgres", dbname=empty_database)
    with copy, copy.cursor() as cursor:
        cursor.execute("SELECT code, state FROM records_record")
        assert cursor.fetchall() == [(Record.objects.get().code, Record.objects.get().state)]
    copy.close()
    for original in (upload, signed):
        again = restored_var / original.relative_to(source_var)
        assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(original.read_bytes()).digest()


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused(tmp_path, empty_database):
    assert _script("backup", tmp_path / "backup", connection.settings_dict["NAME"], tmp_path / "var").returncode == 0
    dump = tmp_path / "backup" / "database.dump"
    dump.write_bytes(dump.read_bytes()[:-10] + b"0123456789")
    refused = _script("restore", tmp_path / "backup", empty_database, tmp_path / "restored")
    assert refused.returncode != 0
    assert "does not match its checksum" in refused.stderr + refused.stdout
