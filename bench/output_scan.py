"""What scanning model output costs: the same completions for a clinician (answers pass as the
model wrote them) and a researcher (answers scanned by the PHI guard before they leave), one
client at a time, whole and streamed, in one run against one served Gateway.

    python -m bench.output_scan

Prints the median latency of a whole completion, and of a streamed one its time to first token
and to the last, for each role, and the difference.
"""

from __future__ import annotations

# The bench's own environment (keys, no rate limit in the way) before any medbento module.
from bench.environment import KEY, serve

from . import load

PROMPTS, TOKENS = 40, 48


def bodies(tag: str, stream: bool) -> list[dict]:
    return [
        {
            "model": "generation",
            "messages": [
                {"role": "user", "content": f"{tag} {i}: what is the plan for cellulitis?"}
            ],
            "max_tokens": TOKENS,
            "stream": stream,
        }
        for i in range(PROMPTS)
    ]


def median_ms(values: list[float]) -> float:
    ordered = sorted(values)
    return 1000 * ordered[len(ordered) // 2]


def main() -> None:
    server = serve("services.gateway:Gateway")
    path = "/v1/chat/completions"
    try:
        rows = {}
        for role in ("clinician", "researcher"):
            token = KEY[role]
            load.run(server.url, path, bodies(f"warm-{role}", False)[:8], 1, token)
            whole = load.run(server.url, path, bodies(f"whole-{role}", False), 1, token)
            streamed = load.run(
                server.url, path, bodies(f"stream-{role}", True), 1, token, stream=True
            )
            assert whole.errors == streamed.errors == 0
            rows[role] = (
                median_ms(whole.latencies),
                median_ms(streamed.first_token),
                median_ms(streamed.latencies),
            )
    finally:
        server.stop()
    print(f"\n{PROMPTS} completions of up to {TOKENS} tokens per row, one client, medians:")
    print("| role | whole completion | streamed: first token | streamed: last token |")
    print("|---|---|---|---|")
    for role, (whole, first, last) in rows.items():
        scanned = "scanned" if role == "researcher" else "not scanned"
        print(f"| {role} ({scanned}) | {whole:.1f} ms | {first:.1f} ms | {last:.1f} ms |")
    (w0, f0, l0), (w1, f1, l1) = rows["clinician"], rows["researcher"]
    print(f"| cost of scanning | {w1 - w0:+.1f} ms | {f1 - f0:+.1f} ms | {l1 - l0:+.1f} ms |")


if __name__ == "__main__":
    main()
