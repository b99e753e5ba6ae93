"""AuditLog: the BentoML service that appends every request's event to the hash-chained
trail (medbento.audit.store), keeps retention, and answers the auditor's reads."""

from __future__ import annotations

import asyncio
import logging
import time

import bentoml

from medbento import freeze_after_startup
from medbento.audit import retention
from medbento.audit.chain import OtherKeyError
from medbento.audit.records import EventIn, EventQuery, Verdict
from medbento.audit.store import AUDIT_BATCH, OTHER_KEY, PROBE_EVERY_S, AuditStore
from medbento.http.errors import unavailable
from medbento.http.middleware import RequestContext
from medbento.observability.metrics import audit_store_writable
from medbento.serving.entry_service import service_config
from medbento.settings import get_settings
from medbento.stores.database import StoreUnavailable

settings = get_settings()
log = logging.getLogger("medbento.audit")


@bentoml.service(name="AuditLog", **service_config(entry=False))
class AuditLog:
    def __init__(self) -> None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = AuditStore(settings.database_for("audit"))
        freeze_after_startup()

    @bentoml.on_startup
    async def keep_retention(self) -> None:
        """Events older than MEDBENTO_AUDIT_RETENTION_DAYS go, checkpoint left, every
        MEDBENTO_RETENTION_INTERVAL_S: nobody has to remember `medbento audit purge`."""
        self._retention = asyncio.create_task(
            retention.every(
                settings.retention_interval_s,
                "audit events",
                lambda: self.store.purge(settings.audit_retention_days),
            )
        )

    @bentoml.on_shutdown
    def stop_retention(self) -> None:
        if task := getattr(self, "_retention", None):
            task.cancel()

    def __is_ready__(self) -> bool:
        """Ready while events can be written: when they cannot, every request that reaches
        this replica can only be refused (fail closed), so it should get none until writes
        succeed again. The gauge lets the alert rules see it too."""
        # Probes may run at once (BentoML asks from a thread each): the answer cached is
        # always one that a probe finished.
        probed = getattr(self, "_probed", None)
        if probed is not None and time.monotonic() - probed < PROBE_EVERY_S:
            return self._writable
        try:
            writable = self.store.writable()
        except Exception as error:
            if getattr(self, "_writable", True):
                log.error("audit store not writable (%s): not ready", type(error).__name__)
            writable = False
        if writable and not getattr(self, "_writable", True):
            log.warning("audit store writable again: ready")
        self._writable = writable
        self._probed = time.monotonic()
        audit_store_writable().set(int(writable))
        return writable

    def not_ready(self) -> None:
        """An append failed: not ready from now on, until a probe's own write succeeds (no
        waiting for the next probe to find out what a request just did)."""
        if getattr(self, "_writable", True):
            log.error("audit store not writable: not ready")
        self._writable = False
        self._probed = time.monotonic()
        audit_store_writable().set(0)

    @bentoml.api(**settings.batching(AUDIT_BATCH))
    def record(self, events: list[EventIn]) -> list[int]:
        """Internal: append events (one transaction per batch); returns their sequence numbers."""
        try:
            return self.store.append([EventIn.model_validate(e) for e in events])
        except OtherKeyError:
            log.error("%s: audit writes are refused", OTHER_KEY)
            raise
        except StoreUnavailable as error:
            # One line per failed write, not a traceback per request while the store is down.
            self.not_ready()
            raise unavailable(error) from None

    @bentoml.api
    def events(self, find: EventQuery) -> list[dict]:
        return self.store.events(find)

    @bentoml.api
    def verify(self) -> Verdict:
        return self.store.verify()


AuditLog.add_asgi_middleware(RequestContext)
