import orjson
import pytest

from medbento.http.errors import (
    REQUEST_ID,
    APIError,
    envelope,
    is_envelope,
    new_request_id,
    rewrite_foreign_error,
)

pytestmark = pytest.mark.unit


def test_envelope_has_code_message_and_request_id():
    token = REQUEST_ID.set("abc12345")
    try:
        body = orjson.loads(envelope(404, "No such model.", "model_not_found"))
    finally:
        REQUEST_ID.reset(token)
    assert body == {
        "error": {"code": "model_not_found", "message": "No such model.", "request_id": "abc12345"}
    }


def test_bentoml_validation_errors_keep_field_and_reason_only():
    bentoml_body = orjson.dumps(
        {
            "error": "1 validation error for Input",
            "detail": [
                {
                    "loc": ["texts", 0],
                    "msg": "Input should be a valid string",
                    "type": "string_type",
                }
            ],
        }
    )
    error = orjson.loads(rewrite_foreign_error(400, bentoml_body))["error"]
    assert error["code"] == "bad_request"
    assert error["message"] == "texts.0: Input should be a valid string"


def test_foreign_messages_are_replaced_by_fixed_text():
    # A framework message may quote the request; only our fixed text goes out.
    body = rewrite_foreign_error(400, b'{"error": "bad value John Smith 123-45-6789"}')
    assert b"John" not in body and b"6789" not in body
    assert is_envelope(body)
    assert is_envelope(rewrite_foreign_error(404, b"Not Found"))


def test_api_error_maps_status_to_http_status():
    error = APIError(429)
    assert int(error.error_code) == 429 and error.code == "rate_limited"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("trace-0001-abc", True),
        ("short", False),
        ("has space in it", False),
        ("x" * 65, False),
        (None, False),
    ],
)
def test_client_request_ids_are_kept_only_when_well_formed(given, kept):
    assert (new_request_id(given) == given) is kept


@pytest.mark.parametrize("kind", ["sql", "redis"])
def test_a_store_that_cannot_be_reached_is_a_503_naming_the_store_not_the_data(tmp_path, kind):
    """The stores raise their one domain error, whatever the driver; http/errors.py makes it
    the client's 503 (the driver's message, which can hold what was written, goes nowhere)."""
    import asyncio
    from datetime import timedelta

    from medbento.http.errors import stores_answer_503
    from medbento.stores.conversations import RedisSessions, SQLSessions, Turn
    from medbento.stores.database import StoreUnavailable, sql_engine

    if kind == "sql":
        sessions = SQLSessions(f"sqlite:///{tmp_path / 'sessions.db'}")
        sessions.engine = sql_engine("postgresql://postgres@127.0.0.1:9/none")  # nothing listens
    else:
        sessions = RedisSessions("redis://127.0.0.1:9/0", timedelta(days=1))
    turn = [Turn(role="user", content="Jane Roe, MRN 4417")]

    async def attempts():
        with pytest.raises(StoreUnavailable) as failed:
            await sessions.create("owner", turn)
        assert failed.value.store == "conversation store" and failed.value.__cause__ is not None
        with pytest.raises(StoreUnavailable):
            await sessions.get("0" * 32)
        with pytest.raises(APIError) as answered, stores_answer_503():
            await sessions.append("0" * 32, turn)
        return answered.value

    error = asyncio.run(attempts())
    assert (error.status, error.code) == (503, "store_unavailable")
    assert "Jane" not in error.message and "4417" not in error.message
