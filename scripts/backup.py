#!/usr/bin/env python3
"""Back up the portal (its PostgreSQL database and its files) and restore it somewhere else.

    python scripts/backup.py backup  DEST_DIR     # a dump of DATABASE_URL and an archive of the file stores
    python scripts/backup.py restore DEST_DIR     # into DATABASE_URL (an empty database) and the stores' paths
    python scripts/backup.py verify  DEST_DIR     # the manifest's checksums against the backup's files

The database goes out with ``pg_dump --format=custom`` (consistent: one snapshot, while the portal runs) and comes
back with ``pg_restore --no-owner``. The file stores are the local directories named by ``MEDIA_ROOT`` and
``DOCUMENTS_ROOT`` (default ``var/media`` and ``var/documents``): uploads, and signed documents. With S3-compatible
storage, back the bucket up with its own versioning or replication instead; the database dump is still needed.
``manifest.json`` records when, from which database (without its password), every part's SHA-256, and the row
counts of the tables that matter, so that ``restore`` can say the copy is whole. `tests/test_backup_restore.py`
restores a backup into a new database and compares.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
# The tables whose rows a restore must give back one for one.
COUNTED_TABLES = ("records_record", "records_recordevent", "records_attachment", "payments_payment", "identity_user")


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not urlparse(url).scheme.startswith("postgres"):
        raise SystemExit("backup: DATABASE_URL must name the PostgreSQL database (postgres://user@host:port/name)")
    return url


def _stores() -> dict[str, Path]:
    var = Path(os.environ.get("VAR_DIR", ROOT / "var"))
    return {
        "media": Path(os.environ.get("MEDIA_ROOT", var / "media")),
        "documents": Path(os.environ.get("DOCUMENTS_ROOT", var / "documents")),
    }


def _libpq(url: str) -> list[str]:
    """pg_dump/pg_restore/psql connection options for ``url`` (the password travels in PGPASSWORD)."""
    parsed = urlparse(url)
    options = ["-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 5432)]
    options += ["-U", parsed.username or "postgres", "-d", parsed.path.lstrip("/")]
    return options


def _env(url: str) -> dict:
    password = urlparse(url).password
    return {**os.environ, **({"PGPASSWORD": password} if password else {})}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def row_counts(url: str) -> dict[str, int]:
    counts = {}
    for table in COUNTED_TABLES:
        result = subprocess.run(
            ["psql", *_libpq(url), "-Atc", f"SELECT count(*) FROM {table}"],
            capture_output=True,
            text=True,
            env=_env(url),
        )
        if result.returncode == 0:
            counts[table] = int(result.stdout.strip())
    return counts


def backup(dest: Path) -> dict:
    url = _database_url()
    dest.mkdir(parents=True, exist_ok=True)
    dump = dest / "database.dump"
    subprocess.run(["pg_dump", *_libpq(url), "--format=custom", "--file", str(dump)], check=True, env=_env(url))
    parts = {"database.dump": _sha256(dump)}
    for name, path in _stores().items():
        archive = dest / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            if path.exists():
                tar.add(path, arcname=name)
        parts[archive.name] = _sha256(archive)
    parsed = urlparse(url)
    manifest = {
        "made_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": f"{parsed.hostname}:{parsed.port or 5432}/{parsed.path.lstrip('/')}",
        "parts": parts,
        "rows": row_counts(url),
    }
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2))
    print(f"backup: {dest} — {', '.join(f'{t} {n}' for t, n in manifest['rows'].items())}")
    return manifest


def verify(dest: Path) -> dict:
    manifest = json.loads((dest / "manifest.json").read_text())
    for name, digest in manifest["parts"].items():
        if _sha256(dest / name) != digest:
            raise SystemExit(f"backup: {dest / name} does not match its checksum: the backup is damaged")
    print(f"backup: {dest} is whole ({len(manifest['parts'])} parts)")
    return manifest


def restore(dest: Path) -> None:
    manifest = verify(dest)
    url = _database_url()
    subprocess.run(
        ["pg_restore", *_libpq(url), "--no-owner", "--exit-on-error", str(dest / "database.dump")],
        check=True,
        env=_env(url),
    )
    for name, path in _stores().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(dest / f"{name}.tar.gz", "r:gz") as tar:
            for member in tar.getmembers():
                member.name = str(Path(*Path(member.name).parts[1:])) if member.name != name else "."
            tar.extractall(path, filter="data")
    restored = row_counts(url)
    if restored != manifest["rows"]:
        raise SystemExit(f"backup: restored rows {restored} differ from the backup's {manifest['rows']}")
    print(f"backup: restored into {urlparse(url).path.lstrip('/')}; rows as backed up: {restored}")


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("backup", "restore", "verify"):
        print(__doc__)
        return 2
    {"backup": backup, "restore": restore, "verify": verify}[argv[1]](Path(argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
