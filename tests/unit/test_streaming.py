import asyncio

import pytest

from services.generation import _first_stop, ndjson_events

pytestmark = pytest.mark.unit


async def chunks(parts):
    for part in parts:
        yield part


@pytest.mark.parametrize(
    "parts",
    [
        ['{"text": "a"}\n{"text": "b"}\n{"finish_reason": "stop"}\n'],  # merged
        ['{"te', 'xt": "a"}\n{"text"', ': "b"}\n', '{"finish_reason": "stop"}\n'],  # split
    ],
)
def test_ndjson_events_survive_chunk_boundaries(parts):
    async def collect():
        return [event async for event in ndjson_events(chunks(parts))]

    assert asyncio.run(collect()) == [{"text": "a"}, {"text": "b"}, {"finish_reason": "stop"}]


def test_first_stop_finds_the_earliest_stop_string():
    assert _first_stop("abc END def STOP", ["STOP", "END"]) == 4
    assert _first_stop("nothing", ["END"]) is None
    assert _first_stop("x", [""]) is None
