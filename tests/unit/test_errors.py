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
