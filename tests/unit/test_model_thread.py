"""A model process's torch work all runs on one thread (one OpenMP team), one call at a time,
with the caller's context, and a failure reaches the caller."""

import asyncio
import contextvars
import threading

import pytest

from medbento.serving import model_thread

pytestmark = pytest.mark.unit

REQUEST = contextvars.ContextVar("request", default=None)


def test_loading_and_every_call_share_one_thread_one_call_at_a_time():
    import torch

    loaded_on = model_thread.run(threading.get_ident)
    running, most, seen = 0, 0, []

    def work(i: int) -> tuple[int, str | None]:
        nonlocal running, most
        running += 1
        most = max(most, running)
        torch.randn(64, 64) @ torch.randn(64, 64)  # parallel work: this thread's team
        seen.append(threading.get_ident())
        running -= 1
        return i, REQUEST.get()

    async def caller(i: int):
        REQUEST.set(f"request-{i}")
        return await model_thread.call(work, i)

    async def main():
        return await asyncio.gather(*(caller(i) for i in range(8)))

    answers = asyncio.run(main())
    assert answers == [(i, f"request-{i}") for i in range(8)]
    assert set(seen) == {loaded_on} and loaded_on != threading.get_ident()
    assert most == 1


def test_a_failure_reaches_the_caller():
    def broken():
        raise ValueError("model failed")

    with pytest.raises(ValueError, match="model failed"):
        asyncio.run(model_thread.call(broken))
    with pytest.raises(ValueError, match="model failed"):
        model_thread.run(broken)
    assert model_thread.run(lambda: "still serving") == "still serving"
