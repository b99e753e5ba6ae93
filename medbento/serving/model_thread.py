"""The one thread that loads a model process's model and runs every call to it.

torch's CPU operators run on OpenMP, and OpenMP (libgomp) gives each thread that starts
parallel work a team of worker threads of its own. Once the teams of a process hold more
threads than the machine has CPUs, libgomp cuts its workers' spinning between operators to
almost nothing, whatever GOMP_SPINCOUNT says. Models called from whichever thread BentoML's pool
or asyncio's default executor handed out made several teams, so no wait policy but sleeping
could act served (README, "Measured"). On one thread there is one team.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

R = TypeVar("R")
_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")


def run(work: Callable[..., R], *args, **kwargs) -> R:
    """Run `work` on the model thread and wait for it (a service's __init__)."""
    return _THREAD.submit(work, *args, **kwargs).result()


async def call(work: Callable[..., R], *args) -> R:
    """Run `work` on the model thread without blocking the event loop; the caller's context
    (request id, audit trail) goes with it, as with asyncio.to_thread. Calls queue: one runs
    at a time, which is also what two cores want (two at once split them and both slow)."""
    context = contextvars.copy_context()
    return await asyncio.get_running_loop().run_in_executor(_THREAD, context.run, work, *args)
