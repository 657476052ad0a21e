"""license-not-covered: the manifest's licences cannot satisfy a requested scope."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None or ctx.manifest.licenses is None:
        return  # licences are optional: without them there is nothing to compare
    held = {ctx.catalog.licence_id(e.value) for e in ctx.manifest.licenses} - {None}
    for entry in ctx.manifest.scopes:
        scope = ctx.catalog.scopes.get(entry.value)
        if scope is None or scope.licences is None or held & set(scope.licences):
            continue
        yield rule.at(
            ctx.manifest.display, entry.line, entry.column,
            f"scope '{scope.id}' needs the {scope.licence_text()} licence, but licenses lists "
            f"{', '.join(sorted(held)) or 'none'}; Fortnox answers \"Not licensed for requested scope\" "
            "or \"Missing license\"",
            fix=f"Add one of {', '.join(scope.licences)} to licenses (customers must hold it), "
                f"or drop the '{scope.id}' scope.")
