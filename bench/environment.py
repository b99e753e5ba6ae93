"""The benchmark's own environment, set before any medbento module reads its settings: the
environment the tests' servers get (tests/servers.py: no operator settings, a throwaway data
directory, no rate limit in the way of the load, nothing downloaded) with keys made for this
run, but none of the tests' fixtures."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests import servers

KEYS, KEY = servers.keys("bench", ("clinician", "researcher", "admin"))
servers.own_environment(KEYS, Path(tempfile.mkdtemp(prefix="medbento-bench-data-")))


def serve(target: str, env: dict[str, str] | None = None):
    """The tests' launcher, with this run's admin key."""
    return servers.serve(target, env, token=KEY["admin"])
