"""medbento settings: one pydantic-settings class, read from MEDBENTO_* variables.

Invalid values stop the process at import time with one line on stderr, so `bentoml serve`
fails before any worker starts instead of half-starting a misconfigured deployment.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import sys
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

Environment = Literal["development", "testing", "staging", "production"]
Role = Literal["clinician", "researcher", "auditor", "admin"]
PHIPolicy = Literal["anonymize", "reject", "off"]

MODEL_IDS = ("embedding", "generation", "conversation")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MEDBENTO_", extra="ignore", frozen=True)

    env: Environment = "development"
    data_dir: Path = Path.home() / ".medbento"
    # Empty means the embedded default: SQLite files under data_dir (one per store).
    database_url: str = ""
    # Unset means in-process cache, rate limits and session store.
    redis_url: str | None = None
    api_keys: dict[str, Role] = Field(default_factory=dict)
    rate_limit: str = "100/minute"  # per principal and per client address, moving window
    phi_policy: PHIPolicy = "anonymize"
    phi_operator: Literal["placeholder", "surrogate", "mask", "redact", "hash", "pseudonymize"] = (
        "placeholder"
    )
    # Model output is scanned for PHI for roles that may not see PHI; "all": for every role.
    phi_scan_output: Literal["restricted", "all"] = "restricted"
    # Retention, applied on a schedule by the services themselves (medbento/audit/retention.py):
    # audit events after six years (HIPAA's documentation retention), an idle conversation
    # after 30 days. Fractions of a day are allowed.
    audit_retention_days: float = Field(2190, gt=0)
    conversation_ttl_days: float = Field(30, gt=0)
    retention_interval_s: int = Field(3600, gt=0)
    cache_ttl_s: int = Field(3600, ge=0)  # 0 turns the response cache off
    cache_max_entries: int = Field(10_000, gt=0)  # in-process cache only
    cors_origins: list[str] = Field(default_factory=list)
    # Addresses or networks of the proxies in front (an ingress, a load balancer) whose
    # X-Forwarded-For names the client: rate limits count the client, not the proxy. Empty:
    # the header is ignored and the connection's own address counts.
    trusted_proxies: list[str] = Field(default_factory=list)
    # HTTPS: PHI crosses the network in every request. Serve it directly with a certificate
    # and its key (PEM files), or state that a proxy in front terminates TLS. Production
    # refuses plain HTTP otherwise.
    tls_certfile: Path | None = None
    tls_keyfile: Path | None = None
    tls_behind_proxy: bool = False
    # OpenID Connect bearer tokens (medbento/access/oidc.py), beside the API keys: unset issuer
    # means keys only. The keys that sign tokens come from a JWKS URL or, air-gapped, a file.
    oidc_issuer: str | None = None
    oidc_audience: str = ""
    oidc_jwks_url: str | None = None
    oidc_jwks_file: Path | None = None
    oidc_role_claim: str = "roles"  # or "groups", or a dotted path: "realm_access.roles"
    oidc_role_map: dict[str, Role] = Field(default_factory=dict)  # claim value -> role
    oidc_algorithms: list[str] = Field(default_factory=lambda: ["RS256", "ES256"])
    oidc_leeway_s: float = Field(60, ge=0, le=300)  # clock skew allowed on exp and nbf
    # Keys HMACs (cache keys, audit digests). Empty in development/testing means a random
    # key generated once and kept under data_dir.
    secret_key: SecretStr = SecretStr("")

    # Request limits (checked at the gateway, before any model runs).
    max_body_bytes: int = Field(1_048_576, gt=0)
    max_texts: int = Field(128, gt=0)
    max_chars: int = Field(8192, gt=0)
    max_tokens: int = Field(256, gt=0)

    # Models in the BentoML model store.
    embedder_tag: str = "clinical-embedder:latest"
    generator_tag: str = "clinical-generator:latest"
    generator_quantization: Literal["none", "int8", "int4"] = "none"
    generator_runtime: Literal["torch", "onnx"] = "torch"
    # auto: ONNX Runtime on a CPU-only host, torch on a GPU; onnx-int8 is faster on some
    # CPUs but its vectors drift (README, "Measured": cosine to fp32, retrieval agreement).
    embedder_runtime: Literal["auto", "torch", "onnx", "onnx-int8"] = "auto"

    # Adaptive batching. The window is as long as the request timeout: BentoML's dispatcher
    # answers 503 once a queued request's estimated latency passes max_latency_ms, and a
    # request that can still finish within the timeout should queue, not fail.
    request_timeout_s: int = Field(60, gt=0)
    embed_max_batch_size: int = Field(32, gt=0)  # 1: no adaptive batching
    generate_max_batch_size: int = Field(8, gt=0)

    def database_for(self, store: Literal["audit", "sessions"]) -> str:
        """The database URL for a store: MEDBENTO_DATABASE_URL, or an embedded SQLite file
        per store (separate files: SQLite serializes writers per file)."""
        return self.database_url or f"sqlite:///{self.data_dir / f'{store}.db'}"

    @property
    def batch_max_latency_ms(self) -> int:
        return self.request_timeout_s * 1000

    def batching(self, max_batch_size: int) -> dict:
        """`@bentoml.api` arguments for a model API: adaptive batching up to max_batch_size,
        or none at 1 (each request is its own call; BentoML refuses a batch size of 1)."""
        if max_batch_size == 1:
            return {"batchable": False}
        return {
            "batchable": True,
            "max_batch_size": max_batch_size,
            "max_latency_ms": self.batch_max_latency_ms,
        }

    @field_validator("rate_limit")
    @classmethod
    def _parse_rate_limit(cls, value: str) -> str:
        from limits import parse

        try:
            parse(value)
        except ValueError:
            raise ValueError("expected a limit such as '100/minute' or '10/second'") from None
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _parse_proxies(cls, value: list[str]) -> list[str]:
        import ipaddress

        try:  # "10.0.0.7/24" is taken as the network 10.0.0.0/24, as it is written out
            return [str(ipaddress.ip_network(entry.strip(), strict=False)) for entry in value]
        except ValueError:
            raise ValueError("expected IP addresses or networks (CIDR)") from None

    def _check_oidc(self, hardened: bool) -> None:
        if not self.oidc_audience:
            raise ValueError("MEDBENTO_OIDC_AUDIENCE: set it with MEDBENTO_OIDC_ISSUER")
        if (self.oidc_jwks_url is None) == (self.oidc_jwks_file is None):
            raise ValueError("MEDBENTO_OIDC_JWKS_URL or MEDBENTO_OIDC_JWKS_FILE: one of them")
        if self.oidc_jwks_file is not None and not self.oidc_jwks_file.is_file():
            raise ValueError("MEDBENTO_OIDC_JWKS_FILE: no such file")
        if hardened and self.oidc_jwks_url and not self.oidc_jwks_url.startswith("https://"):
            raise ValueError("MEDBENTO_OIDC_JWKS_URL: https:// outside development and testing")
        if any(a.lower() == "none" or a.upper().startswith("HS") for a in self.oidc_algorithms):
            raise ValueError("MEDBENTO_OIDC_ALGORITHMS: asymmetric algorithms only (RS*, ES*)")

    @model_validator(mode="after")
    def _check_environment(self) -> Settings:
        hardened = self.env in ("staging", "production")
        if (self.tls_certfile is None) != (self.tls_keyfile is None):
            raise ValueError("MEDBENTO_TLS_CERTFILE and MEDBENTO_TLS_KEYFILE go together")
        for tls_file in (self.tls_certfile, self.tls_keyfile):
            if tls_file is not None and not tls_file.is_file():
                raise ValueError("MEDBENTO_TLS_CERTFILE/KEYFILE: no such file")
        if self.oidc_issuer:
            self._check_oidc(hardened=self.env in ("staging", "production"))
        if self.env == "production":
            if self.database_for("audit").startswith("sqlite"):
                raise ValueError("MEDBENTO_DATABASE_URL: production needs PostgreSQL, not SQLite")
            if "*" in self.cors_origins:
                raise ValueError("MEDBENTO_CORS_ORIGINS: wildcard origin refused in production")
            if not self.api_keys:
                raise ValueError("MEDBENTO_API_KEYS: production needs at least one API key")
            if self.tls_certfile is None and not self.tls_behind_proxy:
                raise ValueError(
                    "MEDBENTO_TLS_CERTFILE: production serves HTTPS; set MEDBENTO_TLS_CERTFILE "
                    "and MEDBENTO_TLS_KEYFILE, or MEDBENTO_TLS_BEHIND_PROXY=true when a proxy "
                    "in front terminates TLS"
                )
        if hardened:
            if self.phi_policy == "off":
                raise ValueError(f"MEDBENTO_PHI_POLICY: 'off' is refused in {self.env}")
            if not self.secret_key.get_secret_value():
                raise ValueError(f"MEDBENTO_SECRET_KEY: required in {self.env}")
        return self


def http_config(settings: Settings) -> dict:
    """BentoML `http` config of an entry service: CORS for the configured origins only.

    Also tells the HTTP server which proxies to believe: uvicorn, which BentoML starts after
    importing the service, reads FORWARDED_ALLOW_IPS and would otherwise trust 127.0.0.1, so
    that anyone on the host could pick the address the rate limit counts."""
    os.environ["FORWARDED_ALLOW_IPS"] = ",".join(settings.trusted_proxies)
    if settings.tls_behind_proxy and not settings.trusted_proxies:
        # Not an error (the proxy may add no forwarding headers), but then every client is
        # logged, audited and rate-limited as the proxy's address.
        logging.getLogger("medbento.settings").warning(
            "MEDBENTO_TLS_BEHIND_PROXY is set without MEDBENTO_TRUSTED_PROXIES: client "
            "addresses are the proxy's"
        )
    return {
        "cors": {
            "enabled": bool(settings.cors_origins),
            "access_control_allow_origins": settings.cors_origins,
            "access_control_allow_methods": ["GET", "POST", "OPTIONS"],
            "access_control_allow_headers": ["Authorization", "Content-Type", "X-Request-ID"],
            "access_control_expose_headers": ["X-Request-ID", "Retry-After"],
        }
    }


def tls_config(settings: Settings) -> dict:
    """BentoML `ssl` config of an entry service: HTTPS with the configured certificate."""
    if settings.tls_certfile is None:
        return {"enabled": False}
    return {
        "enabled": True,
        "certfile": str(settings.tls_certfile),
        "keyfile": str(settings.tls_keyfile),
    }


def describe(error: ValidationError) -> str:
    """One line naming the first bad setting, never its value (it may be a secret)."""
    first = error.errors(include_input=False, include_url=False)[0]
    # The setting's name only: deeper parts of the location can be data, such as the keys of
    # MEDBENTO_API_KEYS, which are the secrets themselves.
    field = str(first["loc"][0]) if first["loc"] else ""
    message = first["msg"].removeprefix("Value error, ")
    if field:
        return f"medbento: invalid setting MEDBENTO_{field.upper()}: {message}"
    return f"medbento: invalid settings: {message}"


@functools.cache
def get_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        print(describe(error), file=sys.stderr)
        raise SystemExit(2) from None
    except SettingsError as error:  # a value that is not JSON where JSON is expected
        print(f"medbento: invalid settings: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def secret_key() -> bytes:
    """The deployment secret. Staging and production must set MEDBENTO_SECRET_KEY; elsewhere a
    random key is created once under the data dir (0600), shared by every local process."""
    settings = get_settings()
    if value := settings.secret_key.get_secret_value():
        return value.encode()
    path = settings.data_dir / "secret.key"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        # Written whole under a private name, then linked: a concurrent reader never sees a
        # half-written key, and of two racing processes the first link wins for both.
        draft = path.with_name(f".secret.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    return path.read_bytes().strip()


@functools.cache
def derive_key(purpose: str) -> bytes:
    """A 32-byte key for one purpose (HKDF-SHA256 of the secret), so no two uses share a key."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(
        secret_key()
    )
