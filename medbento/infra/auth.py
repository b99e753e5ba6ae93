"""API keys, roles and which routes each role may use.

A key is known only by its SHA-256; the principal id that logs and audit events carry is a
prefix of that digest, never the key. Presented keys are compared in constant time against
every known digest.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from medbento.settings import MODEL_IDS, Role, get_settings

log = logging.getLogger("medbento.auth")

ROLES: tuple[Role, ...] = ("clinician", "researcher", "auditor", "admin")
PHI_ROLES = {"clinician"}  # may see model output with PHI placeholders restored
MODEL_USERS = {"clinician", "researcher"}
EVERYONE = set(ROLES)

# (path pattern, roles allowed). A path that matches none is not public on an entry service:
# the model services' internal APIs answer 404 to the outside.
POLICY: list[tuple[re.Pattern, set[str] | None]] = [
    (re.compile(r"^/(livez|readyz|healthz)$"), None),  # orchestrators' probes stay open
    (re.compile(r"^/v1/(embeddings|chat/completions)$"), MODEL_USERS),
    (re.compile(r"^/anonymize$"), MODEL_USERS),
    (re.compile(r"^/models/[^/]+/predict$"), MODEL_USERS),
    (re.compile(r"^/conversations(/[^/]+(/messages)?)?$"), MODEL_USERS),
    (re.compile(r"^/audit/(events|verify)$"), {"auditor"}),
    (
        re.compile(r"^/(v1/models|models|models/[^/]+/(info|health)|health)$"),
        {"admin", *MODEL_USERS},
    ),
    (re.compile(r"^/metrics$"), {"admin"}),
    (re.compile(r"^/(docs\.json|schema\.json)?$"), EVERYONE),
]


@dataclass(frozen=True)
class Identity:
    principal: str
    role: str

    @property
    def sees_phi(self) -> bool:
        return self.role in PHI_ROLES


ANONYMOUS = Identity("unauthenticated", "none")
IDENTITY: contextvars.ContextVar[Identity] = contextvars.ContextVar("identity", default=ANONYMOUS)


def current() -> Identity:
    return IDENTITY.get()


def allowed_roles(path: str) -> tuple[bool, set[str] | None]:
    """(is the path public, roles that may use it; None means no key needed)."""
    for pattern, roles in POLICY:
        if pattern.match(path):
            return True, roles
    return False, None


def route_of(path: str) -> str:
    """A public path as logs and audit events name it. A path parameter is whatever the client
    put there, PHI included: it is written as its name (a served model's id is kept)."""
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "conversations":
        parts[2] = "{conversation_id}"
    elif len(parts) > 3 and parts[1] == "models" and parts[2] not in MODEL_IDS:
        parts[2] = "{model_id}"
    return "/".join(parts)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def principal_of(key_digest: str) -> str:
    return f"key_{key_digest[:12]}"


class Keyring:
    def __init__(self, digests: dict[str, str]) -> None:
        self._entries = list(digests.items())  # (sha256 of key, role)

    def identify(self, authorization: str | None) -> Identity | None:
        # The scheme name is case-insensitive (RFC 7235): "bearer" and "BEARER" are Bearer.
        scheme, _, credentials = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not credentials.strip():
            return None
        presented = digest(credentials.strip())
        match: Identity | None = None
        for known, role in self._entries:  # no early exit: the time does not depend on the key
            if hmac.compare_digest(known, presented):
                match = Identity(principal_of(known), role)
        return match


@functools.cache
def keyring() -> Keyring:
    settings = get_settings()
    digests = {digest(key): role for key, role in settings.api_keys.items()}
    keys_file = settings.data_dir / "api-keys.json"
    if keys_file.is_file():  # written by `medbento keys create`: digests only
        digests.update(json.loads(keys_file.read_text()))
    if not digests and settings.env == "development":
        digests = {digest(key): role for key, role in development_keys(settings.data_dir).items()}
    return Keyring(digests)


def development_keys(data_dir: Path) -> dict[str, str]:
    """Development with no keys configured: one key per role, made once, kept 0600."""
    path = data_dir / "dev-api-keys.json"
    if not path.is_file():
        data_dir.mkdir(parents=True, exist_ok=True)
        keys = {f"mb-dev-{role}-{secrets.token_urlsafe(24)}": role for role in ROLES}
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            json.dump(keys, handle, indent=2)
        try:
            os.link(draft, path)
            log.warning("no API keys configured: development keys written to %s", path)
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    return json.loads(path.read_text())


def create_key(role: str, data_dir: Path) -> str:
    """A new key for `role`; only its digest is stored (in data_dir/api-keys.json, 0600)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    key = f"mb-{secrets.token_urlsafe(32)}"
    path = data_dir / "api-keys.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    stored = json.loads(path.read_text()) if path.is_file() else {}
    stored[digest(key)] = role
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(stored, handle, indent=2)
    return key
