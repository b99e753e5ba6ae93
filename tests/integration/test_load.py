"""Adaptive batching that holds load: the test that keeps the bentoml pin honest.

bentoml 1.4.31-1.4.40 lost requests between services under this load (bentoml/BentoML#5540);
the pinned version must serve it with no error. Speed is measured in bench/, not here.
"""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest

from tests.conftest import KEY

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


async def load(url: str) -> list[int | str]:
    outcomes: list[int | str] = []
    queue = iter(range(REQUESTS))
    async with httpx.AsyncClient(
        base_url=url,
        timeout=120,
        limits=httpx.Limits(max_connections=CLIENTS),
        headers={"Authorization": f"Bearer {KEY['researcher']}"},
    ) as client:

        async def one_client() -> None:
            for i in queue:
                try:
                    response = await client.post(
                        "/v1/embeddings",
                        json={
                            "input": f"note {i}: chest pain radiating to the left arm",
                            "model": "embedding",
                        },
                    )
                    outcomes.append(response.status_code)
                except httpx.HTTPError as error:
                    outcomes.append(type(error).__name__)

        await asyncio.gather(*(one_client() for _ in range(CLIENTS)))
    return outcomes


def test_64_concurrent_clients_get_every_answer_and_batches_form(gateway_url):
    admin = {"Authorization": f"Bearer {KEY['admin']}"}
    before = batch_histogram(httpx.get(f"{gateway_url}/metrics", headers=admin).text)
    outcomes = asyncio.run(load(gateway_url))
    after = batch_histogram(httpx.get(f"{gateway_url}/metrics", headers=admin).text)

    failures = [o for o in outcomes if o != 200]
    assert len(outcomes) == REQUESTS
    assert failures == [], f"{len(failures)} failed: {sorted(set(map(str, failures)))}"
    batches, calls = after[0] - before[0], after[1] - before[1]
    # Under 64 concurrent clients requests must be merged: the gateway sends concurrent
    # requests' texts together (services/coalesce.py), then BentoML's dispatcher batches calls.
    assert 0 < batches < REQUESTS / 2, f"{batches} batches for {REQUESTS} requests"
    assert calls < REQUESTS / 2, f"{calls} calls to the model for {REQUESTS} requests"
