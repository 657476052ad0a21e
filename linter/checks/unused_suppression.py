"""unused-suppression: an inline suppression that suppresses nothing.

The engine applies suppressions after every other check has run and leaves the ones that matched
no finding in ``ctx.unused_suppressions``; this check reports them.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    for unused in ctx.unused_suppressions:
        yield rule.at(unused.path, unused.line, unused.column, unused.message)
