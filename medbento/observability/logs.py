"""Structured JSON logs for medbento, and a PHI scrubber on every log handler in the process.

medbento's own log lines never carry request content; the scrubber is the last line of
defence for everything else (BentoML logs pydantic errors with `input_value=...`, exception
messages may quote input): it removes pydantic input echoes and anything the Safe Harbor
patterns match, from the message and from the formatted traceback alike.
"""

from __future__ import annotations

import logging
import re
import socket
import sys

from pythonjsonlogger.json import JsonFormatter

from medbento.phi.patterns import PATTERNS

# BentoML's access log writes raw request paths, and a client may put PHI in a path; medbento
# writes its own access line instead (medbento/http/access.py), naming unknown paths generically.
ACCESS_LOG = {"access": {"enabled": False}}

_INPUT_ECHO = re.compile(r"input_value=.*?(?=, input_type=|\]$|$)", re.MULTILINE)
_PATTERNS = [(entity, re.compile(regex)) for entity, regex, _ in PATTERNS]


# The server's own address ("listening on http://localhost:3000") is not PHI, and a newcomer
# must see where it serves. Only scheme://host:port with nothing after it, on this machine's
# own names, is kept; any path or query, and any other host, is scrubbed as before.
_OWN_HOSTS = {"localhost", "0.0.0.0", "127.0.0.1", "[::]", "[::1]", socket.gethostname().lower()}  # noqa: S104 (names, not a bind)
_SERVER_URL = re.compile(r"\bhttps?://(?P<host>\[[0-9a-fA-F:]*\]|[\w.\-]+):\d{1,5}(?![\w/.:?#@])")


def scrub(text: str) -> str:
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        if match.group("host").lower() not in _OWN_HOSTS:
            return match.group(0)
        kept.append(match.group(0))
        return f"\x00{chr(0xE000 + len(kept) - 1)}\x00"  # no pattern matches these

    text = _SERVER_URL.sub(keep, text) if "://" in text else text
    text = _INPUT_ECHO.sub("input_value=<removed>", text)
    for entity, pattern in _PATTERNS:
        if "v" in pattern.groupindex:
            text = pattern.sub(lambda m, e=entity: _replace_group(m, e), text)
        else:
            text = pattern.sub(f"<{entity}>", text)
    for i, url in enumerate(kept):
        text = text.replace(f"\x00{chr(0xE000 + i)}\x00", url)
    return text


def _replace_group(match: re.Match, entity: str) -> str:
    start, end = match.span("v")
    whole = match.group(0)
    offset = match.start()
    return whole[: start - offset] + f"<{entity}>" + whole[end - offset :]


class PHIScrubber(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_medbento_scrubbed", False):
            return True
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        record._medbento_scrubbed = True
        return True


_SCRUBBER = PHIScrubber()


class ClientErrorTracebacks(logging.Filter):
    """BentoML logs a traceback at ERROR for every request it refuses, a client's mistake
    included. Those requests already have their access line with the 4xx; a traceback per bad
    request would bury real faults and trip alerts on error lines. A failure already reported
    in one line (APIError.reported: the audit store down) goes the same way. A client's mistake
    is a pydantic ValidationError or any BentoML exception with a 4xx status (medbento's
    APIError is one): checked by type and status, so logging needs nothing from the HTTP layer."""

    def filter(self, record: logging.LogRecord) -> bool:
        from bentoml.exceptions import BentoMLException
        from pydantic import ValidationError

        error = record.exc_info[1] if record.exc_info else None
        client_error = isinstance(error, ValidationError) or (
            isinstance(error, BentoMLException) and int(error.error_code) < 500
        )
        return not client_error and not getattr(error, "reported", False)


def configure() -> None:
    """JSON lines for the `medbento` loggers; the scrubber on every handler that exists now
    (BentoML configures its handlers before it imports the services, so this reaches them)."""
    # BentoML's endpoint logger has no public name; if a release renames it, the tracebacks
    # come back and tests/integration/test_logs.py and test_malformed_input.py fail.
    endpoint_log = logging.getLogger("bentoml._internal.server.http_app")
    if not any(isinstance(f, ClientErrorTracebacks) for f in endpoint_log.filters):
        endpoint_log.addFilter(ClientErrorTracebacks())
    root = logging.getLogger("medbento")
    if not any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(
            JsonFormatter(
                "{asctime}{levelname}{name}{message}",
                style="{",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        root.propagate = False
    loggers = [
        logging.getLogger(),
        *(
            logger
            for logger in logging.Logger.manager.loggerDict.values()
            if isinstance(logger, logging.Logger)
        ),
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if _SCRUBBER not in handler.filters:
                handler.addFilter(_SCRUBBER)
