"""Limits, cache, CORS, metrics and health, from outside and with real Redis: rate limits shared
by two server processes, per principal and per client address; a cache that never holds PHI;
and a Redis outage in the middle of a run."""

from __future__ import annotations

import re
import shutil
import time

import httpx
import pytest
import redis

from tests.conftest import KEY, serve

pytestmark = pytest.mark.integration

EMBEDDING = "services.embedding:Embedding"
GENERATION = "services.generation:Generation"
NOTE = "Patient Harriet Quimby, MRN 40718822, reports chest pain."


def post(url: str, role: str = "researcher", source: str = "127.0.0.1", **body) -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=source)  # loopback has all of 127/8
    with httpx.Client(transport=transport, timeout=60) as http:
        return http.post(
            f"{url}/v1/embeddings",
            json=body or {"input": "chest pain"},
            headers={"Authorization": f"Bearer {KEY[role]}"},
        )


def metric(url: str, name: str, source: str = "127.0.0.1", **labels: str) -> float:
    transport = httpx.HTTPTransport(local_address=source)  # an address not yet rate-limited
    with httpx.Client(transport=transport, timeout=60) as http:
        text = http.get(f"{url}/metrics", headers={"Authorization": f"Bearer {KEY['admin']}"}).text
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


@pytest.fixture(scope="module")
def shared_servers(redis_url):
    env = {"MEDBENTO_REDIS_URL": redis_url, "MEDBENTO_RATE_LIMIT": "6/minute"}
    servers = [serve(EMBEDDING, env), serve(EMBEDDING, env)]
    try:
        yield [s.url for s in servers]
    finally:
        for server in servers:
            server.stop()
        redis.Redis.from_url(redis_url).flushdb()


@pytest.fixture
def two_servers_sharing_redis(shared_servers, redis_url):
    """Both servers, with every counter and cache entry in Redis cleared for this test."""
    redis.Redis.from_url(redis_url).flushdb()
    return shared_servers


def test_a_principals_limit_is_shared_by_every_process(two_servers_sharing_redis):
    a, b = two_servers_sharing_redis
    # One key, two client addresses (so no address reaches its own limit), two servers.
    codes = [post((a, b)[i % 2], "clinician", f"127.0.0.{2 + i % 2}").status_code for i in range(7)]
    assert codes == [200] * 6 + [429]
    limited = post(b, "clinician", "127.0.0.4")
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.json()["error"]["code"] == "rate_limited"
    assert post(a, "researcher", "127.0.0.4").status_code == 200  # another principal is not limited


def test_a_client_address_is_limited_whatever_key_it_uses(two_servers_sharing_redis):
    a, b = two_servers_sharing_redis
    roles = ["researcher", "clinician"]
    codes = [post((a, b)[i % 2], roles[i % 2], "127.0.0.9").status_code for i in range(7)]
    assert codes[-1] == 429 and codes.count(429) == 1
    assert metric(a, "medbento_rate_limited_requests_total", scope="address") >= 1


def test_embeddings_cache_hits_and_holds_no_phi(two_servers_sharing_redis, redis_url):
    a, b = two_servers_sharing_redis
    hits_before = metric(b, "medbento_cache_requests_total", result="hit")
    first = post(a, "clinician", "127.0.1.1", input=NOTE)
    second = post(b, "clinician", "127.0.1.2", input=NOTE)  # the other process: same cache
    assert first.status_code == second.status_code == 200
    assert first.json()["data"] == second.json()["data"]
    assert metric(b, "medbento_cache_requests_total", result="hit") == hits_before + 1
    client = redis.Redis.from_url(redis_url)
    keys = client.keys("medbento:cache:*")
    assert keys and all(re.fullmatch(rb"medbento:cache:[0-9a-f]{64}", k) for k in keys)
    assert 0 < client.ttl(keys[0]) <= 3600
    for key in keys:
        assert b"Quimby" not in client.get(key) and b"40718822" not in client.get(key)


