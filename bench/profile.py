"""Where the served time goes: py-spy samples every service process while the load runs.

Each process gets `py-spy record --format raw` (collapsed stacks). The summary gives each
process's share of the CPU samples and its heaviest functions by self time, grouped by the
file they are in, since "which library" is the question tuning asks first.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

_FRAME = re.compile(r"^(?P<function>.+?) \((?P<file>[^:]+)(?::\d+)?\)$")


def service_processes(server) -> dict[str, int]:
    """Service name -> pid of its (first) worker, read from the BentoML arbiter's watchers."""
    found = {}
    for watcher in server.arbiter.iter_watchers():
        for process in watcher.processes.values():
            command = " ".join(process.cmd if isinstance(process.cmd, list) else [process.cmd])
            command += " " + " ".join(process.args or [])
            match = re.search(r"--service-name[ =](\S+)", command)
            name = match.group(1) if match else watcher.name
            found.setdefault(name, process.pid)
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far, every thread (torch's included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_request(pids: dict[str, int], run) -> tuple[object, dict[str, float]]:
    """`run()`'s load result, and each process's CPU milliseconds per request it answered."""
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    result = run()
    return result, {
        name: (cpu_seconds(pid) - before[name]) / result.requests * 1000
        for name, pid in pids.items()
    }


def start(pids: dict[str, int], seconds: int, out: Path) -> list[subprocess.Popen]:
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    out.mkdir(parents=True, exist_ok=True)
    return [
        subprocess.Popen(
            [
                py_spy,
                "record",
                "--pid",
                str(pid),
                "--duration",
                str(seconds),
                "--rate",
                "200",
                "--format",
                "raw",
                "--nonblocking",
                "--output",
                str(out / f"{name}.txt"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name, pid in pids.items()
    ]


def _short(file: str) -> str:
    for marker in ("site-packages/", "python3.11/", "/work/main/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


def summary(out: Path, top: int = 12) -> str:
    """Per process: share of all samples, then the top functions by self samples."""
    stacks = {}
    for path in sorted(out.glob("*.txt")):
        counts: collections.Counter[str] = collections.Counter()
        total = 0
        for line in path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if not stack or not count.isdigit():
                continue
            frames = stack.split(";")
            leaf = frames[-1]
            match = _FRAME.match(leaf)
            leaf = f"{match['function']} ({_short(match['file'])})" if match else leaf
            counts[leaf] += int(count)
            total += int(count)
        stacks[path.stem] = (total, counts)
    grand = sum(total for total, _ in stacks.values()) or 1
    lines = []
    for name, (total, counts) in sorted(stacks.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"{name}: {total} samples ({total / grand:.0%} of all busy samples)")
        for leaf, count in counts.most_common(top):
            lines.append(f"  {count / max(total, 1):6.1%}  {leaf}")
    return "\n".join(lines)
