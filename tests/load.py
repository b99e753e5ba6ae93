"""The tests' one load generator: `clients` threads posting to a route until stopped, every
outcome kept (status, error code, request id, whether output came back, or the exception of a
request that failed or hung). Every request has a client timeout: one that hangs is an outcome
too, never a test that waits forever."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx


@dataclass
class Outcome:
    started: float
    ended: float
    status: int | str  # the HTTP status, or the exception of a request that failed or hung
    code: str = ""  # the error envelope's code
    request_id: str = ""
    has_output: bool = False  # the body carries embeddings


# Ordinary words: a number spelled with them stays in the text after de-identification.
SPELLING = [
    "cough",
    "fever",
    "nausea",
    "rash",
    "fatigue",
    "wheeze",
    "edema",
    "pallor",
    "tremor",
    "itching",
    "chills",
    "sweating",
    "cramps",
    "bloating",
    "hoarseness",
    "stiffness",
]


def spelled(number: int) -> str:
    digits = []
    while True:
        number, digit = divmod(number, len(SPELLING))
        digits.append(SPELLING[digit])
        if not number:
            return " ".join(digits)


def note(client: int, visit: int) -> dict:
    """A text full of PHI-like values, unique even once they are replaced (the guard replaces
    every value here, a random hex id too), so no response cache answers it."""
    return {
        "input": (
            f"Patient Harriet Quimby (MRN {40_000_000 + client * 100_000 + visit}), "
            f"phone 617-555-{visit % 10_000:04d}, seen on 03/14/2024 for chest pain; "
            f"also reports {spelled(client * 1_000_000 + visit)}"
        )
    }


class Load:
    def __init__(
        self,
        url: str,
        clients: int,
        key: str,
        body: Callable[[int, int], dict] = note,
        path: str = "/v1/embeddings",
        timeout_s: float = 60.0,
    ) -> None:
        self.url, self.path, self.body, self.timeout_s = url, path, body, timeout_s
        self.headers = {"Authorization": f"Bearer {key}"}
        self.outcomes: list[Outcome] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(clients)
        ]

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.timeout_s + 10)

    def _run(self, client: int) -> None:
        with httpx.Client(base_url=self.url, headers=self.headers, timeout=self.timeout_s) as http:
            visit = 0
            while not self._stop.is_set():
                visit += 1
                started = time.monotonic()
                try:
                    response = http.post(self.path, json=self.body(client, visit))
                    body = response.json()
                    outcome = Outcome(
                        started,
                        time.monotonic(),
                        response.status_code,
                        (body.get("error") or {}).get("code", ""),
                        response.headers.get("x-request-id", ""),
                        "data" in body,
                    )
                except (httpx.HTTPError, ValueError) as error:
                    outcome = Outcome(started, time.monotonic(), type(error).__name__)
                with self._lock:
                    self.outcomes.append(outcome)

    def snapshot(self) -> list[Outcome]:
        with self._lock:
            return list(self.outcomes)

    def since(self, moment: float) -> list[Outcome]:
        """The outcomes of requests that ended at or after `moment`."""
        return [o for o in self.snapshot() if o.ended >= moment]

    def wait_for(self, condition: Callable[[list[Outcome]], bool], seconds: float) -> bool:
        """Whether `condition` of the outcomes so far held within `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition(self.snapshot()):
                return True
            time.sleep(0.2)
        return condition(self.snapshot())
