"""SQL engines for the settings' database: a SQLite file by default, PostgreSQL in production."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlmodel import create_engine


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
