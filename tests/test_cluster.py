"""`make cluster` for real: two gunicorn nodes behind HAProxy, a PostgreSQL primary and a streaming standby, a
Celery worker. The script's own check logs a citizen in through VNeID on one node and goes on on the other, files a
record on one node and reads it back at once (and its file from the other), and shows the public reads on the
standby; this test runs it on ports of its own and asserts that every check passed and everything stopped."""

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def test_two_nodes_behind_a_proxy_with_a_streaming_replica():
    proxy, node1, node2, primary, standby = _free_ports(5)
    # Not pytest's tmp_path: PostgreSQL's tools run as the postgres user, who cannot enter root's private dirs.
    cluster_dir = Path(tempfile.gettempdir()) / f"portal-cluster-test-{os.getpid()}"
    env = {
        **os.environ,
        "CLUSTER_DIR": str(cluster_dir),
        "CLUSTER_PROXY_PORT": str(proxy),
        "CLUSTER_NODE_PORTS": f"{node1},{node2}",
        "CLUSTER_PG_PORT": str(primary),
        "CLUSTER_REPLICA_PORT": str(standby),
        "CLUSTER_REDIS_URL": os.environ["REDIS_URL"],
        "CLUSTER_SECONDS": "1",
    }
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER", "TEST_REDIS_WORKER"):
        env.pop(name, None)
    run = subprocess.run(
        [sys.executable, "scripts/cluster.py", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-4000:]
    assert "logged in through VNeID on node 1 and is known on node 2" in out
    assert "filed on node 2, read back at once there, its file served by node 1" in out
    assert "reads on the standby; the primary streams to it" in out
    assert "figure: procedure list:" in out
    for part in ("node1", "node2", "worker", "haproxy", "PostgreSQL replica", "PostgreSQL primary"):
        assert f"cluster: {part} stopped" in out
    assert not cluster_dir.exists()
    for port in (proxy, node1, node2, primary, standby):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, f"something still listens on {port}"
