"""oauth2-not-enabled: the code has an authorization URL but OAuth2 activation is off for the app."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None or ctx.manifest.get("oauth2") is not False:
        return
    for fact in ctx.facts_of("oauth-url"):
        if fact.data.get("role") != "auth":
            continue
        yield rule.at(
            fact.path, fact.line, fact.column,
            f"this authorization URL activates the app with OAuth2, but {ctx.manifest.display} says "
            "oauth2: false (the Developer Portal's OAuth2 checkbox is not ticked); Fortnox answers "
            "\"Auth code or ClientID supplied is invalid\"",
            fix="Tick OAuth2 for the app in the Developer Portal and set oauth2: true in "
                f"{ctx.manifest.display}.")
