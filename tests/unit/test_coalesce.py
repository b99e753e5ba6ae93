"""The Coalescer sends concurrent callers' items as one call, and each caller gets its own
results back in order, or the call's failure."""

import asyncio

import pytest

from medbento.serving.coalesce import IN_FLIGHT, Coalescer

pytestmark = pytest.mark.unit


class Service:
    """Stands for a batched API: records each call's items, answers after a delay."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.fail = fail
        self.release = asyncio.Event()

    async def __call__(self, items: list[str]) -> list[str]:
        self.calls.append(list(items))
        await self.release.wait()
        if self.fail:
            raise ConnectionResetError("reset by peer")
        return [item.upper() for item in items]


async def started(service, max_items, item_lists, in_flight=IN_FLIGHT):
    """A coalescer over `service`, and its callers started together, once the first calls
    have gone out."""
    coalescer = Coalescer(service, max_items, in_flight)
    tasks = [asyncio.create_task(coalescer(items)) for items in item_lists]
    await asyncio.sleep(0.01)
    return coalescer, tasks


def pairs(n: int) -> list[list[str]]:
    return [[f"t{i}", f"u{i}"] for i in range(n)]


def upper(item_lists: list[list[str]]) -> list[list[str]]:
    return [[item.upper() for item in items] for items in item_lists]


def test_a_lone_caller_is_sent_at_once_and_gets_its_results():
    async def scenario():
        service = Service()
        service.release.set()
        assert await Coalescer(service, 32)(["a", "b"]) == ["A", "B"]
        assert service.calls == [["a", "b"]]

    asyncio.run(scenario())


def test_callers_arriving_while_calls_are_in_flight_leave_together():
    async def scenario():
        service = Service()
        _, callers = await started(service, 32, pairs(10))
        # The first IN_FLIGHT callers went at once; the rest wait for a free slot.
        assert service.calls == pairs(IN_FLIGHT)
        service.release.set()
        assert await asyncio.gather(*callers) == upper(pairs(10))
        assert len(service.calls) == IN_FLIGHT + 1  # the eight waiting callers: one call
        assert service.calls[-1] == [x for pair in pairs(10)[IN_FLIGHT:] for x in pair]

    asyncio.run(scenario())


def test_a_call_carries_at_most_max_items():
    async def scenario():
        service = Service()
        _, callers = await started(service, 5, pairs(12))
        service.release.set()
        assert await asyncio.gather(*callers) == upper(pairs(12))
        assert max(len(call) for call in service.calls) <= 5
        sent = sorted(x for call in service.calls for x in call)
        assert sent == sorted(x for pair in pairs(12) for x in pair)

    asyncio.run(scenario())


def test_a_failed_call_fails_every_caller_it_carried():
    async def scenario():
        service = Service(fail=True)
        coalescer, callers = await started(service, 32, [[str(i)] for i in range(5)])
        service.release.set()
        outcomes = await asyncio.gather(*callers, return_exceptions=True)
        assert all(isinstance(o, ConnectionResetError) for o in outcomes)
        # And the coalescer still works afterwards.
        service.fail = False
        assert await coalescer(["x"]) == ["X"]

    asyncio.run(scenario())


def test_a_caller_that_goes_away_does_not_disturb_the_others():
    async def scenario():
        service = Service()
        _, callers = await started(service, 32, [[str(i)] for i in range(6)])
        callers[3].cancel()
        service.release.set()
        outcomes = await asyncio.gather(*callers, return_exceptions=True)
        assert isinstance(outcomes[3], asyncio.CancelledError)
        assert [o for i, o in enumerate(outcomes) if i != 3] == [["0"], ["1"], ["2"], ["4"], ["5"]]

    asyncio.run(scenario())


def test_with_batching_off_every_caller_makes_its_own_call():
    async def scenario():
        service = Service()
        service.release.set()
        coalescer = Coalescer(service, 1)
        await asyncio.gather(*(coalescer([str(i)]) for i in range(4)))
        assert sorted(service.calls) == [["0"], ["1"], ["2"], ["3"]]

    asyncio.run(scenario())


def test_with_one_call_in_flight_every_later_caller_leaves_with_the_next_call():
    async def scenario():
        service = Service()
        _, callers = await started(service, 32, pairs(6), in_flight=1)
        assert service.calls == pairs(1)  # the first went at once, alone
        service.release.set()
        assert await asyncio.gather(*callers) == upper(pairs(6))
        assert service.calls == [pairs(1)[0], [x for pair in pairs(6)[1:] for x in pair]]

    asyncio.run(scenario())
