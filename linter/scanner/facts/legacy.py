"""Fact extractor: request headers of Fortnox's retired legacy authentication.

Emits ``legacy-header`` facts (data: ``header``) for ``Access-Token``, ``Client-Secret`` and
``Authorization-Code`` used as header names: a string that is exactly the name, or starts with
``Name:`` as in curl's ``-H "Access-Token: ..."``, in files that mention Fortnox. In files the
scanner cannot lex, the name followed by a colon counts, except in prose (Markdown, text), where
it is usually documentation.
"""

from __future__ import annotations

import re

from linter.scanner.facts import FileView
from linter.scanner.uses import Fact

LEGACY_HEADERS = ("Access-Token", "Client-Secret", "Authorization-Code")
_BY_LOWER = {h.lower(): h for h in LEGACY_HEADERS}
_IN_STRING = re.compile(r"(access-token|client-secret|authorization-code)\s*(?::|$)", re.I)
_IN_TEXT = re.compile(r"\b(access-token|client-secret|authorization-code)[\"']?\s*:", re.I)
PROSE_SUFFIXES = (".md", ".markdown", ".rst", ".txt", ".adoc")


def extract(view: FileView) -> list[Fact]:
    found: list[Fact] = []
    if not view.mentions_fortnox:
        return found  # other APIs name headers Access-Token too
    if view.tokens is None:
        if view.display.lower().endswith(PROSE_SUFFIXES):
            return []
        for match in _IN_TEXT.finditer(view.text):
            found.append(view.fact("legacy-header", match.start(), header=_BY_LOWER[match.group(1).lower()]))
        return found
    for token in map(view.tokens.__getitem__, view.strings):
        if len(token.value) > 200 or "-" not in token.value:
            continue  # every legacy header name has a hyphen
        match = _IN_STRING.match(token.value, len(token.value) - len(token.value.lstrip()))
        if match:
            found.append(view.fact("legacy-header", token.offset, header=_BY_LOWER[match.group(1).lower()]))
    return found
