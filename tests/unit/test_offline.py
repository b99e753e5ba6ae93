"""The PHI guard starts and works with no network at all: no spaCy download, no public
suffix list fetch (tldextract), no hub."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.unit

SCRIPT = textwrap.dedent(
    """
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network disabled for this test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from pathlib import Path
    from medbento.phi.analyzer import detect, local_analyzer
    from medbento.phi.engine import build_analyzer

    text = "Mail jane.roe@example.org or see https://portal.example.org/x; call (617) 555-0199."
    found = {f.entity_type for f in detect(local_analyzer(), [text])[0]}
    assert found >= {"EMAIL_ADDRESS", "URL", "PHONE_NUMBER"}, found
    try:
        build_analyzer(Path("/nonexistent/spacy"), Path("/nonexistent/gazetteer"))
    except RuntimeError as error:
        assert "medbento models import" in str(error)
    else:
        raise AssertionError("a missing spaCy pipeline must fail, not download")
    print("offline ok")
    """
)


def test_guard_starts_and_finds_phi_without_network():
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/root"),
        "TLDEXTRACT_CACHE": "/nonexistent",
    }
    if "BENTOML_HOME" in os.environ:  # where the model store is
        env["BENTOML_HOME"] = os.environ["BENTOML_HOME"]
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "offline ok" in run.stdout
