"""invalid-manifest: fortnox.yaml does not follow its schema."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None:
        return
    for problem in ctx.manifest.problems:
        yield rule.at(ctx.manifest.display, problem.line, problem.column, problem.message)
