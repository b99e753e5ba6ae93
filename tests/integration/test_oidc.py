"""OpenID Connect bearer tokens (medbento/access/oidc.py) against a JWKS served over real HTTP:
RSA and EC keys made here, and the attacks a reviewer tries first: expired, not yet valid,
wrong audience, wrong issuer, `alg: none`, HS256 signed with the public key, a key of the
right id but another key pair; a rotated key found by fetching the JWKS again; the role taken
from a claim through a mapping (an unmapped role may use nothing); a served Bento that takes
tokens and keys side by side and audits the token's hashed subject."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from medbento.access.oidc import UNMAPPED, TokenVerifier
from tests.conftest import KEY, serve

pytestmark = pytest.mark.integration

ISSUER, AUDIENCE = "https://login.hospital.example/realms/clinic", "medbento"


def jwk_of(private_key, kid: str) -> dict:
    algorithm = (
        jwt.algorithms.RSAAlgorithm
        if isinstance(private_key, rsa.RSAPrivateKey)
        else jwt.algorithms.ECAlgorithm
    )
    jwk = json.loads(algorithm.to_jwk(private_key.public_key()))
    return jwk | {"kid": kid, "use": "sig"}


class JWKSServer:
    """A JWKS endpoint whose key set a test may change (a rotation); counts the fetches."""

    def __init__(self, keys: list[dict]) -> None:
        self.keys, self.fetches = keys, 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                owner.fetches += 1
                body = json.dumps({"keys": owner.keys}).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/certs"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="module")
def keys():
    return {
        "rsa": rsa.generate_private_key(public_exponent=65537, key_size=2048),
        "ec": ec.generate_private_key(ec.SECP256R1()),
        "rsa2": rsa.generate_private_key(public_exponent=65537, key_size=2048),
        "stranger": rsa.generate_private_key(public_exponent=65537, key_size=2048),
    }


@pytest.fixture
def jwks(keys):
    server = JWKSServer([jwk_of(keys["rsa"], "rsa-1"), jwk_of(keys["ec"], "ec-1")])
    yield server
    server.close()


def token(key, kid: str, algorithm: str = "RS256", **claims) -> str:
    now = int(time.time())
    payload = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "f3b1c2d4-alice",
        "iat": now,
        "nbf": now,
        "exp": now + 300,
        "roles": ["clinician"],
    } | claims
    return jwt.encode(payload, key, algorithm=algorithm, headers={"kid": kid})


def verifier(jwks_url: str, **options) -> TokenVerifier:
    return TokenVerifier(issuer=ISSUER, audience=AUDIENCE, jwks_url=jwks_url, **options)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_valid_tokens_name_a_hashed_subject_and_a_mapped_role(jwks, keys):
    check = verifier(jwks.url)
    rsa_identity = check.identify(token(keys["rsa"], "rsa-1"))
    ec_identity = check.identify(token(keys["ec"], "ec-1", "ES256", roles=["researcher"]))
    assert (rsa_identity.role, ec_identity.role) == ("clinician", "researcher")
    assert rsa_identity.principal.startswith("sub_") and "alice" not in rsa_identity.principal
    assert rsa_identity.principal == ec_identity.principal  # same issuer and subject
    assert jwks.fetches == 1  # the key set is cached


def bad_tokens(keys) -> dict[str, str]:
    """The tokens a reviewer tries, by name."""
    now = int(time.time())
    refused = {
        "expired": token(keys["rsa"], "rsa-1", exp=now - 120),
        "not yet valid": token(keys["rsa"], "rsa-1", nbf=now + 600),
        "wrong audience": token(keys["rsa"], "rsa-1", aud="another-app"),
        "wrong issuer": token(keys["rsa"], "rsa-1", iss="https://evil.example"),
        "no subject": jwt.encode(
            {"iss": ISSUER, "aud": AUDIENCE, "exp": now + 300},
            keys["rsa"],
            algorithm="RS256",
            headers={"kid": "rsa-1"},
        ),
        "another key pair, the same key id": token(keys["stranger"], "rsa-1"),
        "an unknown key id": token(keys["stranger"], "stranger-1"),
        "alg none": jwt.encode(
            {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": now + 300, "roles": ["admin"]},
            None,
            algorithm="none",
        ),
    }
    # HS256 with the public key as the HMAC secret: the confusion attack, made by hand (PyJWT
    # itself refuses to sign HMAC with a PEM key).
    public_pem = (
        keys["rsa"]
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "rsa-1"}).encode())
    body = b64(
        json.dumps(
            {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": now + 300, "roles": ["admin"]}
        ).encode()
    )
    signature = hmac.new(public_pem, f"{header}.{body}".encode(), hashlib.sha256).digest()
    refused["HS256 with the public key"] = f"{header}.{body}.{b64(signature)}"
    return refused


def test_the_attacks_a_reviewer_tries_are_refused(jwks, keys):
    check = verifier(jwks.url)
    now = int(time.time())
    for name, bad in bad_tokens(keys).items():
        assert check.identify(bad) is None, name
    # Within the clock skew (60 s by default), an expiry just past is still accepted.
    assert check.identify(token(keys["rsa"], "rsa-1", exp=now - 30)) is not None


def test_a_rotated_key_is_found_by_fetching_the_key_set_again(jwks, keys):
    check = verifier(jwks.url, refetch_after_s=0)
    assert check.identify(token(keys["rsa"], "rsa-1")) is not None
    jwks.keys = [jwk_of(keys["rsa2"], "rsa-2")]  # the provider rotates its signing key
    assert check.identify(token(keys["rsa2"], "rsa-2")) is not None
    assert jwks.fetches == 2
    assert check.identify(token(keys["rsa"], "rsa-1")) is None  # the retired key is gone


def test_roles_come_from_a_claim_through_a_mapping(jwks, keys):
    check = verifier(
        jwks.url,
        role_claim="realm_access.roles",
        role_map={"medbento-doctors": "clinician", "medbento-ops": "admin"},
    )
    doctor = token(keys["rsa"], "rsa-1", realm_access={"roles": ["offline", "medbento-doctors"]})
    stranger = token(keys["rsa"], "rsa-1", realm_access={"roles": ["offline"]})
    assert check.identify(doctor).role == "clinician"
    assert check.identify(stranger).role == UNMAPPED  # authenticated, may use nothing


def test_a_jwks_file_for_sites_with_no_way_out(keys):
    check = TokenVerifier(
        issuer=ISSUER, audience=AUDIENCE, jwks={"keys": [jwk_of(keys["ec"], "ec-1")]}
    )
    assert check.identify(token(keys["ec"], "ec-1", "ES256")).role == "clinician"
    assert check.identify(token(keys["rsa"], "rsa-1")) is None


def test_symmetric_algorithms_cannot_be_configured():
    with pytest.raises(ValueError):
        TokenVerifier(issuer=ISSUER, audience=AUDIENCE, jwks={"keys": []}, algorithms=["HS256"])


def test_a_served_bento_takes_tokens_beside_keys(jwks, keys, tmp_path):
    data_dir = tmp_path / "data"
    server = serve(
        "services.embedding:Embedding",
        {
            "MEDBENTO_OIDC_ISSUER": ISSUER,
            "MEDBENTO_OIDC_AUDIENCE": AUDIENCE,
            "MEDBENTO_OIDC_JWKS_URL": jwks.url,
            "MEDBENTO_OIDC_ROLE_CLAIM": "groups",
            "MEDBENTO_OIDC_ROLE_MAP": json.dumps({"g-research": "researcher"}),
            "MEDBENTO_DATA_DIR": str(data_dir),
        },
    )

    def embed(credential: str) -> httpx.Response:
        return httpx.post(
            f"{server.url}/v1/embeddings",
            json={"input": "chest pain"},
            headers={"Authorization": f"Bearer {credential}"},
            timeout=60,
        )

    try:
        good = token(keys["rsa"], "rsa-1", groups=["g-research"])
        assert embed(good).status_code == 200
        assert embed(KEY["researcher"]).status_code == 200  # keys still work beside tokens
        for name, bad in bad_tokens(keys).items():
            answer = embed(bad)
            assert answer.status_code == 401, name
            error = answer.json()["error"]  # the documented shape, the token not echoed
            assert set(error) == {"code", "message", "request_id"}, name
            assert error["code"] == "unauthorized" and bad not in answer.text, name
        assert embed(token(keys["rsa"], "rsa-1", groups=["visitors"])).status_code == 403
    finally:
        server.stop()
    with sqlite3.connect(data_dir / "audit.db") as db:
        principals = {p for (p,) in db.execute("SELECT principal FROM audit_event")}
    assert any(p.startswith("sub_") for p in principals), principals
    assert not any("alice" in p for p in principals)
