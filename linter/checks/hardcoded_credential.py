"""hardcoded-credential: a Fortnox client secret or token written as a literal.

The facts carry only a redacted prefix (linter.redact), so no output can repeat the secret.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef

_RISK = {
    "client secret": "anyone who can read the repository can act as the app",
    "access token": "anyone who can read it can use the customer's Fortnox data until it expires "
                    "(an hour), and after that the code stops working",
    "refresh token": "refresh tokens are single use and expire after 45 days, so the code works once "
                     "and then fails with \"Invalid refresh token\"; meanwhile anyone who reads it "
                     "can take over the connection",
    "authorization code": "authorization codes are single use and expire after 10 minutes, so the "
                          "code can only fail",
}


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    for fact in ctx.facts_of("credential"):
        if not fact.data.get("fortnox_file") and ctx.manifest is None:
            continue  # neither the file nor the project is about Fortnox
        what = fact.data.get("what", "credential")
        key = fact.data.get("key")
        # The file or the name says Fortnox; otherwise it is only a credential in a Fortnox project.
        vendor = "Fortnox " if fact.data.get("fortnox_file") or "fortnox" in (key or "").lower() else ""
        where = f" assigned to {key}" if key else ""
        risk = _RISK.get(what, "anyone who can read the repository can use it")
        yield rule.at(
            fact.path, fact.line, fact.column,
            f"a {vendor}{what} is written in the source{where} ({fact.data.get('redacted', 'redacted')}); "
            f"{risk}",
            end_line=fact.data.get("end_line"), end_column=fact.data.get("end_column"),
            fix="Read it at run time from the environment or a secret store, keep each customer's "
                "tokens in your database, and rotate this one: it is in the repository's history.")
