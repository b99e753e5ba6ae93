"""The Gateway's model routes (/v1/models, /models, a model's info and health, /health):
what each model service says of its model, asked over the services' clients."""

from __future__ import annotations

import asyncio
import time

from fastapi.responses import JSONResponse

from medbento.http import remote
from medbento.http.errors import APIError
from medbento.http.schemas import ModelInfo
from medbento.observability.recent_calls import recent_calls
from medbento.settings import MODEL_IDS

HEALTH_PROBE_TIMEOUT_S = 5


def known(model_id: str) -> str:
    if model_id not in MODEL_IDS:
        raise APIError(404, "No such model.", "model_not_found")
    return model_id


class ModelRoutes:
    def __init__(self, services: dict) -> None:
        """`services`: each model id's client (a BentoML dependency)."""
        self.services = services
        self.infos: dict[str, ModelInfo] = {}

    async def info(self, model_id: str, fresh: bool = False) -> ModelInfo:
        # A model's info does not change while its service runs; ask each service once
        # (a health probe asks every time).
        if fresh or model_id not in self.infos:
            info = await remote.call(self.services[known(model_id)].to_async.info())
            self.infos[model_id] = ModelInfo.model_validate(info)
        return self.infos[model_id]

    async def every_info(self) -> list[ModelInfo]:
        return list(await asyncio.gather(*(self.info(m) for m in MODEL_IDS)))

    async def openai_list(self) -> dict:
        return {
            "object": "list",
            "data": [
                {"id": i.id, "object": "model", "created": i.created, "owned_by": "medbento"}
                for i in await self.every_info()
            ],
        }

    async def health(self, model_id: str) -> dict:
        """The model's service asked for its info now, and this replica's recent calls to it."""
        known(model_id)
        started = time.perf_counter()
        try:
            await asyncio.wait_for(self.info(model_id, fresh=True), HEALTH_PROBE_TIMEOUT_S)
            status = "ok"
        except (APIError, TimeoutError):
            status = "unavailable"
        latency_ms = round((time.perf_counter() - started) * 1000, 1)
        recent = recent_calls().summary(model_id)
        return {"id": model_id, "status": status, "probe_latency_ms": latency_ms, "recent": recent}

    async def overall_health(self) -> JSONResponse:
        """503 when any model is unavailable, so that a load balancer's check sees it."""
        states = await asyncio.gather(*(self.health(m) for m in MODEL_IDS))
        healthy = all(s["status"] == "ok" for s in states)
        body = {"status": "ok" if healthy else "degraded", "models": states}
        return JSONResponse(body, status_code=200 if healthy else 503)
