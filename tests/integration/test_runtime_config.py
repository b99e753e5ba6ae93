"""BentoML's runtime settings as the README says to give them: configuration.yaml through
BENTOML_CONFIG, or BENTOML_CONFIG_OVERRIDES. BentoML 1.4.30's CLI refuses a file it cannot
read as version 1 at start, and its services apply only what stands under `services:`; these
tests start real servers and count the worker processes the settings asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
import yaml

from tests.conftest import ROOT, free_port, served_command
from tests.readme import block

pytestmark = pytest.mark.integration

CONFIGURATION = ROOT / "configuration.yaml"
BENTOML = str(Path(sys.executable).with_name("bentoml"))
EMBEDDING = "services.embedding:Embedding"


def workers(root_pid: int) -> dict[str, int]:
    """Worker processes per service under a server's process."""
    counts: dict[str, int] = {}
    for process in psutil.Process(root_pid).children(recursive=True):
        try:
            cmdline = process.cmdline()
        except psutil.Error:
            continue
        if "_bentoml_impl.worker.service" in cmdline and "--service-name" in cmdline:
            name = cmdline[cmdline.index("--service-name") + 1]
            counts[name] = counts.get(name, 0) + 1
    return counts


def test_every_bentoml_command_accepts_the_file():
    for command in (["list"], ["models", "list"], ["build", "--help"]):
        run = subprocess.run(
            [BENTOML, *command],
            env=os.environ | {"BENTOML_CONFIG": str(CONFIGURATION)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr[-2000:]


def test_no_setting_is_set_both_in_the_file_and_by_a_decorator():
    from services.gateway import Gateway

    file = yaml.safe_load(CONFIGURATION.read_text())["services"]
    services = Gateway.all_services()
    assert set(services) <= set(file), "every service's workers are sized in the file"
    for name, service in services.items():
        overlap = set(file.get(name) or {}) & set(service.config)
        assert not overlap, f"{name}: {overlap} set in the decorator and in configuration.yaml"
    shared = {k for k in file if k not in services}  # keys for every service
    assert not any(shared & set(s.config) for s in services.values())


def test_a_changed_copy_of_the_file_is_applied(tmp_path):
    changed = yaml.safe_load(CONFIGURATION.read_text())
    changed["services"]["Embedding"]["workers"] = 2
    copy = tmp_path / "configuration.yaml"
    copy.write_text(yaml.safe_dump(changed))
    port = free_port()
    command = [BENTOML, "serve", EMBEDDING, "--port", str(port)]
    env = os.environ | {"BENTOML_CONFIG": str(copy)}
    with served_command(command, port, tmp_path / "serve.log", env) as server:
        assert workers(server.pid) == {"Embedding": 2, "PHIGuard": 1, "AuditLog": 1}


def test_the_readme_override_is_applied(tmp_path):
    """The README's BENTOML_CONFIG_OVERRIDES line, with `make serve` as written."""
    command = block("Runtime configuration (BentoML's settings)", "bash").strip()
    assert command.endswith("make serve")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDBENTO_")}
    env |= {"PORT": str(port), "HOME": str(tmp_path)}
    env["BENTOML_HOME"] = os.environ.get("BENTOML_HOME", str(Path.home() / "bentoml"))
    with served_command(command, port, tmp_path / "serve.log", env) as make_serve:
        counted = workers(make_serve.pid)
    assert counted["Gateway"] == 2
    assert {n: c for n, c in counted.items() if n != "Gateway"} == {
        "Embedding": 1,
        "Generation": 1,
        "Conversation": 1,
        "PHIGuard": 1,
        "AuditLog": 1,
    }
