"""Recent per-model outcomes seen by this entry process, for /models/{id}/health."""

from __future__ import annotations

import functools
import statistics
import time
from collections import deque

WINDOW_S = 300.0


class RecentCalls:
    def __init__(self) -> None:
        self.calls: dict[str, deque[tuple[float, bool, float]]] = {}

    def record(self, model_id: str, ok: bool, latency_ms: float) -> None:
        self.calls.setdefault(model_id, deque(maxlen=10_000)).append(
            (time.monotonic(), ok, latency_ms)
        )

    def summary(self, model_id: str) -> dict:
        horizon = time.monotonic() - WINDOW_S
        recent = [c for c in self.calls.get(model_id, ()) if c[0] >= horizon]
        latencies = sorted(c[2] for c in recent)
        errors = sum(1 for c in recent if not c[1])
        return {
            "window_s": int(WINDOW_S),
            "requests": len(recent),
            "errors": errors,
            "error_rate": round(errors / len(recent), 4) if recent else 0.0,
            "latency_ms": {
                "p50": round(statistics.median(latencies), 1) if latencies else None,
                "p95": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
            },
        }


@functools.cache
def recent_calls() -> RecentCalls:
    return RecentCalls()
