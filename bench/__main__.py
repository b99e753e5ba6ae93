"""medbento benchmark: served figures against their in-process limits and a peer, in one run.

    python -m bench              (make bench)  the whole run, about 15 minutes on two cores
    python -m bench --quick      fewer requests per point, to try a change
    python -m bench --profile    also sample every service process with py-spy at 64 clients

Order: the in-process references first, with nothing else running; then the Gateway with the
PHI guard on, off, and with adaptive batching off; then infinity-emb on the same model. The
load generator runs in this process, so every served figure pays for its own client (the
in-process ones do not). Absolute times depend on the machine; the README reports ratios.
Writes bench/results/latest.json and bench/results/embeddings.png.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import json
import os
import platform
import subprocess
import tempfile
import time
from pathlib import Path

# The bench's environment (testing, its own keys, no rate limit in the way) before any
# medbento module reads its settings.
from bench.environment import KEY, serve
from tests.servers import free_port

from . import chart, limits, load, peer, profile
from .load import GENERATION_CLIENTS, GENERATION_PROMPTS, GENERATION_TOKENS

RESULTS = Path(__file__).resolve().parent / "results"
CONCURRENCY = (1, 2, 4, 8, 16, 32, 64)
LONE = 100


# The servers' own logs (a JSON line per request) go to a file, not between the progress lines:
# the workers inherit this process's stdout and stderr, so those are pointed at the file and
# the console keeps copies of the originals.
CONSOLE = os.fdopen(os.dup(1), "w", buffering=1)
PROGRESS = os.fdopen(os.dup(2), "w", buffering=1)
SERVER_LOG = Path(tempfile.mkdtemp(prefix="medbento-bench-")) / "servers.log"


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=PROGRESS, flush=True)


def servers_log_to_file() -> None:
    log = os.open(SERVER_LOG, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)


def requests_at(clients: int, quick: bool) -> int:
    return max(50 if quick else 100, (6 if quick else 16) * clients)


def embedding_bodies(n: int, tag: str, model: str = "embedding") -> list[dict]:
    return [{"model": model, "input": text} for text in load.unique_texts(n, tag)]


def sweep(url: str, path: str, token, model: str, tag: str, quick: bool) -> dict:
    points = {}
    for clients in CONCURRENCY:
        # A few rounds at the new concurrency first: the batching dispatcher's learned wait
        # takes a moment to follow a change of load, and each point is the steady state.
        load.run(
            url,
            path,
            embedding_bodies(max(20, 3 * clients), f"{tag}-w{clients}", model),
            clients,
            token,
        )
        bodies = embedding_bodies(requests_at(clients, quick), f"{tag}-c{clients}", model)
        result = load.run(url, path, bodies, clients, token)
        points[clients] = result
        progress(
            f"  {clients:>2} clients: {result.throughput:7.1f} req/s, "
            f"p50 {result.median * 1000:6.0f} ms, p99 {result.percentile(0.99) * 1000:6.0f} ms, "
            f"errors {result.errors}"
        )
    return points


@contextlib.contextmanager
def served(target: str, env: dict[str, str]):
    server = serve(target, env)
    try:
        yield server
    finally:
        server.stop()


def gateway(env: dict[str, str]):
    return served("services.gateway:Gateway", env)


# The Bentos a user can deploy besides the gateway (bentos/*.yaml), each served from its entry
# service as `bentoml serve` of the built Bento would.
MODEL_BENTOS = {
    "embedding": "services.embedding:Embedding",
    "generation": "services.generation:Generation",
    "conversation": "services.conversation:Conversation",
}


def each_bento(quick: bool) -> tuple[dict, dict]:
    """Every model Bento alone, guard off (the gateway's figures show the guard's cost): the
    embedding Bento's lone client, 64 clients and requests of 32 texts; the generation and
    conversation Bentos' chat completions, batched and one at a time. Also the embedding
    Bento's points from 1 to 64 clients, for the chart."""
    token, route, out = KEY["researcher"], "/v1/embeddings", {}
    off = {"MEDBENTO_PHI_POLICY": "off"}
    with served(MODEL_BENTOS["embedding"], off) as server:
        progress("embedding Bento, guard off: lone client, 64 clients, 32 texts a request")
        warm(server.url, route, token, "embedding")
        lone = load.run(server.url, route, embedding_bodies(LONE, "bento-lone"), 1, token)
        curve = sweep(server.url, route, token, "embedding", "bento", quick)
        busy = curve[64]
        texts = load.unique_texts(32 * 64, "bento-32")
        bodies = [{"model": "embedding", "input": texts[i : i + 32]} for i in range(0, 2048, 32)]
        multi = load.run(server.url, route, bodies, 8, token)
        out["embedding"] = {"lone": lone, "64 clients": busy, "32 texts, 8 clients": multi}
        progress(
            f"  lone {lone.median * 1000:.1f} ms; 64 clients {busy.throughput:.1f} req/s; "
            f"32 texts a request: {32 * multi.throughput:.0f} texts/s; "
            f"errors {lone.errors + busy.errors + multi.errors}"
        )
    for name in ("generation", "conversation"):
        with served(MODEL_BENTOS[name], off) as server:
            progress(f"{name} Bento, guard off: chat completions, batched and one at a time")
            out[name] = generation(server.url, token, model=name)
    return out, curve


