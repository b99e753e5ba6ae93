"""The README's commands, run as a newcomer runs them: from the repository root (in CI, a fresh
clone), with a home of their own (no ~/.medbento yet, no MEDBENTO_* settings), each block as it
is written. Only the port may differ: when something else holds 3000, the server is started on
another port and the blocks' `localhost:3000` follow it.

`make serve` and its snippets (curl, the openai and BentoML clients, the audit commands), a
built Bento served from the store, and the CPU image of the all-in-one Bento and of the
embedding Bento run with production settings against PostgreSQL, driven with the openai client.
A block no test runs fails the first test here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import openai
import psycopg
import pytest

from tests.conftest import ROOT, free_port, port_free, served_command
from tests.readme import block, blocks
from tests.servers import embedding_status, wait_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]

PYTHON = str(Path(sys.executable))
RUN_BY = {
    "Two commands": "make serve: test_make_serve_and_every_snippet; make test: .ci/run (CI)",
    "A key for the examples": "test_make_serve_and_every_snippet",
    "curl": "test_make_serve_and_every_snippet, test_a_built_bento_serves_as_written",
    "curl 2": "test_make_serve_and_every_snippet",
    "The openai client": "test_make_serve_and_every_snippet",
    "The BentoML client": "test_make_serve_and_every_snippet",
    "The audit trail": "test_make_serve_and_every_snippet",
    "Keys and roles": "test_make_serve_and_every_snippet",
    "Runtime configuration (BentoML's settings)": "test_runtime_config.py",
    "Bentos and images": "test_a_built_bento_serves_as_written",
    "Images: CPU and CUDA": "test_the_images_serve_with_production_settings",
}
PHI_NOTE = "Patient Harriet Quimby, MRN 40718822, phone (617) 555-0199, reports chest pain."


def test_every_command_block_of_the_readme_is_run():
    assert set(blocks()) == set(RUN_BY), "a README block that no test runs, or a stale entry"
    assert re.search(r"^make test$", (ROOT / ".ci/run").read_text(), re.M)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("newcomer")


@pytest.fixture(scope="module")
def port() -> int:
    return 3000 if port_free(3000) else free_port()


def newcomer(home: Path, **extra: str) -> dict[str, str]:
    """A shell with none of the suite's settings and a home of its own; the BentoML model store
    is the one `make test` filled, so `make serve` finds the models it would import."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDBENTO_", "BENTOML_"))}
    store = os.environ.get("BENTOML_HOME", str(Path.home() / "bentoml"))
    return env | {"HOME": str(home), "BENTOML_HOME": store, **extra}


def on_port(code: str, port: int) -> str:
    return code.replace("localhost:3000", f"localhost:{port}")


def bash(code: str, env: dict[str, str]) -> str:
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert run.returncode == 0, f"{code}\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}"
    return run.stdout


def python(code: str, env: dict[str, str]) -> str:
    run = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, f"{code}\n{run.stderr[-3000:]}"
    return run.stdout


