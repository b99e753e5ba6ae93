"""The reverse proxy the deployment ships (deploy/nginx/medbento.conf), run with the host's
nginx exactly as written but for addresses, ports and the certificate's path: TLS 1.2+ only,
HSTS, plain HTTP redirected, the body limit refused in medbento's JSON error shape,
X-Forwarded-For set by the proxy (a client's own is replaced) and X-Forwarded-Proto https, an
unreachable upstream answered as JSON, and a served Bento reached through it."""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from tests.certificates import certificates
from tests.conftest import IN_CI, KEY, ROOT, free_port, serve

pytestmark = pytest.mark.integration

CONFIG = ROOT / "deploy" / "nginx" / "medbento.conf"


class Proxy:
    def __init__(self, upstream_port: int, directory: Path) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            message = "nginx is not installed (.ci/run installs nginx-light)"
            pytest.fail(message) if IN_CI else pytest.skip(message)
        self.http_port, self.https_port = free_port(), free_port()
        ca, server, key = certificates(directory)
        site = CONFIG.read_text()
        for old, new in [
            ("server medbento:3000;", f"server 127.0.0.1:{upstream_port};"),
            ("listen 80;", f"listen {self.http_port};"),
            ("listen 443 ssl http2;", f"listen {self.https_port} ssl http2;"),
            ("/etc/nginx/tls/tls.crt", str(server)),
            ("/etc/nginx/tls/tls.key", str(key)),
        ]:
            assert old in site, old  # the shipped file still says what this test replaces
            site = site.replace(old, new)
        site = "\n".join(line for line in site.splitlines() if "listen [::]" not in line)
        (directory / "site.conf").write_text(site)
        main = directory / "nginx.conf"
        main.write_text(
            f"daemon off; worker_processes 1; pid {directory}/nginx.pid;\n"
            f"error_log {directory}/error.log;\nevents {{}}\n"
            f"http {{ access_log off; client_body_temp_path {directory}/body; "
            f"proxy_temp_path {directory}/proxy; include {directory}/site.conf; }}\n"
        )
        check = subprocess.run([nginx, "-t", "-c", str(main)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen([nginx, "-c", str(main)], stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.https_port)) == 0:
                    break
            time.sleep(0.1)
        self.url = f"https://localhost:{self.https_port}"
        self.certificate = str(ca)
        self.client = self.client_from("127.0.0.1")

    def client_from(self, address: str) -> httpx.Client:
        """A verifying client (it trusts the test's CA, nothing else), connecting
        from `address` (any of 127.0.0.0/8 on Linux)."""
        return httpx.Client(
            base_url=self.url,
            verify=ssl.create_default_context(cafile=self.certificate),
            transport=httpx.HTTPTransport(
                local_address=address, verify=ssl.create_default_context(cafile=self.certificate)
            ),
            timeout=60,
        )

    def stop(self) -> None:
        self.client.close()
        self.process.terminate()
        self.process.wait(timeout=10)


class Echo(BaseHTTPRequestHandler):
    """An upstream that answers with the headers it was sent."""

    def do_GET(self):
        body = json.dumps({k.lower(): v for k, v in self.headers.items()}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def echo_proxy(tmp_path):
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    proxy = Proxy(upstream.server_address[1], tmp_path)
    yield proxy
    proxy.stop()
    upstream.shutdown()


def test_tls_hsts_redirect_and_forwarded_headers(echo_proxy):
    answer = echo_proxy.client.get("/v1/models", headers={"X-Forwarded-For": "6.6.6.6"})
    assert answer.status_code == 200
    assert answer.headers["strict-transport-security"].startswith("max-age=63072000")
    sent = answer.json()
    assert sent["x-forwarded-for"] == "127.0.0.1"  # the client's spoofed value is replaced
    assert sent["x-forwarded-proto"] == "https"

    plain = httpx.get(f"http://127.0.0.1:{echo_proxy.http_port}/v1/models")
    assert plain.status_code == 301 and plain.headers["location"].startswith("https://")

    assert tls_version(echo_proxy.https_port, ssl.TLSVersion.TLSv1_2) == "TLSv1.2"
    assert tls_version(echo_proxy.https_port, ssl.TLSVersion.TLSv1_3) == "TLSv1.3"
    for old in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):
        with pytest.raises(ssl.SSLError):
            tls_version(echo_proxy.https_port, old)


def tls_version(port: int, version: ssl.TLSVersion) -> str:
    """Handshake offering `version` only; OpenSSL's security level 0 lets this client offer
    TLS 1.0 and 1.1 at all, so a refusal is the server's."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    context.minimum_version = context.maximum_version = version
    with (
        socket.create_connection(("127.0.0.1", port)) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        return tls.version()


def test_the_proxys_own_refusals_are_json_without_the_input(echo_proxy):
    too_large = echo_proxy.client.post(
        "/v1/embeddings",
        content=b'{"input": "Harriet Quimby ' + b"x" * (1024 * 1024) + b'"}',
        headers={"content-type": "application/json"},
    )
    assert too_large.status_code == 413
    assert too_large.json()["error"]["code"] == "payload_too_large"
    assert "Harriet" not in too_large.text


def test_an_unreachable_upstream_is_a_json_503(tmp_path):
    proxy = Proxy(free_port(), tmp_path)  # nothing listens there
    try:
        answer = proxy.client.get("/readyz")
        assert answer.status_code == 503 and answer.json()["error"]["code"] == "unavailable"
    finally:
        proxy.stop()


def test_a_served_bento_behind_the_proxy_counts_each_client(tmp_path):
    """Through the proxy, the per-address limit counts the client's address (from its
    X-Forwarded-For), not the proxy's: a client over the limit does not starve another."""
    server = serve(
        "services.embedding:Embedding",
        {
            "MEDBENTO_TLS_BEHIND_PROXY": "true",
            "MEDBENTO_TRUSTED_PROXIES": '["127.0.0.1"]',
            "MEDBENTO_RATE_LIMIT": "3/minute",
        },
    )
    proxy = Proxy(int(server.url.rsplit(":", 1)[1]), tmp_path)
    first, second = proxy.client_from("127.0.0.2"), proxy.client_from("127.0.0.3")

    def embed(client: httpx.Client, role: str) -> httpx.Response:
        return client.post(
            "/v1/embeddings",
            json={"input": "chest pain"},
            headers={"Authorization": f"Bearer {KEY[role]}"},
        )

    try:
        answer = embed(first, "researcher")
        assert answer.status_code == 200 and len(answer.json()["data"][0]["embedding"]) == 384
        assert answer.headers["x-request-id"] and answer.headers["strict-transport-security"]
        statuses = [embed(first, "researcher").status_code for _ in range(3)]
        assert statuses == [200, 200, 429]  # the first client's own three a minute
        assert embed(second, "clinician").status_code == 200  # the second is not counted with it
        refused = second.post("/v1/embeddings", json={"input": "chest pain"})
        assert refused.status_code == 401 and refused.json()["error"]["code"]
    finally:
        first.close()
        second.close()
        proxy.stop()
        server.stop()


