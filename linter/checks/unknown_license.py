"""unknown-license: a licence name in the manifest that Fortnox does not sell."""

from __future__ import annotations

from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef
from linter.suggest import did_you_mean


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    if ctx.manifest is None:
        return
    for entry in ctx.manifest.licenses or []:
        if ctx.catalog.licence_id(entry.value) is not None:
            continue
        best = did_you_mean(entry.value, ctx.catalog.licence_names)
        suggestion = f"; did you mean '{best}'?" if best else ""
        yield rule.at(
            ctx.manifest.display, entry.line, entry.column,
            f"'{entry.value}' is not a Fortnox licence{suggestion} Licences are spelled as Fortnox "
            "names its products (Kundfaktura, Order, Bokföring, ...)",
            fix=f"Replace it with '{best}'." if best else
                f"Use one of: {', '.join(ctx.catalog.licences)}.")