def test_deterministic_generation_is_cached_before_reidentification(redis_url):
    redis.Redis.from_url(redis_url).flushdb()
    server = serve(GENERATION, {"MEDBENTO_REDIS_URL": redis_url})
    body = {
        "model": "generation",
        "messages": [{"role": "user", "content": NOTE}],
        "max_tokens": 12,
    }
    headers = {"Authorization": f"Bearer {KEY['clinician']}"}
    try:
        first = httpx.post(
            f"{server.url}/v1/chat/completions", json=body, headers=headers, timeout=60
        )
        second = httpx.post(
            f"{server.url}/v1/chat/completions", json=body, headers=headers, timeout=60
        )
        hits = metric(server.url, "medbento_cache_requests_total", model="generation", result="hit")
        sampled = httpx.post(
            f"{server.url}/v1/chat/completions",
            json=body | {"temperature": 0.9},
            headers=headers,
            timeout=60,
        )
    finally:
        server.stop()
    assert first.json()["choices"] == second.json()["choices"] and hits == 1
    assert sampled.status_code == 200
    client = redis.Redis.from_url(redis_url)
    (key,) = client.keys("medbento:cache:*")  # the sampled request was not cached
    assert b"Quimby" not in client.get(key)


def test_a_redis_outage_mid_run_costs_no_request(private_redis):
    port, state, start = private_redis
    server = serve(
        EMBEDDING,
        {"MEDBENTO_REDIS_URL": f"redis://127.0.0.1:{port}/0", "MEDBENTO_RATE_LIMIT": "1000/minute"},
    )
    try:
        assert post(server.url, input="before the outage").status_code == 200
        assert httpx.get(f"{server.url}/readyz").status_code == 200
        assert metric(server.url, "medbento_redis_up") == 1
        state["process"].kill()
        state["process"].wait()
        during = [post(server.url, input=f"during the outage {i}").status_code for i in range(5)]
        assert during == [200] * 5  # no cache, in-process rate limits, still answered
        assert metric(server.url, "medbento_redis_up") == 0
        assert httpx.get(f"{server.url}/readyz").status_code == 503  # it says Redis is missing
        state["process"] = start()
        deadline = time.monotonic() + 30
        while metric(server.url, "medbento_redis_up") != 1 and time.monotonic() < deadline:
            post(server.url, input="after the outage")
            time.sleep(1)
        assert metric(server.url, "medbento_redis_up") == 1
        post(server.url, input="cached again")
        assert redis.Redis(port=port).keys("medbento:cache:*")  # Redis is used again
        assert httpx.get(f"{server.url}/readyz").status_code == 200
    finally:
        server.stop()


def test_cors_allows_only_the_configured_origins():
    server = serve(EMBEDDING, {"MEDBENTO_CORS_ORIGINS": '["https://ehr.example.org"]'})
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization",
    }
    try:
        allowed = httpx.options(
            f"{server.url}/v1/embeddings", headers=preflight | {"Origin": "https://ehr.example.org"}
        )
        refused = httpx.options(
            f"{server.url}/v1/embeddings",
            headers=preflight | {"Origin": "https://evil.example.com"},
        )
    finally:
        server.stop()
    assert allowed.headers.get("access-control-allow-origin") == "https://ehr.example.org"
    assert "access-control-allow-origin" not in refused.headers


