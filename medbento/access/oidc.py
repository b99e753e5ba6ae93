"""OpenID Connect bearer tokens from the hospital's identity provider (Entra ID, Okta,
Keycloak): a JWT is accepted when its signature verifies against the issuer's published keys
(JWKS: a URL, cached and fetched again for a key id it does not know; or a file, for sites
with no way out), its `iss` and `aud` are the configured ones, and `exp`/`nbf` hold within a
small clock skew. Only asymmetric algorithms are accepted: `alg: none` and HS256 signed with
the public key (the classic confusion) are refused before any key is used.

The role comes from a configured claim (`roles`, `groups`, or a dotted path such as
`realm_access.roles`) through a mapping to medbento's four roles; a token whose claim maps to
none is authenticated but may use nothing (403). Logs and audit events name the principal as
`sub_` and twelve hex digits of a hash of issuer and subject, like a key's id.

PyJWT does the parsing and checking (with `cryptography`); nothing here parses a token.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from typing import Any

import jwt

from medbento.access.policy import Identity
from medbento.settings import get_settings

log = logging.getLogger("medbento.auth")

# Three base64url parts, the first a JSON object ("eyJ" is '{"'): a key never looks like this.
JWT_SHAPE = re.compile(r"eyJ[\w-]*\.[\w-]+\.[\w-]+")
UNMAPPED = "none"  # the role of a token whose claim maps to no medbento role: every route 403


class TokenVerifier:
    def __init__(
        self,
        *,
        issuer: str,
        audience: str,
        jwks_url: str | None = None,
        jwks: dict | None = None,
        role_claim: str = "roles",
        role_map: dict[str, str] | None = None,
        algorithms: list[str] | None = None,
        leeway_s: float = 60,
        refetch_after_s: float = 5,
    ) -> None:
        self.issuer, self.audience = issuer, audience
        self.role_path = role_claim.split(".")
        self.role_map = role_map or {r: r for r in ("clinician", "researcher", "auditor", "admin")}
        self.algorithms = algorithms or ["RS256", "ES256"]
        if any(a.lower() == "none" or a.upper().startswith("HS") for a in self.algorithms):
            raise ValueError("OIDC algorithms: only asymmetric ones (RS*, PS*, ES*, EdDSA)")
        self.leeway_s = leeway_s
        # A URL's keys are cached for five minutes and fetched again (at most every
        # refetch_after_s) when a token names a key id not among them: a rotated key works.
        self._client = (
            jwt.PyJWKClient(jwks_url, lifespan=300, timeout=5, cooldown_duration=refetch_after_s)
            if jwks_url
            else None
        )
        self._keyset = jwt.PyJWKSet.from_dict(jwks) if jwks is not None else None
        if (self._client is None) == (self._keyset is None):
            raise ValueError("OIDC: a JWKS URL or a JWKS file, one of them")

    def identify(self, token: str) -> Identity | None:
        """The token's identity, or None when it is not valid (401). Blocking (a JWKS fetch
        on a key id not seen yet): call it from a thread."""
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") not in self.algorithms:
                return None
            claims = jwt.decode(
                token,
                self._key(header.get("kid")),
                algorithms=self.algorithms,
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway_s,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except (jwt.PyJWTError, KeyError, ValueError) as error:
            # The reason, never the token or its claims.
            log.info("bearer token refused: %s", type(error).__name__)
            return None
        subject = hashlib.sha256(f"{claims['iss']}\x00{claims['sub']}".encode()).hexdigest()
        return Identity(f"sub_{subject[:12]}", self._role(claims))

    def _key(self, kid: str | None) -> Any:
        if self._client is not None:
            if kid is None:
                raise KeyError("kid")
            return self._client.get_signing_key(kid).key
        for key in self._keyset.keys:
            if kid is None or key.key_id == kid:
                return key.key
        raise KeyError("kid")

    def _role(self, claims: dict) -> str:
        value: Any = claims
        for part in self.role_path:
            value = value.get(part) if isinstance(value, dict) else None
        values = [value] if isinstance(value, str) else list(value or [])
        # The mapping's order decides between several: its first entry the token holds.
        for claim_value, role in self.role_map.items():
            if claim_value in values:
                return role
        return UNMAPPED


@functools.cache
def token_verifier() -> TokenVerifier | None:
    """The configured verifier, or None when no issuer is configured (keys only)."""
    settings = get_settings()
    if not settings.oidc_issuer:
        return None
    import json

    return TokenVerifier(
        issuer=settings.oidc_issuer,
        audience=settings.oidc_audience,
        jwks_url=settings.oidc_jwks_url,
        jwks=json.loads(settings.oidc_jwks_file.read_text()) if settings.oidc_jwks_file else None,
        role_claim=settings.oidc_role_claim,
        role_map=settings.oidc_role_map or None,
        algorithms=settings.oidc_algorithms,
        leeway_s=settings.oidc_leeway_s,
    )
