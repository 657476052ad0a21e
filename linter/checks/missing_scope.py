"""missing-scope: a call site uses an endpoint whose scope the manifest does not request."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None:
        return
    for use in ctx.uses:
        accepted = ctx.accepted_scopes(use)
        if not accepted or set(accepted) & ctx.declared_scopes:
            continue
        call = use.call
        wanted = " or ".join(f"'{s}'" for s in accepted)
        message = (f"{call} needs scope {wanted}, which {ctx.manifest.display} does not request; "
                   f"Fortnox will answer \"Missing rights\" at run time")
        severity = None
        if use.confidence == "low":
            severity = "warning"
            endpoint = ctx.templates.get(use.template or "")
            note = endpoint.note if endpoint and endpoint.note else f"{use.template} -> {use.scope}"
            reason = use.why or f"the catalog's mapping is a guess: {note}"
            message += f" (low confidence: {reason})"
        yield rule.at(use.path, use.line, use.column, message, severity=severity,
                      fix=f"Add {accepted[0]} to scopes in {ctx.manifest.display} and tick it in the "
                          "Fortnox Developer Portal; existing connections must authorize again.")
