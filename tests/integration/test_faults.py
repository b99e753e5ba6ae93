"""Faults under load, on loopback and bounded in time: a model service process killed, Redis
stopped and restarted, and a soak of 32 concurrent clients watched for errors and for memory
growth.

Every request is sent with a client timeout: a request that hangs fails the test as surely as
one that gets a wrong answer.
"""

from __future__ import annotations

import os
import signal
import time
from collections import Counter

import psutil
import pytest
import redis

from tests.conftest import KEY, serve
from tests.load import Load
from tests.servers import jemalloc

pytestmark = [pytest.mark.integration, pytest.mark.slow]

SOAK_SECONDS = float(os.environ.get("SOAK_SECONDS", "180"))  # not MEDBENTO_*: conftest clears those
# Resident memory of all the Bento's processes together at 32 clients on two cores (README,
# "Tests"). With jemalloc, which the tests' launcher preloads in the workers: +72 MiB over the first
# 10,000 requests (most of it the Gateway, +61, with every allocator), then +4 over the next
# 20,000. With glibc's malloc: +192, then +58 and still climbing in the Embedding worker.
SETTLE_REQUESTS = 10_000
SETTLE_GROWTH_BOUND = 256 * 2**20
SOAK_GROWTH_BOUND = 48 * 2**20


def bento_processes(server) -> list[psutil.Process]:
    """The worker processes of one served Bento (its supervisor runs in this test process)."""
    return [
        psutil.Process(process.pid)
        for watcher in server.arbiter.iter_watchers()
        for process in watcher.processes.values()
    ]


def assert_allocator(processes: list[psutil.Process]) -> None:
    """The workers run with the allocator they are given: jemalloc loaded where this host has
    it (tests/servers.py, as `make serve`), and two arenas for glibc
    (medbento/serving/process_setup.py)."""
    for process in processes:
        assert process.environ().get("MALLOC_ARENA_MAX") == "2"
        if jemalloc() or os.environ.get("CI") == "true":
            maps = {m.path for m in process.memory_maps()}
            assert any("libjemalloc" in path for path in maps), process.cmdline()


def assert_fast_http(processes: list[psutil.Process]) -> None:
    """Every worker serves HTTP on uvloop with httptools' parser (requirements.txt), which
    uvicorn takes only when they are installed: a missing one falls back silently."""
    for process in processes:
        maps = " ".join(m.path for m in process.memory_maps())
        for package in ("/uvloop/", "/httptools/"):
            assert package in maps, (package, process.cmdline())


def resident_memory(server) -> dict[str, int]:
    """Resident bytes of each service process of the Bento, by service name."""
    memory = {}
    for process in bento_processes(server):
        try:
            cmdline = process.cmdline()
        except psutil.Error:  # a worker that died and is not reaped yet
            continue
        name = cmdline[cmdline.index("--service-name") + 1] if "--service-name" in cmdline else "?"
        memory[name] = memory.get(name, 0) + process.memory_info().rss
    return memory


def service_process(server, name: str, timeout_s: float = 60) -> psutil.Process:
    """The live worker of service `name`: after a kill, the one its supervisor started (the
    killed one is skipped until it is reaped, and the new one may take a moment to be listed)."""
    deadline = time.monotonic() + timeout_s
    while True:
        for process in bento_processes(server):
            try:
                cmdline = process.cmdline()
            except psutil.Error:  # the killed worker, until its supervisor reaps it
                continue
            if "--service-name" in cmdline and cmdline[cmdline.index("--service-name") + 1] == name:
                return process
        if time.monotonic() > deadline:
            raise LookupError(name)
        time.sleep(0.5)


def test_a_killed_model_process_is_a_503_not_a_hang_and_recovers():
    """A killed worker's in-flight requests either get 503 `model_unavailable` or, retried once
    (the call is pure), wait in the socket's backlog for the worker BentoML's supervisor starts,
    which holds the listening socket meanwhile. Either way: no hang, no other error."""
    server = serve("services.gateway:Gateway")
    try:
        with Load(server.url, 4, KEY["clinician"]) as load:
            assert load.wait_for(lambda o: len(o) >= 20, 60)
            victim = service_process(server, "Embedding")
            killed_at = time.monotonic()
            os.kill(victim.pid, signal.SIGKILL)
            recovered = load.wait_for(
                lambda _: any(o.status == 200 for o in load.since(killed_at + 1)), 120
            )
            successor = service_process(server, "Embedding")
            during = load.since(killed_at)
    finally:
        server.stop()
    statuses = Counter(o.status for o in during)
    assert successor.pid != victim.pid  # the kill happened, and a new worker took over
    assert recovered, f"no 200 after the worker was killed: {statuses}"
    assert set(statuses) <= {200, 503}, statuses  # nothing hung, nothing else failed
    assert {o.code for o in during if o.status == 503} <= {"model_unavailable"}


def test_redis_stopped_and_restarted_under_load_costs_no_request(private_redis):
    port, state, start = private_redis
    server = serve(
        "services.embedding:Embedding", {"MEDBENTO_REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    )
    try:
        with Load(server.url, 8, KEY["clinician"]) as load:
            assert load.wait_for(lambda o: len(o) >= 20, 60)
            state["process"].kill()
            state["process"].wait()
            stopped_at = time.monotonic()
            assert load.wait_for(lambda _: len(load.since(stopped_at)) >= 40, 60)
            state["process"] = start()
            restarted_at = time.monotonic()
            # Redis is tried again every 5 s: new cache entries show it is used again.
            assert load.wait_for(lambda _: bool(redis.Redis(port=port).dbsize()), 30)
            assert load.wait_for(lambda _: len(load.since(restarted_at)) >= 40, 60)
        outcomes = load.snapshot()
    finally:
        server.stop()
    statuses = Counter(o.status for o in outcomes)
    assert set(statuses) == {200}, statuses


def test_soak_32_clients_without_errors_or_memory_growth():
    server = serve("services.gateway:Gateway")
    try:
        with Load(server.url, 32, KEY["clinician"]) as load:
            assert load.wait_for(lambda o: len(o) >= 500, 120)
            warm = resident_memory(server)
            processes = bento_processes(server)
            assert_allocator(processes)
            assert_fast_http(processes)
            # Settle: every process meets batches of every size and its allocator fills up.
            load.wait_for(lambda o: len(o) >= 500 + SETTLE_REQUESTS, 400)
            before = resident_memory(server)
            started = time.monotonic()
            time.sleep(SOAK_SECONDS)
            after = resident_memory(server)
            served = len(load.since(started))
        outcomes = load.snapshot()
    finally:
        server.stop()
    statuses = Counter(o.status for o in outcomes)
    settling = sum(before.values()) - sum(warm.values())
    growth = sum(after.values()) - sum(before.values())
    by_service = {name: f"{(after[name] - before[name]) / 2**20:+.0f}" for name in after}
    print(
        f"soak: {len(outcomes)} requests at 32 clients, statuses {dict(statuses)}; resident"
        f" memory {sum(warm.values()) / 2**20:.0f} MiB warm, {settling / 2**20:+.0f} MiB while"
        f" settling, then {served} requests in {SOAK_SECONDS:.0f} s: growth (MiB) {by_service}"
    )
    assert set(statuses) == {200}, statuses
    assert served >= SOAK_SECONDS  # it kept serving: at least one request a second
    assert settling < SETTLE_GROWTH_BOUND, f"settling grew {settling / 2**20:.0f} MiB"
    assert growth < SOAK_GROWTH_BOUND, f"resident memory grew {growth / 2**20:.0f} MiB"
