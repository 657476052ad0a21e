"""auth-url-scope-missing: the code calls endpoints whose scope the authorization URL never asks for."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks.authparams import params, quoted, scope_names
from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef
from linter.scanner import EndpointUse


def _missing(ctx: Context, asked: set[str]) -> dict[str, EndpointUse]:
    """Scope -> the first call site that needs it but gets no token for it from ``asked``."""
    missing: dict[str, EndpointUse] = {}
    for use in ctx.uses:
        accepted = ctx.accepted_scopes(use)
        if accepted and not set(accepted) & asked:
            declared = [s for s in accepted if s in ctx.declared_scopes]
            missing.setdefault(declared[0] if declared else accepted[0], use)
        for scope in ctx.module_scopes(use):
            if scope not in asked:
                missing.setdefault(scope, use)
    return missing


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_project:
        return  # other files may call what this URL asks for
    for _fact, param in params(ctx, "scope"):
        if not param.known:
            continue  # part of the scope list is only known at run time
        missing = _missing(ctx, set(scope_names(param)))
        if not missing:
            continue
        first = min(missing.values())
        call = first.call
        word = "scope" if len(missing) == 1 else "scopes"
        yield rule.at(
            param.path, param.line, param.column,
            f"the authorization URL never asks for {word} {quoted(set(missing))}, but the code needs "
            f"{'it' if len(missing) == 1 else 'them'} (e.g. {call} at {first.path}:{first.line}:"
            f"{first.column}); tokens from this URL lack {'it' if len(missing) == 1 else 'them'}, so "
            "those calls fail with \"Missing rights\" or \"Not licensed for requested scope\"",
            fix=f"Add {', '.join(sorted(missing))} to the URL's scope parameter (space-separated), "
                "and to fortnox.yaml and the Developer Portal if they are not there yet.")
