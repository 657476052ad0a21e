"""scope-added-needs-reauthorization: scopes added since the baseline do not reach existing connections."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks.authparams import quoted
from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None or ctx.authorized is None:
        return
    added = [e for e in ctx.manifest.scopes if e.value not in ctx.authorized.scopes]
    if not added:
        return
    names = list(dict.fromkeys(e.value for e in added))
    word = "scope" if len(names) == 1 else "scopes"
    yield rule.at(
        ctx.manifest.display, added[0].line, added[0].column,
        f"{word} added since {ctx.authorized.source}: {quoted(names)}. A connection's tokens carry "
        "the scopes the app had when the customer authorized it, so existing connections do not get "
        f"{'it' if len(names) == 1 else 'them'}: their calls that need "
        f"{'it' if len(names) == 1 else 'them'} fail with \"Missing rights\" until each customer "
        "authorizes the app again",
        fix="Ask existing customers to authorize the app again (send them through the authorization "
            "URL), and handle \"Missing rights\" until they have; then record the new baseline with "
            "`fortnox-lint lock`.")
