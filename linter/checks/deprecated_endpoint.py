"""deprecated-endpoint: a call to an endpoint Fortnox has retired or is retiring."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    for use in ctx.uses:
        endpoint = ctx.templates.get(use.template or "")
        if endpoint is None or not endpoint.deprecated:
            continue
        note = f" ({endpoint.note})" if endpoint.note else ""
        yield rule.at(use.path, use.line, use.column,
                      f"{endpoint.path} is deprecated or retired{note}; calls may fail without warning")
