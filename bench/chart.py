"""The bench's charts as PNGs: embeddings (throughput and p99 latency against concurrency, one
line per system) and chat completions (tokens per second, batched and one at a time)."""

from __future__ import annotations

from pathlib import Path


def draw(curves: dict[str, dict[int, tuple[float, float]]], title: str, path: Path) -> None:
    """curves: system -> {clients: (requests per second, p99 seconds)}."""
    import matplotlib

    matplotlib.use("Agg")  # no screen
    import matplotlib.pyplot as plt

    figure, (rate, p99) = plt.subplots(1, 2, figsize=(11, 4.2))
    for name, points in curves.items():
        clients = sorted(points)
        style = "--" if name.startswith("in-process") else "-"
        rate.plot(clients, [points[c][0] for c in clients], style, marker="o", label=name)
        p99.plot(clients, [points[c][1] * 1000 for c in clients], style, marker="o", label=name)
    for axis in (rate, p99):
        axis.set_xscale("log", base=2)
        axis.set_xticks(sorted(next(iter(curves.values()))))
        axis.get_xaxis().set_major_formatter(matplotlib.ticker.ScalarFormatter())
        axis.set_xlabel("concurrent clients (one text per request)")
        axis.grid(alpha=0.3)
    rate.set_ylabel("texts per second")
    p99.set_ylabel("p99 latency (ms)")
    p99.set_yscale("log")
    rate.legend(fontsize=8)
    figure.suptitle(title, fontsize=10)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def bars(rates: dict[str, tuple[float, float]], title: str, path: Path) -> None:
    """rates: system -> (tokens/s for concurrent chats batched, tokens/s one at a time)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(8, 3.8))
    names = list(rates)
    width = 0.38
    for offset, (label, index) in enumerate((("concurrent chats", 0), ("one at a time", 1))):
        values = [rates[n][index] for n in names]
        positions = [i + (offset - 0.5) * width for i in range(len(names))]
        axis.bar(positions, values, width, label=label)
    for i, name in enumerate(names):
        batched, sequential = rates[name]
        axis.annotate(f"{batched / sequential:.1f}x", (i, batched), ha="center", va="bottom")
    axis.set_xticks(range(len(names)), names)
    axis.set_ylabel("completion tokens per second")
    axis.grid(alpha=0.3, axis="y")
    axis.legend(fontsize=8)
    figure.suptitle(title, fontsize=10)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
