"""SQL engines for the settings' database: a SQLite file by default, PostgreSQL in production;
and the one error every store raises when it cannot be read or written."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from redis.exceptions import RedisError
from sqlalchemy import event
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import SQLModel, create_engine


class StoreUnavailable(RuntimeError):
    """A store (the SQL database, Redis) could not be read or written. medbento's stores raise
    it in place of their drivers' errors, so that a service answers one way whatever the store
    (http/errors.py: a 503). `store` names which store; nothing says what was read or written.
    The driver's error stays as __cause__ (its type is logged)."""

    def __init__(self, store: str) -> None:
        super().__init__(f"the {store} is unavailable")
        self.store = store


@contextlib.contextmanager
def failures_of(store: str) -> Iterator[None]:
    """The drivers' errors inside the block as StoreUnavailable(store)."""
    try:
        yield
    except (SQLAlchemyError, RedisError) as error:
        raise StoreUnavailable(store) from error


def sql_engine(url: str, *, immediate: bool = False):
    """An engine for `url`. SQLite gets WAL (several processes share the file) and, with
    `immediate`, transactions that take the write lock at BEGIN: a writer that reads, then
    writes, must not be able to deadlock another one upgrading the same lock."""
    if url.startswith("sqlite"):
        if (path := url.removeprefix("sqlite:///")) != url and path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)  # the data dir, on first use
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(connection, _record) -> None:
            connection.isolation_level = None  # let SQLAlchemy's BEGIN below be the only one
            connection.execute("PRAGMA busy_timeout=30000")
            connection.execute("PRAGMA journal_mode=WAL")  # persists in the file once set
            connection.execute("PRAGMA synchronous=NORMAL")

        @event.listens_for(engine, "begin")
        def _on_begin(connection) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(
        url.replace("postgresql://", "postgresql+psycopg://", 1), pool_pre_ping=True
    )


# Any fixed number: the lock that table creation takes on PostgreSQL (pg_advisory_xact_lock).
_CREATE_TABLES_LOCK = 7_262_368


def create_tables(engine, tables: list) -> None:
    """CREATE what is missing of `tables`. Several processes create the same tables as they
    start (the AuditLog, and every entry service's keyring through KeyStore); PostgreSQL's
    check-then-CREATE is not atomic, and two at once failed an image's start with a duplicate
    pg_type, so there they run under one advisory lock held to the transaction's end. SQLite
    needs none: the engines here take its write lock at BEGIN."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_CREATE_TABLES_LOCK})")
        SQLModel.metadata.create_all(connection, tables=tables)