def json_objects(text: str) -> list:
    """The JSON documents curl printed one after the other (with no newline between)."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while (at := text.find("{", at)) >= 0:
        value, at = decoder.raw_decode(text, at)
        found.append(value)
    return found


def test_make_serve_and_every_snippet(home, port, tmp_path):
    env = newcomer(home, PORT=str(port))
    (make_serve,) = [c for c in block("Two commands", "bash").splitlines() if "make serve" in c]
    with served_command(make_serve.split("#")[0].strip(), port, tmp_path / "make-serve.log", env):
        keys = home / ".medbento" / "dev-api-keys.json"
        assert oct(keys.stat().st_mode & 0o777) == "0o600"  # written at start, before a request
        key_block = block("A key for the examples", "bash")
        key = bash(key_block + 'echo "$API_KEY"\n', env).strip()
        assert json.loads(keys.read_text())[key] == "clinician"

        embedded = json.loads(bash(key_block + on_port(block("curl", "bash"), port), env))
        assert len(embedded["data"][0]["embedding"]) == 384
        chats = bash(key_block + on_port(block("curl 2", "bash"), port), env)
        assert chats.count("data: [DONE]") == 1 and '"error"' not in chats
        reply, history = json_objects(chats.split("data: [DONE]")[1])
        assert reply["role"] == "assistant"
        assert [m["role"] for m in history["messages"]] == ["user", "assistant"]

        keyed = env | {"API_KEY": key}
        assert python(on_port(block("The openai client", "python"), port), keyed).strip()
        python(on_port(block("The BentoML client", "python"), port), keyed)

        # Keys as records, against the server make serve runs: the rotated key works, the
        # revoked one is refused within seconds, and neither is printed by `keys list`.
        keys_out = bash(block("Keys and roles", "bash") + 'echo "$KEY $NEW_KEY"\n', env)
        old_key, new_key = keys_out.strip().splitlines()[-1].split()
        assert old_key not in keys_out.rsplit("\n", 2)[0] and "key_" in keys_out
        assert embedding_status(f"http://localhost:{port}", new_key) == 200
        assert wait_until(lambda: embedding_status(f"http://localhost:{port}", old_key) == 401, 5)

        audit = bash(block("The audit trail", "bash"), env)  # the store make serve writes
        verified = re.search(r"audit chain verified: (\d+) events", audit)
        assert verified and int(verified.group(1)) >= 8, audit
        assert "purged 0 audit events" in audit
    # make serve says where it listens (the log scrubber once hid the address as <URL>).
    assert re.search(
        rf"listening on http://[\w.]+:{port}\b", (tmp_path / "make-serve.log").read_text()
    )


def test_a_built_bento_serves_as_written(home, port, tmp_path):
    env = newcomer(home)
    *builds, serve_line = [
        c.split("#")[0].strip() for c in block("Bentos and images", "bash").splitlines()
    ]
    tags = []
    try:
        for build in builds:
            built = re.search(r'Successfully built Bento\(tag="([^"]+)"\)', bash(build, env))
            assert built, build
            tags.append(built.group(1))
        assert [t.split(":")[0] for t in tags] == ["medbento", "medbento-embedding"]
        command = serve_line if port == 3000 else f"{serve_line} --port {port}"
        url = f"http://127.0.0.1:{port}"
        with served_command(command, port, tmp_path / "bento.log", env):
            key = bash(block("A key for the examples", "bash") + 'echo "$API_KEY"\n', env).strip()
            embedded = bash(f"export API_KEY={key}\n" + on_port(block("curl", "bash"), port), env)
            assert len(json.loads(embedded)["data"][0]["embedding"]) == 384
            chat = httpx.post(
                f"{url}/v1/chat/completions",
                json={"messages": [{"role": "user", "content": "hi"}]},
                headers={"Authorization": f"Bearer {key}"},
            )
            assert chat.status_code == 404  # the embedding Bento serves embeddings only
    finally:
        for tag in tags:
            subprocess.run([str(ROOT / ".venv/bin/bentoml"), "delete", "-y", tag], check=False)


# --- images -----------------------------------------------------------------------------------

API_KEYS = {
    "ctr-clinician-0123456789abcdef": "clinician",
    "ctr-auditor-0123456789abcdef": "auditor",
}


def drive(url: str) -> None:
    """The openai client against a served image; the PHI guard holds (the answer is restored
    for a clinician, and the audit rows say what was found)."""
    client = openai.OpenAI(
        base_url=f"{url}/v1", api_key="ctr-clinician-0123456789abcdef", max_retries=0
    )
    vectors = client.embeddings.create(model="embedding", input=[PHI_NOTE, "dyspnea"])
    assert [len(d.embedding) for d in vectors.data] == [384, 384]


def audit_rows(database_url: str) -> list[tuple]:
    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT route, status, entity_counts FROM audit_event ORDER BY seq"
        ).fetchall()


@pytest.fixture
def container_runtime():
    """podman's settings as `make image` (deploy/containers/setup.sh) writes them."""
    env_file = Path(os.environ.get("CTR_HOME", "/var/tmp/ctr")) / "env.sh"
    made, removed = [], []

    def podman(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["bash", "-c", f'. {env_file} && podman "$@"', "podman", *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    yield podman, made, removed
    env = os.environ.copy()
    for name in removed:
        podman("rm", "-f", name, env=env)
    for image in made:
        podman("rmi", "-f", image, env=env)
    podman("image", "prune", "-f", env=env)


def test_the_images_serve_with_production_settings(
    container_runtime, postgres_schema, port, tmp_path
):
    podman, made, removed = container_runtime
    env = newcomer(
        tmp_path,
        DATABASE_URL=postgres_schema,
        API_KEYS=json.dumps(API_KEYS),
        SECRET_KEY="container-test-secret-0123456789abcdef",
    )
    code = block("Images: CPU and CUDA", "bash")
    if port != 3000:
        code = code.replace('"$IMAGE"\n', f'"$IMAGE" --port {port}\n')
    removed.append("medbento")
    image = bash(code + 'echo "$IMAGE"\n', env).strip().splitlines()[-1]
    made.append(image)
    assert re.fullmatch(r"localhost/medbento:\w+-cpu", image), image
    url = f"http://127.0.0.1:{port}"
    wait_ready(url, lambda: podman("logs", "medbento", env=env).stdout)
    drive(url)
    chat = openai.OpenAI(
        base_url=f"{url}/v1", api_key="ctr-clinician-0123456789abcdef", max_retries=0
    ).chat.completions.create(
        model="generation", messages=[{"role": "user", "content": PHI_NOTE}], max_tokens=8
    )
    assert chat.choices[0].finish_reason in ("stop", "length")
    torch = podman(
        "exec", "medbento", "python", "-c", "import torch; print(torch.__version__)", env=env
    )
    assert torch.stdout.strip().endswith("+cpu"), torch.stdout + torch.stderr
    assert_workers_on_jemalloc(podman, "medbento", env, services=6)
    rows = audit_rows(postgres_schema)
    assert [r[:2] for r in rows] == [("/v1/embeddings", 200), ("/v1/chat/completions", 200)]
    assert {"PERSON", "MEDICAL_RECORD_NUMBER", "PHONE_NUMBER"} <= set(json.loads(rows[0][2]))
    podman("rm", "-f", "medbento", env=env)

    # The embedding Bento's image, as the README says to build it for any Bento.
    built = bash("deploy/containers/image.sh cpu bentos/embedding.yaml", env | {"BIN": ".venv/bin"})
    image = built.strip().splitlines()[-1]
    made.append(image)
    removed.append("medbento-embedding")
    run = podman(
        "run", "-d", "--name", "medbento-embedding", "--network", "host",
        "-e", "MEDBENTO_ENV=production", "-e", "MEDBENTO_TLS_BEHIND_PROXY=true",
        "-e", f"MEDBENTO_DATABASE_URL={postgres_schema}",
        "-e", f"MEDBENTO_API_KEYS={json.dumps(API_KEYS)}",
        "-e", "MEDBENTO_SECRET_KEY=container-test-secret-0123456789abcdef",
        image, "--port", str(port),
        env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    wait_ready(url, lambda: podman("logs", "medbento-embedding", env=env).stdout)
    drive(url)
    assert_workers_on_jemalloc(podman, "medbento-embedding", env, services=3)
    assert len(audit_rows(postgres_schema)) == 3  # one chain, both images


# Inside a container: each BentoML worker process, and whether it has jemalloc mapped.
WORKERS = """
import os, psutil
for p in psutil.process_iter():
    if p.pid != os.getpid() and "_bentoml_impl.worker.service" in " ".join(p.cmdline()):
        print(any("libjemalloc" in m.path for m in p.memory_maps()))
"""


def assert_workers_on_jemalloc(podman, container: str, env, services: int) -> None:
    """The image's workers run on jemalloc (the Bento files install it,
    medbento/serving/process_setup.py preloads it), as `make serve`'s do: the soak's memory
    bounds were measured with it."""
    found = podman("exec", container, "python", "-c", WORKERS, env=env)
    assert found.returncode == 0, found.stderr
    workers = found.stdout.split()
    assert len(workers) >= services and set(workers) == {"True"}, found.stdout + found.stderr


def wait_ready(url: str, logs, timeout_s: float = 300) -> None:

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(2)
    pytest.fail(f"the container was not ready in {timeout_s} s:\n{logs()[-3000:]}")
