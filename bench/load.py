"""A closed-loop HTTP load generator: C clients, each sending its next request when its last
one answered. aiohttp rather than httpx: on two cores the load generator shares the CPU with
the server it measures, and aiohttp costs about half as much per request."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import aiohttp
import orjson


@dataclass
class Result:
    requests: int
    seconds: float
    latencies: list[float]
    errors: int
    tokens: int = 0  # completion tokens answered (chat completions)
    first_token: list[float] = field(default_factory=list)  # streaming: time to first content

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
    """Clinical-looking texts, each different, so no response cache can answer one. A few of
    them hold a name and a date, so the guard has something to replace."""
    texts = []
    for i in range(n):
        text = f"{tag} note {i}: patient reports chest pain radiating to the left arm for {i % 9 + 1} days"
        if i % 4 == 0:
            text += f"; seen by Dr. Alvarez on 03/{i % 28 + 1:02d}/2024"
        texts.append(text)
    return texts


# Chat completions: concurrent chats, prompts, completion tokens each (`make bench`, bench/gpu.py).
GENERATION_CLIENTS, GENERATION_PROMPTS, GENERATION_TOKENS = 8, 64, 32


def generation_prompt(tag: str, i: int) -> str:
    return f"{tag} {i}: summarise the plan for a patient with chest pain for {i % 9 + 1} days"


async def _one(http, path, body, stream, result: Result) -> None:
    started = time.perf_counter()
    status = 0
    try:
        async with http.post(path, data=orjson.dumps(body)) as response:
            status = response.status
            if stream:
                async for line in response.content:
                    # The first frame names the role with empty content: the first token is
                    # the first frame with text in it.
                    if (
                        line.startswith(b"data: {")
                        and b'"content":"' in line
                        and b'"content":""' not in line
                    ):
                        result.first_token.append(time.perf_counter() - started)
                        break
                await response.read()
            else:
                payload = orjson.loads(await response.read())
                if status == 200 and "usage" in payload:
                    result.tokens += payload["usage"].get("completion_tokens", 0)
    except (aiohttp.ClientError, TimeoutError, orjson.JSONDecodeError):
        status = 0
    result.errors += status != 200
    result.latencies.append(time.perf_counter() - started)


async def _run(
    url: str, path: str, bodies: list[dict], clients: int, token: str | None, stream: bool
) -> Result:
    result = Result(len(bodies), 0.0, [], 0)
    pending: Iterable[dict] = iter(bodies)
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(
        url, connector=connector, headers=headers, timeout=timeout
    ) as http:

        async def client() -> None:
            for body in pending:
                await _one(http, path, body, stream, result)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        result.seconds = time.perf_counter() - started
    return result


def run(
    url: str,
    path: str,
    bodies: list[dict],
    clients: int,
    token: str | None = None,
    stream: bool = False,
) -> Result:
    return asyncio.run(_run(url, path, bodies, clients, token, stream))
