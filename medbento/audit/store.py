"""The audit store: a tamper-evident, hash-chained trail of every request.

Each event stores the MAC of the one before it; the MAC is HMAC-SHA256 with a key derived from
the deployment secret, so whoever can write the database still cannot re-forge the chain after
editing it. Writers serialize on the chain head (a row lock in PostgreSQL, the write lock in
SQLite), so several workers and replicas extend one chain and never fork it. Events hold who,
what, when and how it ended, never text: inputs and outputs appear only as keyed digests.
"""

from __future__ import annotations

import hmac
import logging
import os
from collections import Counter
from datetime import UTC, datetime, timedelta

import orjson
from sqlalchemy import delete, func
from sqlmodel import Session, select

from medbento.audit.chain import (
    OtherKeyError,
    checkpoint_mac,
    event_mac,
    key_fingerprint,
    timestamp,
    utc,
)
from medbento.audit.records import (
    AuditCheckpoint,
    AuditEvent,
    AuditHead,
    AuditKey,
    AuditProbe,
    AuditProbeWrite,
    AuditReceipt,
    EventIn,
    EventQuery,
    Verdict,
)
from medbento.settings import get_settings
from medbento.stores.database import create_tables, failures_of, sql_engine

settings = get_settings()
log = logging.getLogger("medbento.audit")
GENESIS = "0" * 64
OTHER_KEY = (
    "the audit trail was written with another key: MEDBENTO_SECRET_KEY (or, without it, the "
    "secret.key in MEDBENTO_DATA_DIR) is not the one the server writes with"
)
AUDIT_BATCH = 256  # events per transaction at most
PURGE_BATCH = 5000  # events a purge removes per transaction, the chain head locked meanwhile
PROBE_EVERY_S = 2.0
STORE = "audit store"  # StoreUnavailable's name for it
# More than a SQLite page (4 KiB) and random (PostgreSQL compresses what it can): the probe
# takes the space a batch of events would.
PROBE_BYTES = 16384


def _now() -> datetime:
    return datetime.now(UTC)


