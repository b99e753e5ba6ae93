"""How calls to other services fail: every failure becomes the error envelope's 503/504/502
(or the callee's own envelope), on the first attempt as on the retry, and only a broken
connection is retried."""

from __future__ import annotations

import asyncio
from http import HTTPStatus

import aiohttp
import httpx
import orjson
import pytest
from bentoml.exceptions import BentoMLException

from medbento.http import remote
from medbento.http.errors import APIError

pytestmark = pytest.mark.unit


def attempts(*outcomes):
    """A call that fails or answers as `outcomes` say, one per attempt, counting attempts."""
    made = []

    async def make():
        made.append(1)
        outcome = outcomes[len(made) - 1]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    return make, made


def overloaded() -> BentoMLException:
    return BentoMLException("Service Unavailable", error_code=HTTPStatus.SERVICE_UNAVAILABLE)


def broken() -> aiohttp.ServerDisconnectedError:
    return aiohttp.ServerDisconnectedError()


@pytest.mark.parametrize(
    ("failure", "status", "code"),
    [
        (overloaded(), 503, "model_unavailable"),
        (TimeoutError(), 504, "model_timeout"),
        (httpx.ReadTimeout("slow"), 504, "model_timeout"),
        (httpx.ConnectError("refused"), 503, "model_unavailable"),
        (BentoMLException("boom", error_code=HTTPStatus.INTERNAL_SERVER_ERROR), 502, None),
    ],
)
def test_a_first_attempt_failure_is_translated_and_not_retried(failure, status, code):
    make, made = attempts(failure, "never")
    with pytest.raises(APIError) as raised:
        asyncio.run(remote.call_pure(make))
    assert raised.value.status == status
    if code:
        assert raised.value.code == code
    assert len(made) == 1


def test_a_broken_connection_is_retried_once():
    make, made = attempts(broken(), "answer")
    assert asyncio.run(remote.call_pure(make)) == "answer"
    assert len(made) == 2


def test_a_second_broken_connection_is_a_503():
    make, made = attempts(broken(), broken(), "never")
    with pytest.raises(APIError) as raised:
        asyncio.run(remote.call_pure(make))
    assert (raised.value.status, raised.value.code) == (503, "model_unavailable")
    assert len(made) == 2


def test_the_callees_own_envelope_passes_through():
    body = orjson.dumps({"error": {"code": "phi_rejected", "message": "The input has PHI."}})
    failure = BentoMLException(body.decode(), error_code=HTTPStatus.UNPROCESSABLE_ENTITY)
    make, _ = attempts(failure)
    with pytest.raises(APIError) as raised:
        asyncio.run(remote.call_pure(make))
    assert (raised.value.status, raised.value.code) == (422, "phi_rejected")


def test_an_api_error_raised_by_the_call_itself_is_kept():
    make, _ = attempts(APIError(429))
    with pytest.raises(APIError) as raised:
        asyncio.run(remote.call_pure(make))
    assert raised.value.status == 429


def test_other_errors_are_not_hidden():
    make, _ = attempts(KeyError("a bug"))
    with pytest.raises(KeyError):
        asyncio.run(remote.call_pure(make))
