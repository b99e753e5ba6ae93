"""A closed-loop HTTP load generator: C clients, each sending its next request when the last
one answered, unique texts so no cache can help."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass

import httpx


@dataclass
class Result:
    requests: int
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)


def unique_texts(n: int, tag: str) -> list[str]:
    return [
        f"{tag} note {i}: patient reports chest pain radiating to the left arm for {i % 9 + 1} days"
        for i in range(n)
    ]


async def _run(url: str, texts: list[str], clients: int) -> Result:
    latencies: list[float] = []
    errors = 0
    pending = iter(texts)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:

        async def client() -> None:
            nonlocal errors
            for text in pending:
                started = time.perf_counter()
                try:
                    response = await http.post("/v1/embeddings", json={"input": text})
                    errors += response.status_code != 200
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        seconds = time.perf_counter() - started
    return Result(len(texts), seconds, latencies, errors)


def run(url: str, texts: list[str], clients: int) -> Result:
    return asyncio.run(_run(url, texts, clients))
