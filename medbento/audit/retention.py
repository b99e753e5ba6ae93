"""Retention that runs by itself: each service that keeps records purges them on a schedule
(MEDBENTO_RETENTION_INTERVAL_S), from every worker and replica at once if need be: the audit
purge locks the chain head, and deleting expired conversations twice deletes nothing twice."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

log = logging.getLogger("medbento.retention")


async def every(interval_s: float, what: str, job: Callable[[], int]) -> None:
    """Run `job` (returns how many records it removed) now, then every interval_s, in a
    thread; a failure is logged and the next round tries again."""
    while True:
        try:
            removed = await asyncio.to_thread(job)
            if removed:
                log.info("retention: %d %s removed", removed, what)
        except Exception as error:  # the store is away: the next round tries again
            log.warning("retention of %s failed (%s); retrying", what, type(error).__name__)
        await asyncio.sleep(interval_s)
