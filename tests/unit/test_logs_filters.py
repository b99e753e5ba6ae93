"""The log filters on their own: the PHI scrubber on a real pydantic echo, and which tracebacks
are dropped as a client's mistake."""

import logging
import sys

import pytest
from bentoml.exceptions import BadInput, InternalServerError
from pydantic import BaseModel, ValidationError

from medbento.http.errors import APIError
from medbento.observability.logs import ClientErrorTracebacks, PHIScrubber, scrub

pytestmark = pytest.mark.unit


class Note(BaseModel):
    mrn: int


def record_of(
    error: BaseException, message: str = "Exception on /v1/embeddings"
) -> logging.LogRecord:
    try:
        raise error
    except BaseException:
        exc_info = sys.exc_info()
    return logging.LogRecord("bentoml", logging.ERROR, __file__, 1, message, None, exc_info)


def test_the_scrubber_removes_pydantic_echoes_and_safe_harbor_matches():
    value = "Harriet Quimby 617-555-0199"  # a traceback shows source lines: keep it off them
    with pytest.raises(ValidationError) as caught:
        Note(mrn=value)
    record = record_of(caught.value, "call from 617-555-0199 failed")
    assert PHIScrubber().filter(record)
    text = record.getMessage() + record.exc_text
    assert "Harriet" not in text and "555-0199" not in text
    assert "input_value=<removed>" in text  # the echo was there, and is gone


@pytest.mark.parametrize(
    "address", ["http://localhost:3000", "http://0.0.0.0:8080", "https://127.0.0.1:443"]
)
def test_the_servers_own_address_is_shown_and_phi_beside_it_is_not(address):
    line = f"listening on {address} (Press CTRL+C to quit); caller 617-555-0199"
    assert scrub(line) == f"listening on {address} (Press CTRL+C to quit); caller <PHONE_NUMBER>"
    # A path, a query or another host may carry PHI: scrubbed as before.
    for leaky in (f"{address}/patients/40718822", "http://portal.example.org:8443"):
        assert leaky not in scrub(f"fetched {leaky}")


def test_client_error_tracebacks_are_dropped_and_faults_kept():
    with pytest.raises(ValidationError) as caught:
        Note(mrn="x")
    drop = ClientErrorTracebacks()
    assert not drop.filter(record_of(caught.value))
    assert not drop.filter(record_of(APIError(400)))
    assert drop.filter(record_of(APIError(503)))
    assert not drop.filter(record_of(APIError(503, reported=True)))  # its one line is logged
    assert drop.filter(record_of(RuntimeError("model crashed")))
    assert not drop.filter(record_of(BadInput("not JSON")))  # BentoML's own 400
    assert drop.filter(record_of(InternalServerError("worker died")))
