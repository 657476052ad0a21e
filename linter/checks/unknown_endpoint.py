"""unknown-endpoint: a Fortnox URL path that matches no endpoint in the catalog."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef


def _letters(path: str) -> str:
    """The letters of a path's fixed segments, sorted: equal for /3/companysettings and /3/settings/company."""
    return "".join(sorted("".join(s for s in path.split("/") if s and not s.startswith("{"))))


def suggest(path: str, templates: list[str]) -> str | None:
    same_letters = [t for t in templates if _letters(t) == _letters(path)]
    if same_letters:
        return same_letters[0]
    close = difflib.get_close_matches(path, templates, n=1, cutoff=0.6)
    return close[0] if close else None


# How a URL ends up outside /3/ when it is resolved rather than concatenated (linter.scanner.evaluate).
_RESOLVED = ("a path resolved against a base URL loses the base's last segment when the base does not "
             "end in \"/\" (https://api.fortnox.se/3 + invoices is https://api.fortnox.se/invoices), and the "
             "whole of the base's path when it starts with \"/\"; new URL, urljoin and new Uri all do this, "
             "as do HttpClient.BaseAddress, the base_uri of Guzzle and Symfony, Ktor's defaultRequest url, "
             "and Faraday (which adds the base's trailing slash itself)")
# Evidence of the uses that were resolved: a join call, or a client that resolves (linter.scanner.detect).
_RESOLVING = ("url-join", "client-base")


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    templates = [e.path for e in ctx.catalog.endpoints]
    for use in ctx.uses:
        if use.template is not None:
            continue
        best = suggest(use.endpoint, templates)
        suggestion = f"; did you mean {best}?" if best else ""
        outside = not use.endpoint.startswith(("/3/", "/api/"))
        resolved = outside and use.how in _RESOLVING
        if resolved:
            fix = "End the base URL with \"/\" (https://api.fortnox.se/3/) and join paths without a leading \"/\"."
        elif best:
            fix = f"Use {best}."
        else:
            fix = ("Check the path against the Fortnox API reference; if Fortnox has published it "
                   "recently, update fortnox-scope-lint or pass --catalog.")
        yield rule.at(
            use.path, use.line, use.column,
            f"{use.endpoint} is not a Fortnox API endpoint (catalog {ctx.catalog.version})"
            f"{'; its paths start with /3/' if outside else ''}{f'; {_RESOLVED}' if resolved else ''}{suggestion} "
            "The call will fail with 404, and no scope can be checked for it",
            fix=fix)
