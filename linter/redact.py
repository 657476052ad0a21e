"""Redaction: the only form in which a secret found in source may leave the scanner.

Facts keep ``redact(secret)``, never the secret, so no formatter, cache or log can print it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

MAX_PREFIX = 6
MASK = "*"


def redact(secret: str) -> str:
    """A short prefix and the length: enough to find the literal, too little to use it.

    At most a quarter of the secret is shown (and at most 6 characters), so a short client
    secret keeps most of itself hidden: ``eyJhbG…(redacted, 812 chars)``.
    """
    shown = secret[:min(MAX_PREFIX, len(secret) // 4)]
    return f"{shown}…(redacted, {len(secret)} chars)"


def mask_secrets(sources: Mapping[str, Sequence[str]], facts: Iterable) -> dict[str, tuple[str, ...]]:
    """``sources`` (path -> lines, for formats that show or hash source lines) with the text of
    every credential the scanner found replaced by asterisks of the same width, quotes kept, so
    that no snippet shows a secret, whichever finding it belongs to (or if its own was suppressed)."""
    masked = {path: list(lines) for path, lines in sources.items()}
    for fact in facts:
        if fact.kind != "credential" or fact.path not in masked:
            continue
        lines = masked[fact.path]
        end_line = fact.data.get("end_line", fact.line)
        end_column = fact.data.get("end_column")  # None: to the end of the line
        for number in range(fact.line, min(end_line, len(lines)) + 1):
            line = lines[number - 1]
            start = fact.column - 1 if number == fact.line else 0
            stop = end_column - 1 if number == end_line and end_column else len(line)
            lines[number - 1] = line[:start] + _mask(line[start:stop]) + line[stop:]
    return {path: tuple(lines) for path, lines in masked.items()}


def _mask(text: str) -> str:
    quotes = "\"'`"
    head = len(text) - len(text.lstrip(quotes + "bBrRuUfF@$"))
    tail = len(text) - len(text.rstrip(quotes))
    return text[:head] + MASK * (len(text) - head - tail) + text[len(text) - tail:]
