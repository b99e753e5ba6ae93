"""The README's commands as tests run them: every fenced bash or python block, by the heading it
stands under (`"Images"`, or `"Images 2"` for the second block under one heading)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
LANGUAGES = ("bash", "python")

_HEADING = re.compile(r"^#{1,6} (.+)$")
_FENCE = re.compile(r"^```(\w*)$")


def blocks() -> dict[str, tuple[str, str]]:
    """{key: (language, code)} for every bash and python block of the README, in order."""
    found: dict[str, tuple[str, str]] = {}
    heading, language, lines = "", None, []
    counts: dict[str, int] = {}
    for line in README.read_text().splitlines():
        fence = _FENCE.match(line)
        if language is None and fence:
            language, lines = fence.group(1), []
        elif language is not None and line == "```":
            if language in LANGUAGES:
                counts[heading] = counts.get(heading, 0) + 1
                key = heading if counts[heading] == 1 else f"{heading} {counts[heading]}"
                found[key] = (language, "\n".join(lines) + "\n")
            language = None
        elif language is not None:
            lines.append(line)
        elif match := _HEADING.match(line):
            heading = match.group(1).strip()
    return found


def block(key: str, language: str) -> str:
    found_language, code = blocks()[key]
    assert found_language == language, f"README block {key!r} is {found_language}"
    return code