class AuditStore:
    def __init__(self, url: str) -> None:
        self.engine = sql_engine(url, immediate=True)
        self.reader = sql_engine(url)  # reads must not hold SQLite's write lock
        create_tables(
            self.engine,
            [
                AuditEvent.__table__,
                AuditHead.__table__,
                AuditCheckpoint.__table__,
                AuditKey.__table__,
                AuditProbe.__table__,
                AuditProbeWrite.__table__,
                AuditReceipt.__table__,
            ],
        )
        with Session(self.engine) as session:
            if session.get(AuditHead, 1) is None:
                session.add(AuditHead(id=1, seq=0, hash=GENESIS))
                try:
                    session.commit()
                except Exception:  # another process created it first
                    session.rollback()

    def _head(self, session: Session) -> AuditHead:
        return session.exec(select(AuditHead).where(AuditHead.id == 1).with_for_update()).one()

    def append(self, events: list[EventIn]) -> list[int]:
        """Append events in one transaction, extending the chain from its locked head. An
        event whose id is already written (a retry) is not written again; its sequence number
        is answered. The head is locked first, so a retry racing its original waits for it."""
        with failures_of(STORE), Session(self.engine) as session:
            seqs = self.append_within(session, events)
            session.commit()
        return seqs

    def append_within(self, session: Session, events: list[EventIn]) -> list[int]:
        """append's work inside a caller's transaction (the caller commits): a change and its
        event are written together or not at all (medbento/access/keys.py)."""
        head = self._head(session)
        self._check_key(session, head)
        written = dict(
            session.exec(
                select(AuditReceipt.event_id, AuditReceipt.seq).where(
                    AuditReceipt.event_id.in_({e.event_id for e in events})
                )
            ).all()
        )
        seqs = []
        for event in events:
            if event.event_id in written:
                seqs.append(written[event.event_id])
                continue
            row = AuditEvent(
                seq=head.seq + 1,
                at=_now(),
                entity_counts=orjson.dumps(
                    event.entity_counts, option=orjson.OPT_SORT_KEYS
                ).decode(),
                prev_hash=head.hash,
                hash="",
                **event.model_dump(exclude={"entity_counts", "event_id"}),
            )
            row.hash = event_mac(row)
            session.add(row)
            session.add(AuditReceipt(event_id=event.event_id, seq=row.seq))
            written[event.event_id] = row.seq
            head.seq, head.hash = row.seq, row.hash
            seqs.append(row.seq)
        session.add(head)
        return seqs

    def _check_key(self, session: Session, head: AuditHead) -> None:
        """Refuse to extend a chain written with another key; record this key's fingerprint
        on a new chain (or an older one whose head this key verifies)."""
        stored = session.get(AuditKey, 1)
        if stored is not None:
            if not hmac.compare_digest(stored.fingerprint, key_fingerprint()):
                raise OtherKeyError(OTHER_KEY)
            return
        if self._last_event_verifies(session, head):
            session.add(AuditKey(id=1, fingerprint=key_fingerprint()))
        else:  # a store from before fingerprints, whose last event this key does not verify
            raise OtherKeyError(OTHER_KEY)

    @staticmethod
    def _last_event_verifies(session: Session, head: AuditHead | None) -> bool:
        """True on an empty chain, or when this process's key verifies the chain's last event."""
        last = session.get(AuditEvent, head.seq) if head is not None and head.seq else None
        return last is None or hmac.compare_digest(last.hash, event_mac(last))

    def events(self, find: EventQuery | None = None) -> list[dict]:
        find = find or EventQuery()
        query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(find.limit)
        if find.since:
            query = query.where(AuditEvent.at >= utc(find.since))
        if find.until:
            query = query.where(AuditEvent.at < utc(find.until))
        if find.principal:
            query = query.where(AuditEvent.principal == find.principal)
        if find.model_id:
            query = query.where(AuditEvent.model_id == find.model_id)
        with Session(self.reader) as session:
            rows = session.exec(query).all()
        return [
            row.model_dump(mode="json") | {"entity_counts": orjson.loads(row.entity_counts)}
            for row in rows
        ]

    def report(self, since: datetime, until: datetime) -> dict:
        """What a compliance officer asks of the trail between two times: requests by principal,
        role, model and route, refusals and failures by status, PHI found by type (in requests
        and in model answers), and whether the chain verifies. Counts only: no text."""
        tally: dict[str, Counter] = {
            name: Counter()
            for name in (
                "principal", "role", "model", "route", "outcome", "refusals", "failures",
                "phi_input", "phi_output",
            )
        }  # fmt: skip
        total = 0
        query = (
            select(AuditEvent)
            .where(AuditEvent.at >= utc(since), AuditEvent.at < utc(until))
            .order_by(AuditEvent.seq)
        )
        with Session(self.reader) as session:
            for row in session.exec(query).yield_per(1000):
                total += 1
                tally["principal"][row.principal] += 1
                tally["role"][row.role] += 1
                tally["model"][row.model_id or "(none)"] += 1
                tally["route"][row.action] += 1
                tally["outcome"][row.outcome] += 1
                if row.status in (401, 403, 422, 429):
                    tally["refusals"][str(row.status)] += 1
                if row.status >= 500:
                    tally["failures"][str(row.status)] += 1
                for entity, count in orjson.loads(row.entity_counts).items():
                    direction, _, kind = entity.rpartition(".")
                    tally["phi_output" if direction == "output" else "phi_input"][kind] += count
        verdict = self.verify()
        return {
            "since": timestamp(since),
            "until": timestamp(until),
            "events": total,
            "requests_by_principal": dict(tally["principal"].most_common()),
            "requests_by_role": dict(tally["role"].most_common()),
            "requests_by_model": dict(tally["model"].most_common()),
            "requests_by_route": dict(tally["route"].most_common()),
            "outcomes": dict(tally["outcome"].most_common()),
            "refusals_by_status": dict(sorted(tally["refusals"].items())),
            "failures_by_status": dict(sorted(tally["failures"].items())),
            "phi_in_requests_by_type": dict(tally["phi_input"].most_common()),
            "phi_in_answers_by_type": dict(tally["phi_output"].most_common()),
            "chain": {
                "verified": verdict.ok,
                "events": verdict.events,
                "problem": verdict.problem,
                "other_key": verdict.other_key,
            },
        }

    def verify(self) -> Verdict:
        """Walk the chain from the latest checkpoint (or the start) to the head."""
        with Session(self.reader) as session:
            stored = session.get(AuditKey, 1)
            if stored is not None and not hmac.compare_digest(
                stored.fingerprint, key_fingerprint()
            ):
                head = session.get(AuditHead, 1)
                if head is not None and head.seq and self._last_event_verifies(session, head):
                    # This key verifies the chain's last event: the fingerprint was edited.
                    return Verdict(ok=False, events=0, problem="the key fingerprint was altered")
                return Verdict(ok=False, events=0, other_key=True, problem=OTHER_KEY)
            checkpoint = session.exec(
                select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(1)
            ).first()
            expected_seq, expected_prev = 1, GENESIS
            if checkpoint is not None:
                if not hmac.compare_digest(checkpoint.mac, checkpoint_mac(checkpoint)):
                    return Verdict(ok=False, events=0, problem="the purge checkpoint was altered")
                expected_seq, expected_prev = checkpoint.seq + 1, checkpoint.hash
                stale = session.exec(
                    select(func.min(AuditEvent.seq)).where(AuditEvent.seq <= checkpoint.seq)
                ).one()
                if stale is not None:
                    return self._broken(
                        0, stale, f"event {stale} was inserted before the checkpoint"
                    )
            count, first = 0, None
            for row in session.exec(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(1000):
                first = first or row.seq
                if row.seq > expected_seq:
                    return self._broken(count, expected_seq, f"event {expected_seq} was removed")
                if row.seq < expected_seq:
                    return self._broken(count, row.seq, f"event {row.seq} was inserted")
                if not hmac.compare_digest(row.hash, event_mac(row)):
                    return self._broken(count, row.seq, f"event {row.seq} was altered")
                if row.prev_hash != expected_prev:
                    return self._broken(
                        count,
                        row.seq,
                        f"event {row.seq} does not follow event {row.seq - 1} (inserted or reordered)",  # noqa: E501
                    )
                expected_seq, expected_prev = row.seq + 1, row.hash
                count += 1
            head = session.get(AuditHead, 1)
            if head is not None and (head.seq != expected_seq - 1 or head.hash != expected_prev):
                return self._broken(
                    count,
                    expected_seq,
                    f"events after {expected_seq - 1} were removed (the chain head is {head.seq})",
                )
        return Verdict(
            ok=True, events=count, first_seq=first, last_seq=expected_seq - 1 if count else None
        )

    @staticmethod
    def _broken(count: int, seq: int, problem: str) -> Verdict:
        return Verdict(ok=False, events=count, seq=seq, problem=problem)

    def purge(self, older_than_days: float) -> int:
        """Remove events older than the cutoff from the start of the chain and leave a
        checkpoint at the last one removed, so verify still passes on what remains. In batches
        of PURGE_BATCH, each its own transaction: appends wait for one batch, not for a
        backlog of millions (writes fail closed, so a long lock is an outage)."""
        cutoff = _now() - timedelta(days=older_than_days)
        removed = 0
        while batch := self._purge_batch(cutoff):
            removed += batch
        return removed

    def _purge_batch(self, cutoff: datetime) -> int:
        with Session(self.engine) as session:
            self._head(session)  # hold the chain while cutting it
            old = select(AuditEvent).where(AuditEvent.at < cutoff)
            last = (
                session.exec(old.order_by(AuditEvent.seq).offset(PURGE_BATCH - 1).limit(1)).first()
                or session.exec(old.order_by(AuditEvent.seq.desc()).limit(1)).first()
            )
            if last is None:
                session.rollback()
                return 0
            removed = session.exec(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.seq <= last.seq)
            ).one()
            checkpoint = AuditCheckpoint(
                seq=last.seq, hash=last.hash, purged_before=cutoff, created_at=_now(), mac=""
            )
            checkpoint.mac = checkpoint_mac(checkpoint)
            session.add(checkpoint)
            session.exec(delete(AuditEvent).where(AuditEvent.seq <= last.seq))
            session.exec(delete(AuditReceipt).where(AuditReceipt.seq <= last.seq))
            session.commit()
        return removed

    def writable(self) -> bool:
        """A real write, as a request's event needs one: the database answers, has room for
        new rows (a full disk fails here, where taking a lock or rewriting a row would not),
        and the chain is written with this process's key. It writes its own rows, not the
        chain head that appends lock, and readiness asks at most every PROBE_EVERY_S (anyone
        may ask /readyz)."""
        with failures_of(STORE), Session(self.engine) as session:
            stored = session.get(AuditKey, 1)
            if stored is not None and not hmac.compare_digest(
                stored.fingerprint, key_fingerprint()
            ):
                raise OtherKeyError(OTHER_KEY)
            session.merge(AuditProbe(id=1, at=_now()))
            session.add(AuditProbeWrite(filler=os.urandom(PROBE_BYTES)))
            session.commit()
            session.exec(delete(AuditProbeWrite))
            session.commit()
        return True
