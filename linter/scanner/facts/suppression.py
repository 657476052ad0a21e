"""Find inline suppressions, ``fortnox-lint: ignore[rule, FNX002] reason``, in any comment syntax.

The lexer drops comments, so this reads the text line-agnostically; in lexed languages a marker
inside a string literal is not a suppression. A marker alone on its line (after only comment
punctuation) covers the next line; a marker after code covers its own line.
"""

from __future__ import annotations

import bisect
import re

from linter.scanner.facts import FileView
from linter.scanner.uses import Fact

KIND = "suppression"
MARKER = re.compile(r"fortnox-lint:[ \t]*ignore\b(?:\[([^\]\n]*)\])?([^\n]*)")
# What may stand before a marker on a line of its own: indentation and comment openers.
# One [ \t]* on each side of the marker, never two in a row: adjacent ones backtrack quadratically.
_COMMENT_ONLY = re.compile(r"^[ \t]*(?:(?:#+|//+|/\*+|\*+|--|;+|<!--|%+|'|REM\b)[ \t]*)?$")
_CLOSERS = re.compile(r"(?:\*/|-->|%>|#}|\*\)|:})[ \t]*$")
# In a file we cannot lex, a marker counts only right after a comment opener that itself starts
# the line or follows a space; formats without comments (JSON, SARIF reports) never suppress.
_OPENER_BEFORE = re.compile(r"(?:^|[ \t])(?:#+|//+|/\*+|--|;+|<!--|%+|REM)[ \t]*$")
_NO_COMMENTS = (".json", ".sarif", ".jsonl", ".ipynb", ".har", ".lock")


def extract(view: FileView) -> list[Fact]:
    if "fortnox-lint" not in view.text:
        return []
    unlexed = view.tokens is None
    if unlexed and view.display.lower().endswith(_NO_COMMENTS):
        return []
    strings = [(t.offset, t.end) for t in view.tokens or () if t.kind == "str"]
    starts = [start for start, _ in strings]
    facts: list[Fact] = []
    for match in MARKER.finditer(view.text):
        at = match.start()
        slot = bisect.bisect_right(starts, at) - 1
        if slot >= 0 and strings[slot][0] <= at < strings[slot][1]:
            continue  # a string that mentions the syntax, not a comment
        line_start = view.text.rfind("\n", 0, at) + 1
        if unlexed and not _OPENER_BEFORE.search(view.text[line_start:at]):
            continue  # prose or data that quotes the syntax
        standalone = bool(_COMMENT_ONLY.match(view.text[line_start:at]))
        listed = match.group(1)
        rules = None if listed is None else [r.strip() for r in listed.split(",") if r.strip()]
        reason = _CLOSERS.sub("", match.group(2)).strip()
        line = view.index.position(at)[0]
        facts.append(view.fact(KIND, at, rules=rules, reason=reason,
                               target=line + 1 if standalone else line))
    return facts
