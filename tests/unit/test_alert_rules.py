"""The Prometheus alert rules load, and fire (and stay quiet) as deploy/prometheus/alerts_test.yml
says, under promtool (Debian's `prometheus` package; .ci/run installs it)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT, unavailable

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "command", [["check", "rules", "alerts.yml"], ["test", "rules", "alerts_test.yml"]]
)
def test_alert_rules(command):
    promtool = shutil.which("promtool")
    if promtool is None:
        unavailable("promtool")
    run = subprocess.run(
        [promtool, *command],
        cwd=ROOT / "deploy" / "prometheus",
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "SUCCESS" in run.stdout + run.stderr
