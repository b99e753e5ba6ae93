"""What a process that serves medbento's services sets up before BentoML, torch or
prometheus_client load: `prepare()`, called first by the services package (the `bentoml serve`
supervisor and each of its workers), by the tests' server launcher and by the benchmark."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def prepare() -> None:
    """The process's threads, allocator and metrics directory, as a served worker needs them.
    Idempotent; an operator's own OMP_WAIT_POLICY, MALLOC_ARENA_MAX and LD_PRELOAD win."""
    # Before anything imports torch: OpenMP threads that finish their work sleep at once
    # instead of spinning. On a small machine the model's idle threads would otherwise spin on
    # the cores the PHI guard, the gateway and the audit writer need next (measured on two
    # cores: a lone guarded request 74 ms spinning, 35 ms passive). With the model on one
    # thread (serving/model_thread.py) a short spin sped up the model call but neither lone
    # requests nor throughput (README, "Measured").
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    # For the worker processes a server starts (they inherit this environment, and glibc reads
    # it when a process starts): two malloc arenas. At 32 clients over 30,000 requests the
    # Embedding worker's resident memory climbed 175 MiB with glibc's default arenas and was
    # still climbing, 68-140 MiB with two (in steps, one after 10,000 requests), and not at all
    # with jemalloc, which `make serve` and the tests' launcher preload where the host has it
    # (README, "Tests"). jemalloc is not set here outside an image: LD_PRELOAD would reach every
    # program this process starts (a shell, a test run), not only a server's workers.
    os.environ.setdefault("MALLOC_ARENA_MAX", "2")
    _jemalloc_in_images()
    _metrics_dir_of_this_server()


def host_jemalloc() -> str | None:
    """The host's jemalloc (Debian: libjemalloc2), the one `make serve` preloads."""
    import glob

    found = sorted(glob.glob("/usr/lib/*-linux-gnu/libjemalloc.so.2"))
    return found[0] if found else None


def _jemalloc_in_images() -> None:
    """In a medbento image, jemalloc for the workers, as `make serve` preloads it: the Bento
    files install Debian's libjemalloc2, and with it no worker's memory climbed in the soak.
    Only in an image (BentoML sets BENTOML_CONTAINERIZED there), where what the server starts
    is its own workers; the supervisor, already running, keeps glibc's malloc. An operator's
    LD_PRELOAD wins (`-e LD_PRELOAD=` turns it off)."""
    if os.environ.get("BENTOML_CONTAINERIZED") != "true" or "LD_PRELOAD" in os.environ:
        return
    if library := host_jemalloc():
        os.environ["LD_PRELOAD"] = library


def _metrics_dir_of_this_server() -> None:
    """Give this server's workers a Prometheus multiprocess directory of their own.

    `bentoml serve` hands every worker one directory under BENTOML_HOME in
    PROMETHEUS_MULTIPROC_DIR and empties it when it starts, so a second server on the same
    host (blue/green on one VM, a test server beside a dev server) wiped the first one's
    counters and mixed its own into the first one's /metrics. A served worker is the only
    process that finds that variable set; it switches, before any metric is written, to a
    sibling directory of its server's own. prometheus_client reads the variable each time it
    opens a metric file.

    A server is known by the process that runs it (the workers' parent) and by
    BENTOML_RUNNER_MAP, the addresses of its services that BentoML gives every worker of one
    server: several servers can share a parent (bentoml.serve in one Python process). A
    directory whose parent process is gone is removed.
    """
    shared = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not shared or ".server-" in Path(shared).name:
        return
    import hashlib

    import psutil

    server = hashlib.sha256(os.environ.get("BENTOML_RUNNER_MAP", "").encode()).hexdigest()[:12]
    base = Path(shared)
    own = base.with_name(f"{base.name}.server-{os.getppid()}-{server}")
    for stale in base.parent.glob(f"{base.name}.server-*"):
        pid = stale.name.split("-")[1]
        if stale != own and not (pid.isdigit() and psutil.pid_exists(int(pid))):
            shutil.rmtree(stale, ignore_errors=True)
    own.mkdir(parents=True, exist_ok=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(own)
