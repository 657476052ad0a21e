"""purchasable-not-published: a purchasable app that is not published cannot be activated."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    manifest = ctx.manifest
    if manifest is None or manifest.get("distribution") != "purchasable":
        return
    if manifest.get("published") is False:
        line, column = manifest.located.where(("published",))
        yield rule.at(
            manifest.display, line, column,
            "the app is purchasable (distribution: purchasable) but not published; customers cannot "
            "buy an unpublished app, and Fortnox refuses activation with \"Resource owner does not "
            "have enough licenses\"",
            fix="Publish the app, or change it to purchase via website in the Developer Portal and "
                f"set distribution: free in {manifest.display}.")
    line, column = manifest.located.where(("distribution",))
    yield rule.at(
        manifest.display, line, column,
        "the app is purchasable: each customer must find it on Fortnox's integrations page and buy "
        "it before activating it, or the activation fails with \"Missing license\"",
        severity="info",
        fix="Tell customers in your onboarding to buy the integration in Fortnox first.")
