"""Keys and roles, with no server: who a presented key is, and what a role may reach."""

from __future__ import annotations

import pytest

from medbento.access.policy import Keyring, allowed_roles, digest, principal_of, route_of

pytestmark = pytest.mark.unit

KEY = "mb-unit-test-key-0123456789"
RING = Keyring({digest(KEY): "researcher"})


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER", "BeArEr"])
def test_the_bearer_scheme_is_case_insensitive(scheme):
    identity = RING.identify(f"{scheme} {KEY}")
    assert identity is not None and identity.role == "researcher"
    assert identity.principal == principal_of(digest(KEY))


@pytest.mark.parametrize(
    "header",
    [None, "", KEY, f"Basic {KEY}", "Bearer", "Bearer ", f"Bearer {KEY}x", f"Token {KEY}"],
)
def test_anything_else_is_no_one(header):
    assert RING.identify(header) is None


def test_the_principal_is_never_the_key():
    principal = RING.identify(f"Bearer {KEY}").principal
    assert KEY not in principal and principal.startswith("key_")


@pytest.mark.parametrize(
    ("path", "roles"),
    [
        ("/livez", None),
        ("/readyz", None),
        ("/v1/embeddings", {"clinician", "researcher"}),
        ("/anonymize", {"clinician", "researcher"}),
        ("/audit/verify", {"auditor"}),
        ("/metrics", {"admin"}),
        ("/models/embedding/info", {"admin", "clinician", "researcher"}),
    ],
)
def test_the_route_policy(path, roles):
    public, allowed = allowed_roles(path)
    assert public and allowed == roles


def test_internal_apis_are_not_public_and_paths_are_named_not_echoed():
    assert allowed_roles("/encode") == (False, None)
    assert allowed_roles("/patients/Harriet-Quimby") == (False, None)
    assert (
        route_of("/conversations/Harriet Quimby/messages")
        == "/conversations/{conversation_id}/messages"
    )
    assert route_of("/models/123-45-6789/info") == "/models/{model_id}/info"
