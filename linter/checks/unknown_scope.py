"""unknown-scope: a manifest scope that Fortnox does not have."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef
from linter.suggest import did_you_mean


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None:
        return
    for entry in ctx.manifest.scopes:
        if entry.value in ctx.catalog.scopes:
            continue
        # Only a capitalised or spaced name reads as a display name ("Payments"); a lowercase word
        # is a misspelt enumeration, even one that equals a display name without its space.
        looks_displayed = entry.value != entry.value.lower() or " " in entry.value
        named = ctx.catalog.scope_named(entry.value) if looks_displayed else None
        best = named.id if named else did_you_mean(entry.value, ctx.catalog.scopes)
        suggestion = f"; did you mean '{best}'?" if best else ""
        if named:
            suggestion = f" but the display name of scope '{best}'; did you mean '{best}'?"
        yield rule.at(
            ctx.manifest.display, entry.line, entry.column,
            f"'{entry.value}' is not a Fortnox scope{suggestion} Requesting it fails with "
            "\"An unsupported scope was requested\"",
            fix=f"Replace it with '{best}'." if best else
                "Use a scope enumeration from `fortnox-lint scopes --list` (lowercase, exact spelling).")
