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
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

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
    (re.compile(r"^/admin/keys(/[^/]+/(revoke|rotate))?$"), {"admin"}),
    (re.compile(r"^/(docs\.json|schema\.json)?$"), EVERYONE),
]


@dataclass(frozen=True)
class Identity:
    principal: str
    role: str
    models: frozenset[str] | None = None  # a key's allow-list of model ids; None: all

    @property
    def sees_phi(self) -> bool:
        return self.role in PHI_ROLES

    def may_use(self, model: str | None) -> bool:
        return model is None or self.models is None or model in self.models


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


# The model a route reaches, for keys limited to some models.
MODEL_ROUTES = [
    (re.compile(r"^/v1/embeddings$"), "embedding"),
    (re.compile(r"^/v1/chat/completions$"), "generation"),
    (re.compile(r"^/conversations(/|$)"), "conversation"),
    (re.compile(r"^/models/(?P<id>[^/]+)/predict$"), None),
]


def model_of(path: str) -> str | None:
    for pattern, model in MODEL_ROUTES:
        if match := pattern.match(path):
            return model or match.group("id")
    return None


def route_of(path: str) -> str:
    """A public path as logs and audit events name it. A path parameter is whatever the client
    put there, PHI included: it is written as its name (a served model's id is kept)."""
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "conversations":
        parts[2] = "{conversation_id}"
    elif len(parts) > 3 and parts[1:3] == ["admin", "keys"]:
        parts[3] = "{key_id}"
    elif len(parts) > 3 and parts[1] == "models" and parts[2] not in MODEL_IDS:
        parts[2] = "{model_id}"
    return "/".join(parts)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def principal_of(key_digest: str) -> str:
    return f"key_{key_digest[:12]}"


KEYS_REFRESH_S = 2.0  # how stale an entry service's copy of the database's keys may be
# A key not known is looked for again if the copy is older than this: a key just created works
# at once, and a flood of wrong keys costs at most four reads a second per process.
KEYS_MISS_REFRESH_S = 0.25


class KeyRecords(Protocol):
    """The database's keys as the keyring uses them (medbento/access/keys.py's KeyStore)."""

    def grants(self) -> dict: ...

    def mark_used(self, key_ids: set[str]) -> None: ...


LAST_USE_EVERY_S = 60.0  # a key's "last used" is written at most this often by each process


class Keyring:
    """The keys an entry service accepts: the bootstrap ones (MEDBENTO_API_KEYS, development
    keys) and the database's live keys (medbento/access/keys.py), read again at most every
    KEYS_REFRESH_S, so a revoked or expired key is refused on every replica within seconds."""

    def __init__(self, digests: dict[str, str], records: KeyRecords | None = None) -> None:
        self._entries = list(digests.items())  # (sha256 of key, role)
        self.records = records
        self._grants: dict = {}
        self._read_at = -KEYS_REFRESH_S
        self._reading = threading.Lock()
        self._unreadable = False
        self._used: set[str] = set()
        self._used_written_at = time.monotonic()

    def live_grants(self, max_age_s: float = KEYS_REFRESH_S) -> dict:
        stale = time.monotonic() - self._read_at >= max_age_s
        if self.records and stale and self._reading.acquire(blocking=False):
            try:
                self._grants = self.records.grants()
                self._write_last_use()
                if self._unreadable:
                    log.warning("key store readable again")
                self._unreadable = False
            except Exception as error:
                # The last keys read stay: with the database away the audit trail is too, and
                # every request is refused (fail closed) whatever its key.
                if not self._unreadable:
                    log.error("key store unreadable (%s): last keys kept", type(error).__name__)
                self._unreadable = True
            finally:
                self._read_at = time.monotonic()
                self._reading.release()
        return self._grants

    def _write_last_use(self) -> None:
        """`keys list` shows when each key was last used: to the minute, not per request."""
        if self._used and time.monotonic() - self._used_written_at >= LAST_USE_EVERY_S:
            used, self._used = self._used, set()
            self._used_written_at = time.monotonic()
            self.records.mark_used(used)

    def forget(self) -> None:
        """Read the keys again on the next request (this process just changed them)."""
        self._read_at = -KEYS_REFRESH_S

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
        # Looked up by the key's SHA-256: the time taken tells nothing about the key itself.
        grant = self.live_grants().get(presented)
        if grant is None and match is None:
            grant = self.live_grants(KEYS_MISS_REFRESH_S).get(presented)
        if grant is not None and (grant.until is None or grant.until > datetime.now(UTC)):
            match = Identity(grant.key_id, grant.role, grant.models)
            self._used.add(grant.key_id)
        return match


@functools.cache
def keyring() -> Keyring:
    from medbento.access.keys import KeyStore

    settings = get_settings()
    digests = {digest(key): role for key, role in settings.api_keys.items()}
    keys_file = settings.data_dir / "api-keys.json"
    if keys_file.is_file():  # written by `medbento keys create` before keys were records
        digests.update(json.loads(keys_file.read_text()))
    if not digests and settings.env == "development":
        # Beside any keys made with `medbento keys`: a newcomer who makes one still has the
        # keys the README's examples read (they once vanished at the next start).
        digests = {digest(key): role for key, role in development_keys(settings.data_dir).items()}
    return Keyring(digests, KeyStore(settings.database_for("audit")))


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
