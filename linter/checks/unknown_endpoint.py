"""unknown-endpoint: a Fortnox URL path that matches no endpoint in the catalog."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    templates = [e.path for e in ctx.catalog.endpoints]
    for use in ctx.uses:
        if use.template is not None:
            continue
        close = difflib.get_close_matches(use.endpoint, templates, n=1, cutoff=0.6)
        suggestion = f"; did you mean {close[0]}?" if close else ""
        yield rule.at(
            use.path, use.line, use.column,
            f"{use.endpoint} is not a Fortnox API endpoint (catalog {ctx.catalog.version}){suggestion} "
            "The call will fail with 404, and no scope can be checked for it",
            fix=f"Use {close[0]}." if close else
                "Check the path against the Fortnox API reference; if Fortnox has published it "
                "recently, update fortnox-scope-lint or pass --catalog.")
