"""The library's folders import only downwards, in the order below: a newcomer can tell from it
what a file may use, and a change that reaches up (the PHI core raising HTTP errors, logging
importing the HTTP layer) fails here. Every import counts, those inside functions too."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

LIBRARY = Path(__file__).resolve().parents[2] / "medbento"
# Top to bottom: each folder may import itself and the folders after it, nothing before it.
LAYERS = [
    "cli",
    "http",
    "access",
    "audit",
    "serving",
    "stores",
    "observability",
    "runtime",
    "phi",
    "settings",
]


def imports() -> list[tuple[str, str, str]]:
    """(importing folder, imported folder, file) for every `medbento.<folder>` import."""
    found = []
    for path in LIBRARY.rglob("*.py"):
        relative = path.relative_to(LIBRARY)
        if relative.name == "__init__.py" and len(relative.parts) == 1:
            continue  # the package itself imports nothing of medbento's
        folder = relative.parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "medbento" and len(parts) > 1 and parts[1] != folder:
                    found.append((folder, parts[1], str(relative)))
    return found


def test_every_folder_has_a_layer():
    folders = {p.name.removesuffix(".py") for p in LIBRARY.iterdir() if p.name != "__init__.py"}
    folders -= {"__pycache__"}
    assert folders == set(LAYERS)


def test_imports_only_go_down():
    upward = [
        f"{file} imports medbento.{target}"
        for folder, target, file in imports()
        if target in LAYERS and LAYERS.index(target) <= LAYERS.index(folder)
    ]
    assert not upward, upward


def test_the_library_never_imports_the_services():
    for path in LIBRARY.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("services"), path


def test_the_readme_tree_names_every_file():
    """README "How it fits together" is the newcomer's map: a file it does not name (or a name
    it keeps after the file went) fails here."""
    root = LIBRARY.parent
    readme = (root / "README.md").read_text()
    section = readme.split("## How it fits together", 1)[1].split("\n## ", 1)[0]
    tree = section.split("What the services share", 1)[1].split("```")[1]
    named = set(re.findall(r"\b(\w+\.py)\b", tree))
    files = {
        path.name
        for folder in ("medbento", "services")
        for path in (root / folder).rglob("*.py")
        if path.name != "__init__.py"
    }
    elsewhere = {path.name for path in (root / "models").rglob("*.py")}
    assert files - named == set(), "files the README's tree does not name"
    assert named - files - elsewhere == set(), "names in the README's tree that are no file"
