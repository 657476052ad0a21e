"""warehouse-scopes: code uses a Fortnox module (warehouse) without every scope the module needs.

The module requirements are data (data/scopes.yaml `modules`). A scope that is a call's own
endpoint scope is missing-scope's business; this rule reports the rest of the module's set,
once per file, at the file's first call into the module.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks.authparams import quoted
from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef
from linter.scanner import EndpointUse


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None:
        return
    by_file: dict[tuple[str, str], list[EndpointUse]] = {}
    modules = {}
    for use in ctx.uses:
        for module, _scopes in ctx.catalog.module_scopes(use.template or use.endpoint):
            by_file.setdefault((use.path, module.id), []).append(use)
            modules[module.id] = module
    for (_path, module_id), uses in sorted(by_file.items()):
        module = modules[module_id]
        needed: list[str] = []
        own: set[str] = set()
        for use in uses:
            needed += [s for s in module.scopes_for(use.template or use.endpoint) if s not in needed]
            own.update(ctx.accepted_scopes(use))
        missing = [s for s in needed if s not in ctx.declared_scopes and s not in own]
        if not missing:
            continue
        first = uses[0]
        call = first.call
        every = sorted({s for _, scopes in module.requirements for s in scopes})
        word = "scope" if len(missing) == 1 else "scopes"
        yield rule.at(
            first.path, first.line, first.column,
            f"{call} belongs to Fortnox's {module.name.lower()} module, which also needs {word} "
            f"{quoted(missing)} (the FAQ lists {', '.join(every)} for it); {ctx.manifest.display} "
            f"does not request {'it' if len(missing) == 1 else 'them'}, so Fortnox answers "
            f"\"Missing rights ({module.name})\"",
            fix=f"Add {', '.join(missing)} to scopes in {ctx.manifest.display} and tick "
                f"{'it' if len(missing) == 1 else 'them'} in the Developer Portal; existing connections "
                "must authorize again.")
