"""The one thread that runs a model process's torch work: loading, warming and every call.

torch's CPU operators run on OpenMP, and OpenMP (libgomp) gives each thread that starts
parallel work a team of worker threads of its own. Once the teams of a process hold more
threads than the machine has CPUs, libgomp stops letting idle workers spin between operators
and puts them to sleep at once; each of the model's hundreds of operators per call then waits
for its workers to wake. Models called from whichever thread BentoML's pool or asyncio's
default executor handed out (and loaded on the main thread) made several teams: one text took
twice as long served as in-process (README, "Measured"). On one thread there is one team.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

R = TypeVar("R")
_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")


def run(work: Callable[..., R], *args) -> R:
    """Run `work` on the model thread and wait for it (a service's __init__)."""
    return _THREAD.submit(work, *args).result()


async def call(work: Callable[..., R], *args) -> R:
    """Run `work` on the model thread without blocking the event loop; the caller's context
    (request id, audit trail) goes with it, as with asyncio.to_thread. Calls queue: one runs
    at a time, which is also what two cores want (two at once split them and both slow)."""
    context = contextvars.copy_context()
    return await asyncio.get_running_loop().run_in_executor(_THREAD, context.run, work, *args)
