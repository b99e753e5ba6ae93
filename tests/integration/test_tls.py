"""Encryption in transit: a Bento serves HTTPS with the certificate its settings name, and a
client that verifies it (against a CA made here with `cryptography`) gets its answers; plain
HTTP and a client that does not trust the CA get nothing."""

from __future__ import annotations

import datetime
import ipaddress
import os
import sys
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.conftest import KEY, free_port, served_command

pytestmark = pytest.mark.integration

BENTOML = str(Path(sys.executable).with_name("bentoml"))


def certificates(directory: Path) -> tuple[Path, Path, Path]:
    """(CA certificate, server certificate for 127.0.0.1 and localhost, server key)."""
    now = datetime.datetime.now(datetime.UTC)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("medbento test CA"))
        .issuer_name(name("medbento test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    server = (
        x509.CertificateBuilder()
        .subject_name(name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = directory / "ca.pem", directory / "server.pem", directory / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    paths[2].chmod(0o600)
    return paths


def test_a_bento_serves_https_to_a_client_that_verifies_it(tmp_path):
    ca, cert, key = certificates(tmp_path)
    port = free_port()
    env = os.environ | {"MEDBENTO_TLS_CERTFILE": str(cert), "MEDBENTO_TLS_KEYFILE": str(key)}
    command = [BENTOML, "serve", "services.embedding:Embedding", "--port", str(port)]
    log = tmp_path / "server.log"
    with served_command(command, port, log, env, scheme="https", verify=str(ca)):
        headers = {"Authorization": f"Bearer {KEY['researcher']}"}
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=str(ca)) as https:
            answer = https.post("/v1/embeddings", json={"input": "dyspnea"}, headers=headers)
            assert answer.status_code == 200
            assert len(answer.json()["data"][0]["embedding"]) == 384
        with pytest.raises(httpx.HTTPError):  # no answer in clear text on the same port
            httpx.post(f"http://127.0.0.1:{port}/v1/embeddings", json={"input": "x"}, timeout=10)
        with pytest.raises(httpx.ConnectError):  # nor to a client that does not trust the CA
            httpx.get(f"https://127.0.0.1:{port}/readyz", timeout=10)
