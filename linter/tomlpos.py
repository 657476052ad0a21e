"""Where keys stand in a TOML file, for error messages.

``tomllib`` parses but forgets positions. Configuration errors must name a line, so this walks the
text once and records the line and column of every table header and key (dotted keys and keys of
one-line inline tables included). It is a locator, not a parser: tomllib has already accepted the
text, so only the shapes of valid TOML need handling.
"""

from __future__ import annotations

import re
from typing import Any

from linter.yamlpos import Located

_KEY = r'(?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+)'
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"^\s*\[\[?\s*({_DOTTED})\s*\]\]?")
_ASSIGN = re.compile(rf"^\s*({_DOTTED})\s*=")
_INLINE_ASSIGN = re.compile(rf"[{{,]\s*({_DOTTED})\s*=")
_PART = re.compile(_KEY)


def _parts(dotted: str) -> tuple[str, ...]:
    out = []
    for match in _PART.finditer(dotted):
        token = match.group(0)
        out.append(token[1:-1] if token[0] in "\"'" else token)  # escapes in keys: not worth it
    return tuple(out)


def locate(text: str, data: Any, table: tuple[str, ...]) -> Located:
    """A Located for ``data`` (the parsed contents of ``table``) with key positions from ``text``."""
    located = Located(data)
    current: tuple[str, ...] = ()
    n = len(table)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = _parts(header.group(1))
            if current[:n] == table and len(current) > n:
                located.keys[current[n:]] = (number, header.start(1) + 1)
            if current[:n] == table:
                located.values[current[n:]] = (number, 1)
            continue
        assign = _ASSIGN.match(line)
        if not assign:
            continue
        path = current + _parts(assign.group(1))
        if path[:n] != table:
            continue
        rest = line[assign.end():]
        located.keys[path[n:]] = (number, assign.start(1) + 1)
        located.values[path[n:]] = (number, assign.end() + len(rest) - len(rest.lstrip()) + 1)
        if rest.lstrip().startswith("{"):
            for inner in _INLINE_ASSIGN.finditer(rest):
                inner_path = path[n:] + _parts(inner.group(1))
                located.keys[inner_path] = (number, assign.end() + inner.start(1) + 1)
                after = rest[inner.end():]
                located.values[inner_path] = (number, assign.end() + inner.end() + len(after) - len(after.lstrip()) + 1)
    return located


def line_of(text: str, start_line: int, needle: str) -> int | None:
    """The first line at or after ``start_line`` holding ``needle`` as a quoted TOML string."""
    quoted = (f'"{needle}"', f"'{needle}'")
    for number, line in enumerate(text.splitlines()[start_line - 1:], start=start_line):
        if any(q in line for q in quoted):
            return number
    return None