class Stepped(BaseHTTPRequestHandler):
    """An upstream that sends one event, then holds the second until the client has the first
    (or 10 s have passed): a buffering proxy keeps the first event back, so the wait runs out."""

    seen_first = threading.Event()

    def do_POST(self):
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()  # HTTP/1.0 without a length: the body ends when the upstream closes
        for event in (b"data: first\n\n", b"data: [DONE]\n\n"):
            self.wfile.write(event)
            self.wfile.flush()
            Stepped.seen_first.wait(10)

    def log_message(self, *args):
        pass


def test_streamed_events_pass_unbuffered(tmp_path):
    """Server-sent events reach the client as they are made, not when the answer ends."""
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Stepped)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    proxy = Proxy(upstream.server_address[1], tmp_path)
    Stepped.seen_first.clear()
    try:
        started = time.monotonic()
        with proxy.client.stream("POST", "/v1/chat/completions", json={}) as answer:
            lines = answer.iter_lines()
            assert next(line for line in lines if line) == "data: first"
            first_after = time.monotonic() - started
            Stepped.seen_first.set()
            assert [line for line in lines if line] == ["data: [DONE]"]
    finally:
        proxy.stop()
        upstream.shutdown()
    assert first_after < 5, first_after  # buffered, it would come after the upstream's 10 s wait


def test_a_served_answer_streams_through_the_proxy(tmp_path, gateway_url):
    proxy = Proxy(int(gateway_url.rsplit(":", 1)[1]), tmp_path)
    body = {
        "model": "generation",
        "messages": [{"role": "user", "content": "What should we do next?"}],
        "max_tokens": 16,
        "stream": True,
    }
    try:
        with proxy.client.stream(
            "POST",
            "/v1/chat/completions",
            json=body,
            headers={"Authorization": f"Bearer {KEY['clinician']}"},
        ) as answer:
            assert answer.status_code == 200
            assert answer.headers["content-type"].startswith("text/event-stream")
            events = [line for line in answer.iter_lines() if line.startswith("data: ")]
    finally:
        proxy.stop()
    assert events[-1] == "data: [DONE]" and len(events) > 2
    assert json.loads(events[0][6:])["choices"][0]["delta"] is not None