def warm(url: str, path: str, token, model: str) -> None:
    load.run(url, path, embedding_bodies(256, "warmup", model), 32, token)


def generation(url: str, token: str, model: str = "generation") -> dict:
    def bodies(tag: str, n: int, stream: bool = False) -> list[dict]:
        return [
            {
                "model": model,
                "messages": [{"role": "user", "content": load.generation_prompt(tag, i)}],
                "max_tokens": GENERATION_TOKENS,
                "temperature": 0,
                "stream": stream,
            }
            for i in range(n)
        ]

    path = "/v1/chat/completions"
    load.run(url, path, bodies("warm", 8), GENERATION_CLIENTS, token)
    batched = load.run(url, path, bodies("batched", GENERATION_PROMPTS), GENERATION_CLIENTS, token)
    sequential = load.run(url, path, bodies("sequential", GENERATION_PROMPTS), 1, token)
    streamed = load.run(url, path, bodies("stream", 16, stream=True), 1, token, stream=True)
    return {"batched": batched, "sequential": sequential, "streamed": streamed}


def environment() -> dict:
    import torch

    return {
        "cpus": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "device": "cuda" if torch.cuda.is_available() else "cpu",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "commit": commit(),
    }


def commit() -> str:
    """HEAD, marked -dirty when the measured code differs from it."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], capture_output=True, text=True, check=False).stdout

    measured = ("services", "medbento", "bench", "configuration.yaml", ":!bench/results")
    dirty = git("status", "--porcelain", "--", *measured).strip()
    return git("rev-parse", "--short", "HEAD").strip() + ("-dirty" if dirty else "")


def figures(result: load.Result) -> dict:
    return {
        "rps": round(result.throughput, 1),
        "p50_ms": round(result.median * 1000, 1),
        "p99_ms": round(result.percentile(0.99) * 1000, 1),
        "errors": result.errors,
        "requests": result.requests,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer requests per point")
    parser.add_argument("--profile", action="store_true", help="py-spy every service at 64")
    parser.add_argument("--skip-peer", action="store_true", help="leave out infinity-emb")
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    servers_log_to_file()
    progress(f"server logs: {SERVER_LOG}")
    env = environment()
    progress(
        f"machine: {env['cpus']} CPUs, torch {env['torch']} with {env['torch_threads']} "
        f"threads, device {env['device']}, commit {env['commit']}"
    )
    out: dict = {"environment": env}

    progress("in-process references (nothing else running)")
    model, guarded = limits.pipelines()
    texts = load.unique_texts(512, "reference")
    reference = {
        "model_single_ms": model.single(texts[:LONE]) * 1000,
        "guard_single_ms": guarded.single(texts[:LONE]) * 1000,
    }
    reference["model_limit"], reference["model_batch"] = model.best_batch(texts)
    reference["guard_limit"], reference["guard_batch"] = guarded.best_batch(texts)
    curves: dict[str, dict[int, tuple[float, float]]] = {"in-process model": {}}
    curves["in-process guard + model"] = {}
    for clients in CONCURRENCY:
        sample = texts[: max(8 * clients, 128)]
        curves["in-process model"][clients] = model.at_concurrency(sample, clients)
        curves["in-process guard + model"][clients] = guarded.at_concurrency(sample, clients)
    progress(
        f"  model: {reference['model_single_ms']:.1f} ms single, "
        f"{reference['model_limit']:.0f} texts/s at batch {reference['model_batch']}; "
        f"guard + model: {reference['guard_single_ms']:.1f} ms single, "
        f"{reference['guard_limit']:.0f} texts/s at batch {reference['guard_batch']}"
    )
    progress("in-process generator: one prompt at a time and batched")
    prompts = [load.generation_prompt("reference", i) for i in range(GENERATION_PROMPTS)]
    reference["generation"] = limits.generation_batching(
        prompts, GENERATION_TOKENS, GENERATION_CLIENTS
    )
    out["reference"] = reference
    del model, guarded
    # The load generator shares this process: left alone, Python's full collections would walk
    # everything loaded above and stall the clients for hundreds of ms (medbento/__init__.py).
    gc.collect()
    gc.freeze()

    token, route = KEY["researcher"], "/v1/embeddings"
    served: dict[str, dict] = {}
    for label, settings in (
        ("guard on", {}),
        ("guard off", {"MEDBENTO_PHI_POLICY": "off"}),
    ):
        progress(f"Gateway, PHI guard {label.split()[1]}: starting")
        with gateway(settings) as server:
            warm(server.url, route, token, "embedding")
            # After a burst, BentoML's dispatcher keeps waiting for company that is not coming
            # for a few seconds (its learned wait decays): measured here, a lone request takes
            # 34 ms then, 23 ms once settled. The lone figure is the settled one.
            load.run(server.url, route, embedding_bodies(200, f"settle-{label}"), 1, token)
            progress(f"Gateway, {label}: lone client, {LONE} requests")
            services = profile.service_processes(server)
            pids = services | {"load generator": os.getpid()}
            lone_bodies = embedding_bodies(LONE, f"lone-{label}")
            lone, cpu = profile.cpu_per_request(
                pids, functools.partial(load.run, server.url, route, lone_bodies, 1, token)
            )
            out.setdefault("cpu_ms_per_request_lone", {})[label] = {
                name: round(ms, 2) for name, ms in cpu.items()
            }
            progress(f"Gateway, {label}: 1 to 64 clients")
            points = sweep(server.url, route, token, "embedding", label, args.quick)
            served[label] = {"lone": lone, "points": points}
            if args.profile:
                progress(f"Gateway, {label}: CPU per request and py-spy, 64 clients")
                samples = RESULTS / "profile" / label.replace(" ", "-")
                # CPU per request from the kernel's accounting first (no sampler attached),
                # then py-spy's samples of where the Python time goes.
                busy_bodies = embedding_bodies(1500, "cpu")
                timed, cpu = profile.cpu_per_request(
                    pids, functools.partial(load.run, server.url, route, busy_bodies, 64, token)
                )
                recorders = profile.start(services, 20, samples)
                load.run(server.url, route, embedding_bodies(3000, "profile"), 64, token)
                for recorder in recorders:
                    recorder.wait()
                summary = "CPU per request at 64 clients (ms, all threads):\n" + "\n".join(
                    f"  {name}: {ms:.2f}" for name, ms in sorted(cpu.items(), key=lambda kv: -kv[1])
                )
                summary += f"\n  ({timed.throughput:.0f} req/s)\n\n" + profile.summary(samples)
                out.setdefault("cpu_ms_per_request", {})[label] = {
                    name: round(ms, 2) for name, ms in cpu.items()
                }
                (RESULTS / f"profile-{label.replace(' ', '-')}.txt").write_text(summary + "\n")
                print(summary, file=CONSOLE, flush=True)
            if label == "guard on":
                progress("Gateway, guard on: generation, batched and one at a time")
                out["generation"] = {
                    name: figures(result) | {"tokens": result.tokens}
                    | ({"ttft_ms": round(1000 * sorted(result.first_token)[len(result.first_token) // 2], 1)}
                       if result.first_token else {})
                    for name, result in generation(server.url, KEY["clinician"]).items()
                }  # fmt: skip

    progress("Gateway, guard off, adaptive batching off (max batch size 1): 32 clients")
    with gateway({"MEDBENTO_PHI_POLICY": "off", "MEDBENTO_EMBED_MAX_BATCH_SIZE": "1"}) as server:
        warm(server.url, route, token, "embedding")
        unbatched = load.run(
            server.url, route, embedding_bodies(requests_at(32, args.quick), "unbatched"), 32, token
        )
    progress(f"  {unbatched.throughput:.1f} req/s, errors {unbatched.errors}")
    bentos, bento_curve = each_bento(args.quick)
    curves["embedding Bento, guard off"] = {
        c: (r.throughput, r.percentile(0.99)) for c, r in bento_curve.items()
    }

    peers: dict[str, dict] = {}  # infinity-emb's engines: lone and 1 to 64 clients each
    if args.skip_peer or not peer.available():
        progress("infinity-emb: left out (make bench installs it in .venv-infinity)")
    else:
        import bentoml

        model_dir = bentoml.models.get("clinical-embedder:latest").path
        for engine in peer.ENGINES:
            progress(f"infinity-emb {peer.version()}, {engine} engine: starting on the same model")
            log = Path(tempfile.mkdtemp(prefix="medbento-bench-")) / f"infinity-{engine}.log"
            with peer.infinity(
                model_dir, free_port(), reference["model_batch"], log, engine
            ) as url:
                warm(url, "/embeddings", None, peer.SERVED_NAME)
                # Settled first, as medbento's lone figures are (see the gateway's above).
                settle = embedding_bodies(200, f"peer-{engine}-settle", peer.SERVED_NAME)
                load.run(url, "/embeddings", settle, 1, None)
                lone_bodies = embedding_bodies(LONE, f"peer-{engine}-lone", peer.SERVED_NAME)
                lone = load.run(url, "/embeddings", lone_bodies, 1, None)
                progress(
                    f"infinity-emb, {engine}: lone {lone.median * 1000:.1f} ms; 1 to 64 clients"
                )
                points = sweep(
                    url, "/embeddings", None, peer.SERVED_NAME, f"peer-{engine}", args.quick
                )
            peers[engine] = {"lone": lone, "points": points}
        out["peer"] = {"name": "infinity-emb", "version": peer.version()}

    report(out, reference, served, unbatched, peers, curves, bentos)


def bento_rows(bentos: dict, reference: dict, rates: dict) -> list[tuple]:
    e = bentos["embedding"]
    rows = [
        ("embedding Bento, guard off, 64 clients", f"{e['64 clients'].throughput:.0f} req/s",
         f"in-process model: {reference['model_limit']:.0f} texts/s",
         e["64 clients"].throughput / reference["model_limit"], ">= 0.85"),
        ("embedding Bento, guard off, 8 clients x 32 texts", f"{32 * e['32 texts, 8 clients'].throughput:.0f} texts/s",
         f"in-process model: {reference['model_limit']:.0f} texts/s",
         32 * e["32 texts, 8 clients"].throughput / reference["model_limit"], ""),
        ("embedding Bento, lone client median, guard off", f"{e['lone'].median * 1000:.1f} ms",
         f"in-process model, one text: {reference['model_single_ms']:.1f} ms",
         e["lone"].median * 1000 / reference["model_single_ms"], "<= 1.5x"),
    ]  # fmt: skip
    for name in ("generation", "conversation"):
        g = bentos[name]
        batched, sequential = rates[f"{name} Bento"]
        firsts = sorted(g["streamed"].first_token) or [float("nan")]
        ttft = firsts[len(firsts) // 2] * 1000
        rows.append(
            (f"{name} Bento, guard off, {GENERATION_CLIENTS} concurrent chats", f"{batched:.0f} tokens/s",
             f"one at a time: {sequential:.0f} tokens/s; first token {ttft:.0f} ms", batched / sequential, ">= 2x")
        )  # fmt: skip
    return rows


def report(out, reference, served, unbatched, peers, curves, bentos) -> None:
    on, off = served["guard on"], served["guard off"]
    rates = generation_rates(out, reference, bentos)  # tokens/s: table rows and chart
    on64, off64, off32 = on["points"][64], off["points"][64], off["points"][32]
    out["served"] = {
        label: {
            "lone": figures(s["lone"]),
            "clients": {c: figures(r) for c, r in s["points"].items()},
        }
        for label, s in served.items()
    }
    out["unbatched_32"] = figures(unbatched)
    rows = [
        ("embeddings, guard off, 64 clients", f"{off64.throughput:.0f} req/s",
         f"in-process model, batch {reference['model_batch']}: {reference['model_limit']:.0f} texts/s",
         off64.throughput / reference["model_limit"], ">= 0.85"),
        ("embeddings, guard on, 64 clients", f"{on64.throughput:.0f} req/s",
         f"in-process guard + model, batch {reference['guard_batch']}: {reference['guard_limit']:.0f} texts/s",
         on64.throughput / reference["guard_limit"], ">= 0.80"),
        ("p99 at 64 clients, guard off / on", f"{off64.percentile(0.99) * 1000:.0f} / {on64.percentile(0.99) * 1000:.0f} ms",
         "", None, "< 2000 ms"),
        ("p50 at 64 clients, guard off / on", f"{off64.median * 1000:.0f} / {on64.median * 1000:.0f} ms", "", None, ""),
        ("adaptive batching on / off, guard off, 32 clients", f"{off32.throughput:.0f} / {unbatched.throughput:.0f} req/s",
         "", off32.throughput / unbatched.throughput, ">= 1.8x"),
        ("lone client median, guard on", f"{on['lone'].median * 1000:.1f} ms",
         f"in-process guard + model, one text: {reference['guard_single_ms']:.1f} ms",
         on["lone"].median * 1000 / reference["guard_single_ms"], "<= 1.5x"),
        ("lone client median, guard off", f"{off['lone'].median * 1000:.1f} ms",
         f"in-process model, one text: {reference['model_single_ms']:.1f} ms",
         off["lone"].median * 1000 / reference["model_single_ms"], ""),
    ]  # fmt: skip
    if peers:
        bento = bentos["embedding"]
        for engine, measured in peers.items():
            p64 = measured["points"][64]
            rows.append(
                (f"infinity-emb {engine} engine, 64 clients (no guard, no auth, no audit)",
                 f"{p64.throughput:.0f} req/s, p99 {p64.percentile(0.99) * 1000:.0f} ms; lone {measured['lone'].median * 1000:.1f} ms",
                 f"medbento gateway guard off: {off64.throughput:.0f} req/s", off64.throughput / p64.throughput, "")
            )  # fmt: skip
        best = max(peers, key=lambda e: peers[e]["points"][64].throughput)
        b64, blone = peers[best]["points"][64], peers[best]["lone"]
        rows += [
            (f"gateway guard off vs infinity-emb's best engine ({best}), 64 clients", f"{off64.throughput:.0f} req/s",
             f"{b64.throughput:.0f} req/s", off64.throughput / b64.throughput, ">= 1.2x"),
            (f"embedding Bento vs infinity-emb's best engine ({best}), 64 clients", f"{bento['64 clients'].throughput:.0f} req/s",
             f"{b64.throughput:.0f} req/s", bento["64 clients"].throughput / b64.throughput, ">= 1.2x"),
            (f"embedding Bento lone vs infinity-emb's ({best}) lone", f"{bento['lone'].median * 1000:.1f} ms",
             f"{blone.median * 1000:.1f} ms", bento["lone"].median / blone.median, "<= 1"),
        ]  # fmt: skip
        out["peer"]["best_engine"] = best
        out["peer"]["engines"] = {
            engine: {"lone": figures(m["lone"]), "clients": {c: figures(r) for c, r in m["points"].items()}}
            for engine, m in peers.items()
        }  # fmt: skip
    if "generation" in out:
        g = out["generation"]
        batched, sequential = rates["gateway"]
        rows.append(
            (f"generation, {GENERATION_CLIENTS} concurrent chat completions", f"{batched:.0f} tokens/s",
             f"one at a time: {sequential:.0f} tokens/s", batched / sequential, ">= 2x")
        )  # fmt: skip
        inproc = reference["generation"]
        rows.append(
            (f"generation in-process, batches of {GENERATION_CLIENTS}", f"{inproc['batched']:.0f} tokens/s",
             f"one at a time: {inproc['one_at_a_time']:.0f} tokens/s", inproc["batched"] / inproc["one_at_a_time"],
             "(the most batching can gain)")
        )  # fmt: skip
        rows.append(
            ("generation, time to first token (streaming, lone client)",
             f"{g['streamed'].get('ttft_ms', float('nan')):.0f} ms", f"whole answer: {g['streamed']['p50_ms']:.0f} ms", None, "")
        )  # fmt: skip
    rows += bento_rows(bentos, reference, rates)
    out["bentos"] = {
        name: {point: figures(r) | {"tokens": r.tokens} for point, r in points.items()}
        for name, points in bentos.items()
    }
    errors = sum(r.errors for s in served.values() for r in [s["lone"], *s["points"].values()])
    errors += sum(r.errors for points in bentos.values() for r in points.values())
    rows.append(("errors, all medbento runs", str(errors + unbatched.errors), "", None, "0"))
    out["rows"] = [
        {"figure": f, "measured": m, "reference": r, "ratio": q, "target": t}
        for f, m, r, q, t in rows
    ]

    env = out["environment"]
    print(file=CONSOLE)
    print(
        f"machine: {env['cpus']} CPUs, torch {env['torch']} ({env['torch_threads']} threads), "
        f"device {env['device']}, commit {env['commit']}",
        file=CONSOLE,
    )
    print("| figure | measured | reference | ratio | target |", file=CONSOLE)
    print("|---|---|---|---|---|", file=CONSOLE)
    for figure, measured, ref, ratio, target in rows:
        shown = "" if ratio is None else f"{ratio:.2f}"
        print(f"| {figure} | {measured} | {ref} | {shown} | {target} |", file=CONSOLE)

    chart_curves = {
        "medbento, guard off": {c: (r.throughput, r.percentile(0.99)) for c, r in off["points"].items()},
        "medbento, guard on": {c: (r.throughput, r.percentile(0.99)) for c, r in on["points"].items()},
    }  # fmt: skip
    for engine, measured in peers.items():
        chart_curves[f"infinity-emb ({engine})"] = {
            c: (r.throughput, r.percentile(0.99)) for c, r in measured["points"].items()
        }
    chart_curves.update(curves)
    out["curves"] = {
        name: {c: list(v) for c, v in points.items()} for name, points in chart_curves.items()
    }
    chart.draw(
        chart_curves,
        f"/v1/embeddings, one text per request, all-MiniLM-L6-v2 - {env['cpus']} CPUs, "
        f"{env['device']}, commit {env['commit']}",
        RESULTS / "embeddings.png",
    )
    chart.bars(
        rates,
        f"chat completions: {GENERATION_CLIENTS} concurrent chats against one at a time - "
        f"{env['cpus']} CPUs, {env['device']}, commit {env['commit']}",
        RESULTS / "generation.png",
    )
    (RESULTS / "latest.json").write_text(json.dumps(out, indent=1) + "\n")
    progress(f"wrote {RESULTS / 'latest.json'}, {RESULTS / 'embeddings.png'} and generation.png")


def generation_rates(out: dict, reference: dict, bentos: dict) -> dict[str, tuple[float, float]]:
    """(batched, one at a time) completion tokens per second for each way of serving."""
    rates = {"in-process": tuple(reference["generation"][k] for k in ("batched", "one_at_a_time"))}
    if "generation" in out:
        g = out["generation"]
        rates["gateway"] = tuple(
            g[k]["tokens"] * g[k]["rps"] / g[k]["requests"] for k in ("batched", "sequential")
        )
    for name in ("generation", "conversation"):
        g = bentos[name]
        rates[f"{name} Bento"] = tuple(
            g[k].tokens / g[k].seconds for k in ("batched", "sequential")
        )
    return rates


if __name__ == "__main__":
    main()
