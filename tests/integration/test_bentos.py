"""The four Bento files build into versioned Bentos that carry their models, and a built
embedding Bento serves /v1/embeddings on its own, offline."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import bentoml
import httpx
import pytest
import yaml

from tests.conftest import KEY, serve

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
BENTOML = str(Path(sys.executable).with_name("bentoml"))
GUARD = {"phi-detector", "phi-gazetteer"}  # every Bento's PHIGuard
BENTO_FILES = {
    "bentofile.yaml": ("Gateway", {"clinical-embedder", "clinical-generator", *GUARD}),
    "bentos/embedding.yaml": ("Embedding", {"clinical-embedder", *GUARD}),
    "bentos/generation.yaml": ("Generation", {"clinical-generator", *GUARD}),
    "bentos/conversation.yaml": ("Conversation", {"clinical-generator", *GUARD}),
}


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    tags = {}
    try:
        for bentofile in BENTO_FILES:
            run = subprocess.run(
                [BENTOML, "build", "-f", bentofile, ".", "-o", "tag"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            assert run.returncode == 0, run.stderr[-2000:]
            tags[bentofile] = run.stdout.strip().splitlines()[-1].removeprefix("__tag__:")
        yield tags
    finally:
        for tag in tags.values():
            bentoml.bentos.delete(tag)


def manifest(tag: str) -> dict:
    return yaml.safe_load(Path(bentoml.bentos.get(tag).path_of("bento.yaml")).read_text())


def test_each_bento_is_versioned_with_its_entry_service_and_models(built):
    for bentofile, (entry, models) in BENTO_FILES.items():
        tag = built[bentofile]
        version = tag.split(":")[1]
        assert version and version != "latest"
        info = manifest(tag)
        assert info["entry_service"] == entry
        packed = {m["tag"] for s in info["services"] for m in s.get("models", [])}
        assert {t.split(":")[0] for t in packed} >= models, bentofile
        for model_tag in packed:  # exact versions that exist in the store
            assert bentoml.models.get(model_tag).tag.version == model_tag.split(":")[1]


def test_the_gateway_bento_composes_every_service(built):
    services = {s["name"] for s in manifest(built["bentofile.yaml"])["services"]}
    assert services == {
        "Gateway",
        "Embedding",
        "Generation",
        "Conversation",
        "PHIGuard",
        "AuditLog",
    }


def test_exported_bento_carries_the_model_weights(built, tmp_path):
    archive = tmp_path / "embedding.bento"
    bentoml.bentos.export_bento(built["bentos/embedding.yaml"], str(archive))
    with tarfile.open(archive) as tar:
        names = [n.removeprefix("./") for n in tar.getnames()]
    assert any(
        n.startswith("models/clinical-embedder/") and n.endswith("model.safetensors") for n in names
    )


def test_generated_dockerfile_installs_pinned_requirements_offline(built):
    bento = bentoml.bentos.get(built["bentofile.yaml"])
    dockerfile = Path(bento.path_of("env/docker/Dockerfile")).read_text()
    assert "FROM python:3.11" in dockerfile
    assert "requirements.txt" in dockerfile
    assert "HF_HUB_OFFLINE" in dockerfile
    requirements = Path(bento.path_of("env/python/requirements.txt")).read_text()
    assert "bentoml==1.4.30" in requirements and "torch==2.13.0" in requirements


def test_built_embedding_bento_serves_embeddings_alone(built):
    server = serve(built["bentos/embedding.yaml"])
    try:
        headers = {"Authorization": f"Bearer {KEY['researcher']}"}
        with httpx.Client(base_url=server.url, timeout=60, headers=headers) as http:
            response = http.post(
                "/v1/embeddings", json={"input": ["pleural effusion"], "model": "embedding"}
            )
            assert response.status_code == 200
            assert len(response.json()["data"][0]["embedding"]) == 384
            # Only its own route: the chat route belongs to other Bentos.
            assert http.post("/v1/chat/completions", json={"messages": []}).status_code == 404
    finally:
        server.stop()
