"""service-account-not-allowed: account_type=service while the app does not allow service accounts."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks.authparams import params
from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None or ctx.manifest.get("service_account") is True:
        return
    state = ("says service_account: false" if ctx.manifest.get("service_account") is False
             else "does not set service_account (the Developer Portal's default is off)")
    for _fact, param in params(ctx, "account_type"):
        if param.value.strip().lower() != "service":
            continue
        yield rule.at(
            param.path, param.line, param.column,
            f"the authorization URL asks for a service account (account_type={param.value}), but "
            f"{ctx.manifest.display} {state}; Fortnox answers \"Client does not allow service account\"",
            fix="Allow service accounts for the app in the Developer Portal (the setting that limits "
                f"activation to administrators) and set service_account: true in {ctx.manifest.display}, "
                "or drop account_type from the URL.")
