"""Adaptive batching that holds load: the test that keeps the bentoml pin honest.

bentoml 1.4.31-1.4.40 lost requests between services under this load (bentoml/BentoML#5540);
the pinned version must serve it with no error. Speed is measured in bench/, not here.
"""

from __future__ import annotations

import re

import httpx
import pytest

from tests.conftest import KEY
from tests.load import Load

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CLIENTS, REQUESTS = 64, 640


def batch_histogram(metrics: str) -> tuple[float, float]:
    """(batches, calls) the Embedding service's encode API has run so far: BentoML's
    histogram observes how many calls each batch merged (a call may carry several texts)."""

    def value(kind: str) -> float:
        labels = r'\{[^}]*method_name="encode"[^}]*\}'
        pattern = rf"bentoml_service_adaptive_batch_size_{kind}{labels} ([0-9.e+]+)"
        return sum(float(v) for v in re.findall(pattern, metrics))

    return value("count"), value("sum")


def note(client: int, visit: int) -> dict:
    return {
        "input": f"note {client}-{visit}: chest pain radiating to the left arm",
        "model": "embedding",
    }


def test_64_concurrent_clients_get_every_answer_and_batches_form(gateway_url):
    admin = {"Authorization": f"Bearer {KEY['admin']}"}
    before = batch_histogram(httpx.get(f"{gateway_url}/metrics", headers=admin).text)
    with Load(gateway_url, CLIENTS, KEY["researcher"], body=note, timeout_s=120) as load:
        assert load.wait_for(lambda o: len(o) >= REQUESTS, 600), "the load did not finish"
        load.stop()  # every client's request in flight is answered (or fails) first
    outcomes = [o.status for o in load.snapshot()]
    after = batch_histogram(httpx.get(f"{gateway_url}/metrics", headers=admin).text)

    failures = [o for o in outcomes if o != 200]
    assert len(outcomes) >= REQUESTS
    assert failures == [], f"{len(failures)} failed: {sorted(set(map(str, failures)))}"
    batches, calls = after[0] - before[0], after[1] - before[1]
    # Under 64 concurrent clients requests must be merged: the gateway sends concurrent
    # requests' texts together (medbento/serving/coalesce.py), then BentoML's dispatcher batches
    # calls.
    sent = len(outcomes)
    assert 0 < batches < sent / 2, f"{batches} batches for {sent} requests"
    assert calls < sent / 2, f"{calls} calls to the model for {sent} requests"
