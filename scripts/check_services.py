"""Say in one line how to start PostgreSQL or Redis when the tests cannot reach them."""

import os
import socket
import sys
from urllib.parse import urlparse

SERVICES = [
    (
        "PostgreSQL",
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal"),
        5432,
        "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    ),
    (
        "Redis",
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        6379,
        "start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no",
    ),
]


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def main() -> int:
    failed = False
    for name, url, default_port, hint in SERVICES:
        parsed = urlparse(url)
        host, port = parsed.hostname or "127.0.0.1", parsed.port or default_port
        if not reachable(host, port):
            print(f"{name} is not reachable at {host}:{port}; {hint}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
