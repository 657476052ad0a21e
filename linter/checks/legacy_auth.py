"""legacy-auth: Fortnox's retired static authentication (Access-Token, Client-Secret, Authorization-Code)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef

MIGRATE = ("Swap each customer's legacy access token for an OAuth2 token with POST "
           "https://apps.fortnox.se/oauth-v1/migrate (form body access_token=<legacy token>, Basic "
           "auth with client id and client secret), store the refresh token it returns, and send "
           "Authorization: Bearer <access token> on API calls.")
ACTIVATE = ("Activate with OAuth2 instead: send the customer to https://apps.fortnox.se/oauth-v1/auth "
            "and exchange the returned code at https://apps.fortnox.se/oauth-v1/token.")


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    for fact in ctx.facts_of("legacy-header"):
        header = fact.data.get("header", "")
        if header == "Authorization-Code":
            what = ("the Authorization-Code header is Fortnox's legacy activation (GET "
                    "https://api.fortnox.se/3/ with Authorization-Code and Client-Secret)")
            fix = ACTIVATE
        else:
            what = f"the {header} header is Fortnox's legacy static authentication"
            fix = MIGRATE
        yield rule.at(
            fact.path, fact.line, fact.column,
            f"{what}; it is retired: apps cannot be published with it since 2021-12-09, and "
            "integrations not on OAuth2 tokens lost API access after 30 April 2025. Connections made "
            "this way also stay under Manage Users instead of Manage Integrations",
            fix=fix)
