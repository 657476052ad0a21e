"""unused-scope: a manifest scope that no scanned code needs."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None or not ctx.whole_project:
        return
    for entry in ctx.manifest.scopes:
        if entry.value not in ctx.catalog.scopes or entry.value in ctx.needed_scopes:
            continue  # unknown scopes are unknown-scope's business
        yield rule.at(
            ctx.manifest.display, entry.line, entry.column,
            f"scope '{entry.value}' is requested but no scanned code calls an endpoint that needs it; "
            "every extra scope is more the customer must consent to and more licences they may need",
            fix=f"Remove '{entry.value}' from scopes (and untick it in the Developer Portal), or "
                "suppress this if the scope is used by code the linter cannot see.")
