"""auth-url-scope-not-declared: the authorization URL asks for a scope the manifest does not declare."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks.authparams import params, quoted, scope_names
from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None:
        return
    for _fact, param in params(ctx, "scope"):
        # Names Fortnox does not know at all are invalid-auth-url's business.
        extra = [n for n in dict.fromkeys(scope_names(param))
                 if n in ctx.catalog.scopes and n not in ctx.declared_scopes]
        if not extra:
            continue
        word = "scope" if len(extra) == 1 else "scopes"
        yield rule.at(
            param.path, param.line, param.column,
            f"the authorization URL asks for {word} {quoted(extra)}, which {ctx.manifest.display} does "
            f"not declare; if the Developer Portal does not tick {'it' if len(extra) == 1 else 'them'} "
            "either, Fortnox refuses the activation with \"An unsupported scope was requested\"",
            fix=f"Add {', '.join(sorted(extra))} to scopes in {ctx.manifest.display} and tick "
                f"{'it' if len(extra) == 1 else 'them'} in the Developer Portal, or drop "
                f"{'it' if len(extra) == 1 else 'them'} from the URL's scope parameter.")
