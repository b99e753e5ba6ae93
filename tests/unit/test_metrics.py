"""Gauges defined on first use are defined once, however many threads ask first (two
concurrent first /readyz probes once failed with "Duplicated timeseries")."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.unit

# A fresh interpreter: the gauges must not exist yet, as in a worker that just started.
RACE = textwrap.dedent(
    """
    import threading
    from medbento.observability.metrics import audit_store_writable, redis_up

    for define in (redis_up, audit_store_writable):
        start = threading.Barrier(16)
        got, errors = [], []

        def first_probe():
            start.wait()
            try:
                got.append(define())
            except Exception as error:
                errors.append(repr(error))

        threads = [threading.Thread(target=first_probe) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        assert len(got) == 16 and len({id(g) for g in got}) == 1, got
        got[0].set(1)
    print("ok")
    """
)


def test_gauges_are_defined_once_under_concurrent_first_use(tmp_path):
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", RACE],
            capture_output=True,
            text=True,
            timeout=120,
            env={"PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "PATH": ""},
        )
        assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
