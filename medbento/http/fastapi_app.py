"""The FastAPI app an entry service mounts beside its BentoML APIs (GETs and routes with path
parameters): bodies parsed as strictly as BentoML's own APIs parse them, operation ids that
name the handlers, and every error in the one envelope (medbento/http/errors.py)."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute

from medbento.http.errors import APIError, validation_message


class _StrictJSONRequest(Request):
    # Starlette caches the parsed body in Request._json (a private name, pinned by
    # tests/unit/test_fastapi_app.py): kept here so a handler and FastAPI read it once.
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = orjson.loads(await self.body())
        return self._json


class _StrictJSONRoute(APIRoute):
    """FastAPI reads bodies with the json module, which takes what JSON forbids and BentoML's
    APIs refuse: lone surrogates ("\\ud800", a str no UTF-8 encoder takes, so a 500 once the
    text is hashed or sent on), NaN, UTF-16. orjson refuses them with a JSONDecodeError, which
    FastAPI answers as broken JSON (400), so every route parses JSON the same strict way."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(_StrictJSONRequest(request.scope, request.receive))

        return strict


async def _api_error(_: Request, error: APIError) -> Response:
    return Response(error.body(), status_code=error.status, media_type="application/json")


async def _invalid(request: Request, error: RequestValidationError) -> Response:
    return await _api_error(request, APIError(400, validation_message(list(error.errors()))))


def public_app(title: str) -> FastAPI:
    """Operation ids are the handlers' names (`list_models`, `add_message`): what a generated
    client calls its methods, instead of FastAPI's path-and-method compounds. The documents
    FastAPI would serve are off: /docs.json is medbento's (medbento/http/openapi.py)."""
    app = FastAPI(
        title=title,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=lambda route: route.name,
    )
    app.router.route_class = _StrictJSONRoute
    app.add_exception_handler(APIError, _api_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    return app
