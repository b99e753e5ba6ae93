"""Every worker process of a Bento imports the whole service graph (services.gateway), so what
those modules import at the top is paid once per worker at every start: models and Presidio
belong inside the one service that uses them (measured: a Gateway ready in 15-18 s with these
imports deferred, 27-37 s when every worker imported Presidio, transformers and torch)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.unit

HEAVY = ("presidio_analyzer", "presidio_anonymizer", "torch", "transformers", "spacy")


def test_the_service_graph_imports_no_model_library():
    code = (
        f"import sys, services.gateway\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "", f"imported at the top of the service graph: {run.stdout}"
