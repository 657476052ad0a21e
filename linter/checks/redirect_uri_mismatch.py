"""redirect-uri-mismatch: the authorization URL's redirect_uri is not registered for the app."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks.authparams import params
from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef
from linter.suggest import did_you_mean


def _difference(uri: str, registered: str) -> str:
    """Why two URIs that look alike are not equal, as Fortnox compares them (exactly)."""
    if uri.rstrip("/") == registered.rstrip("/"):
        return " (they differ only by a trailing slash)"
    if uri.lower() == registered.lower():
        return " (they differ only in letter case)"
    if uri.split("://", 1)[-1] == registered.split("://", 1)[-1]:
        return " (they differ only in the scheme)"
    return ""


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None:
        return
    entries = ctx.manifest.entries("redirect_uris")
    if entries is None:
        return  # without registered URIs there is nothing to compare with
    registered = [e.value for e in entries]
    for _fact, param in params(ctx, "redirect_uri"):
        if not param.known or param.value in registered:
            continue
        closest = did_you_mean(param.value, registered) or (registered[0] if len(registered) == 1 else None)
        why = _difference(param.value, closest) if closest else ""
        listed = ", ".join(registered) or "none"
        yield rule.at(
            param.path, param.line, param.column,
            f"redirect_uri '{param.value}' is not one of the redirect URIs registered in "
            f"{ctx.manifest.display} ({listed}){why}; Fortnox refuses the activation with "
            "\"RedirectURI is missing or mismatch\"",
            fix=(f"Use '{closest}' here" if closest else "Use a registered redirect URI here")
                + f", or register '{param.value}' in the Developer Portal and in redirect_uris "
                  f"in {ctx.manifest.display}. The token request must send the same value.")
