"""API keys as records in the database beside the audit trail (PostgreSQL in production, the
embedded SQLite file otherwise): created, listed, revoked and rotated with `medbento keys` or
by an admin over the API, each change written in the same transaction as its audit event.

A key is stored as its SHA-256 only; its id (`key_` and twelve hex digits of that hash) is the
principal that logs and audit events name. Every entry service reads the live keys again at
most every KEYS_REFRESH_S seconds (a short-lived cache: medbento/access/policy.py): a revoked or
expired key is refused on every replica within that time, with no restart and nothing else to
run. A cache was chosen over PostgreSQL LISTEN/NOTIFY or Redis because it works the same on
both stores, needs no connection held open per process, and its bound is easy to state.
"""

from __future__ import annotations

import getpass
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Field, Session, SQLModel, or_, select, update

from medbento.access.policy import ROLES, digest, principal_of
from medbento.audit.records import EventIn
from medbento.audit.store import AuditStore
from medbento.settings import MODEL_IDS, get_settings
from medbento.stores.database import create_tables, sql_engine


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_key"
    key_id: str = Field(primary_key=True)
    digest: str = Field(unique=True)
    role: str
    models: str | None = None  # a JSON list of model ids; None: every model the role may use
    expires_at: datetime | None = None
    created_at: datetime
    created_by: str
    revoked_at: datetime | None = None  # a rotation's old key: a moment in the future
    revoked_by: str | None = None
    replaced_by: str | None = None
    last_used_at: datetime | None = None  # to the minute (medbento/access/policy.py)


@dataclass(frozen=True)
class Grant:
    """What a live key allows, as an entry service keeps it between refreshes."""

    key_id: str
    role: str
    models: frozenset[str] | None
    until: datetime | None  # the earlier of its expiry and a rotation's revocation


class UnknownKey(LookupError):
    """No such key, or it is revoked already."""


def cli_operator() -> str:
    """Who ran `medbento keys`: the operating-system account, as the audit event names it."""
    return f"cli:{getpass.getuser()}"


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands datetimes back without their zone; they were written in UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


class KeyStore:
    def __init__(self, url: str | None = None) -> None:
        url = url or get_settings().database_for("audit")
        self.audit = AuditStore(url)
        self.engine = sql_engine(url, immediate=True)
        create_tables(self.engine, [ApiKey.__table__])

    # --- changes: each with its audit event, in one transaction ----------------------------

    def create(
        self,
        role: str,
        by: str,
        *,
        expires_at: datetime | None = None,
        models: list[str] | None = None,
    ) -> tuple[str, ApiKey]:
        """A new key, returned once: only its hash is stored."""
        with Session(self.engine) as session:
            key, record = self._add(session, role, by, expires_at, models)
            self._audit(session, by, f"key create {record.key_id} role={role}")
            session.commit()
            session.refresh(record)
        return key, record

    def revoke(self, key_id: str, by: str) -> ApiKey:
        with Session(self.engine) as session:
            record = self._live(session, key_id)
            record.revoked_at, record.revoked_by = _now(), by
            session.add(record)
            self._audit(session, by, f"key revoke {key_id}")
            session.commit()
            session.refresh(record)
        return record

    def rotate(
        self, key_id: str, by: str, *, grace: timedelta = timedelta(0)
    ) -> tuple[str, ApiKey]:
        """A new key with the old one's role, models and expiry; the old one is revoked now,
        or after `grace` (clients switch over without an outage)."""
        with Session(self.engine) as session:
            old = self._live(session, key_id)
            models = json.loads(old.models) if old.models is not None else None
            key, new = self._add(session, old.role, by, old.expires_at, models)
            old.revoked_at, old.revoked_by, old.replaced_by = _now() + grace, by, new.key_id
            session.add(old)
            self._audit(session, by, f"key rotate {key_id} to {new.key_id} grace={grace}")
            session.commit()
            session.refresh(new)
        return key, new

    @staticmethod
    def _add(
        session: Session,
        role: str,
        by: str,
        expires_at: datetime | None,
        models: list[str] | None,
    ) -> tuple[str, ApiKey]:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if models is not None and not set(models) <= set(MODEL_IDS):
            raise ValueError(f"models must be among {', '.join(MODEL_IDS)}")
        if expires_at is not None and _aware(expires_at) <= _now():
            raise ValueError("the expiry is in the past")
        key = f"mb-{secrets.token_urlsafe(32)}"
        record = ApiKey(
            key_id=principal_of(digest(key)),
            digest=digest(key),
            role=role,
            models=json.dumps(sorted(models)) if models is not None else None,
            expires_at=expires_at,
            created_at=_now(),
            created_by=by,
        )
        session.add(record)
        return key, record

    def _live(self, session: Session, key_id: str) -> ApiKey:
        record = session.get(ApiKey, key_id)
        if record is None or (
            record.revoked_at is not None and _aware(record.revoked_at) <= _now()
        ):
            raise UnknownKey(key_id)
        return record

    def _audit(self, session: Session, by: str, action: str) -> None:
        """The change's event, in the change's transaction: who, what, when; never the key."""
        operator = by.startswith("cli:")
        self.audit.append_within(
            session,
            [
                EventIn(
                    request_id=uuid.uuid4().hex,
                    principal=by,
                    role="operator" if operator else "admin",
                    action=action,
                    route="medbento keys" if operator else "/admin/keys",
                    status=200,
                    outcome="ok",
                    latency_ms=0.0,
                )
            ],
        )

    # --- reading -----------------------------------------------------------------------------

    def list(self, *, include_revoked: bool = False) -> list[ApiKey]:
        with Session(self.engine) as session:
            query = select(ApiKey).order_by(ApiKey.created_at)
            if not include_revoked:
                query = query.where(or_(ApiKey.revoked_at.is_(None), ApiKey.revoked_at > _now()))
            return list(session.exec(query).all())

    def mark_used(self, key_ids: set[str]) -> None:
        with Session(self.engine) as session:
            session.exec(
                update(ApiKey).where(ApiKey.key_id.in_(key_ids)).values(last_used_at=_now())
            )
            session.commit()

    def grants(self) -> dict[str, Grant]:
        """The live keys by digest: what an entry service checks presented keys against."""
        now = _now()
        with Session(self.engine) as session:
            rows = session.exec(
                select(ApiKey).where(
                    or_(ApiKey.revoked_at.is_(None), ApiKey.revoked_at > now),
                    or_(ApiKey.expires_at.is_(None), ApiKey.expires_at > now),
                )
            ).all()
        return {
            row.digest: Grant(
                key_id=row.key_id,
                role=row.role,
                models=frozenset(json.loads(row.models)) if row.models is not None else None,
                until=min(
                    (t for t in (_aware(row.expires_at), _aware(row.revoked_at)) if t), default=None
                ),
            )
            for row in rows
        }


def describe(record: ApiKey) -> dict:
    """A key as `keys list` and the API show it: everything but the hash."""
    return {
        "id": record.key_id,
        "role": record.role,
        "models": json.loads(record.models) if record.models is not None else None,
        "expires_at": _iso(record.expires_at),
        "created_at": _iso(record.created_at),
        "created_by": record.created_by,
        "revoked_at": _iso(record.revoked_at),
        "revoked_by": record.revoked_by,
        "replaced_by": record.replaced_by,
        "last_used_at": _iso(record.last_used_at),
    }


def _iso(moment: datetime | None) -> str | None:
    return _aware(moment).isoformat() if moment is not None else None