def test_metrics_and_model_health_for_operators(gateway_url):
    headers = {"Authorization": f"Bearer {KEY['clinician']}"}
    httpx.post(f"{gateway_url}/v1/embeddings", json={"input": NOTE}, headers=headers, timeout=60)
    admin = {"Authorization": f"Bearer {KEY['admin']}"}
    text = httpx.get(f"{gateway_url}/metrics", headers=admin).text
    for name in (
        "medbento_phi_entities_total",
        "medbento_cache_requests_total",
        "medbento_audit_events_total",
        "medbento_process_resident_memory_bytes",
        "medbento_system_cpu_percent",
        "medbento_system_memory_used_bytes",
        "medbento_disk_used_bytes",
        "bentoml_service_adaptive_batch_size_bucket",
    ):
        assert name in text, name
    assert (
        'entity_type="PERSON"' in text
        and 'service="Embedding"' in text
        and 'service="PHIGuard"' in text
    )
    if shutil.which("nvidia-smi") is None:
        assert "medbento_gpu_" not in text  # no GPU: no GPU series, and no error
    health = httpx.get(f"{gateway_url}/models/embedding/health", headers=admin).json()
    assert health["status"] == "ok"
    assert health["recent"]["requests"] >= 1 and health["recent"]["error_rate"] == 0.0
    assert health["recent"]["latency_ms"]["p50"] > 0
    assert httpx.get(f"{gateway_url}/metrics", headers=headers).status_code == 403  # admin only


def test_two_servers_on_one_host_keep_their_own_metrics(tmp_path):
    """BentoML gives every server the same multiprocess directory under BENTOML_HOME and
    empties it when one starts: the first server's counters were wiped by the second, and the
    second's showed in the first's /metrics."""
    labels = {
        "endpoint": "/v1/embeddings",
        "service_name": "Embedding",
        "http_response_code": "200",
    }

    def served(url: str) -> float:
        return metric(url, "bentoml_service_request_total", **labels)

    first = serve(EMBEDDING, {"MEDBENTO_DATA_DIR": str(tmp_path / "first")})
    try:
        for _ in range(3):
            assert post(first.url).status_code == 200
        assert served(first.url) == 3
        second = serve(EMBEDDING, {"MEDBENTO_DATA_DIR": str(tmp_path / "second")})
        try:
            assert served(first.url) == 3  # not wiped
            assert served(second.url) == 0  # not the first one's
            for _ in range(2):
                assert post(second.url).status_code == 200
            assert served(second.url) == 2
            assert served(first.url) == 3
        finally:
            second.stop()
        assert post(first.url).status_code == 200
        assert served(first.url) == 4
    finally:
        first.stop()


def via(url: str, source: str, role: str, forwarded_for: str) -> int:
    """A request from `source` carrying X-Forwarded-For, as a proxy (or a forger) sends it."""
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(transport=transport, timeout=60) as http:
        return http.post(
            f"{url}/v1/embeddings",
            json={"input": "chest pain"},
            headers={"Authorization": f"Bearer {KEY[role]}", "X-Forwarded-For": forwarded_for},
        ).status_code


@pytest.mark.parametrize("trusted", [False, True])
def test_the_client_address_behind_a_trusted_proxy(trusted):
    """With no trusted proxy, X-Forwarded-For is ignored, loopback included: rotating it does
    not escape the per-address limit. A trusted proxy's header names the client, each with its
    own count; the header from an address not trusted is still ignored."""
    env = {"MEDBENTO_RATE_LIMIT": "4/minute"}
    if trusted:
        env["MEDBENTO_TRUSTED_PROXIES"] = '["127.0.0.2"]'
    server = serve(EMBEDDING, env)
    roles = ["clinician", "researcher"] * 3  # two keys: neither reaches its own limit of 4
    try:
        codes = [via(server.url, "127.0.0.2", roles[i], f"198.51.100.{i}") for i in range(5)]
        by_address = metric(server.url, "medbento_rate_limited_requests_total", scope="address")
        if trusted:  # five clients, none over its own limit
            assert codes == [200] * 5 and by_address == 0
        else:  # one address, the proxy's, whatever the header says
            assert codes == [200] * 4 + [429] and by_address == 1
        # Loopback is not trusted to choose its address either: its fifth is refused by address.
        spoofed = [via(server.url, "127.0.0.1", roles[i], f"203.0.113.{i}") for i in range(5)]
        after = metric(
            server.url, "medbento_rate_limited_requests_total", "127.0.0.9", scope="address"
        )
        assert spoofed[-1] == 429 and after > by_address
    finally:
        server.stop()
