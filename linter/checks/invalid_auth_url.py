"""invalid-auth-url: an OAuth URL Fortnox cannot serve, or an authorization request it will refuse."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks.authparams import Param, params, quoted, scope_names
from linter.context import Context
from linter.finding import Finding
from linter.ruledefs import RuleDef
from linter.scanner.facts.oauth import AUTH_HOST, OAUTH_PATHS
from linter.suggest import did_you_mean

REQUIRED = ("client_id", "response_type", "state", "scope")
_PATH_FOR_ROLE = {role: path for path, role in OAUTH_PATHS.items()}


def check(rule: RuleDef, ctx: Context) -> Iterator[Finding]:
    for fact in ctx.facts_of("oauth-url"):
        finding = _url_problem(rule, fact.path, fact.line, fact.column, fact.data)
        if finding is not None:
            yield finding
    for fact in ctx.facts_of("auth-request"):
        names = {p["name"] for p in fact.data.get("params", [])}
        missing = [n for n in REQUIRED if n not in names]
        if fact.data.get("complete") and missing:
            yield rule.at(
                fact.path, fact.line, fact.column,
                f"the authorization request has no {', '.join(missing)} "
                f"parameter{'s' if len(missing) > 1 else ''}; Fortnox requires client_id, "
                "response_type=code, state and scope, and refuses the activation without them",
                fix=f"Add {' and '.join(_example(n) for n in missing)} to the authorization URL's query.")
    for _fact, param in params(ctx):
        message = _param_problem(ctx, param)
        if message is not None:
            text, fix = message
            yield rule.at(param.path, param.line, param.column, text, fix=fix)


def _example(name: str) -> str:
    return {"response_type": "response_type=code", "state": "state=<random per request>",
            "client_id": "client_id=<your client id>", "scope": "scope=<space-separated scopes>"}[name]


def _url_problem(rule: RuleDef, path: str, line: int, column: int, data: dict) -> Finding | None:
    host, url_path, role = data.get("host", ""), data.get("path", ""), data.get("role", "other")
    right_path = url_path.rstrip("/").lower() in OAUTH_PATHS
    if host == AUTH_HOST and right_path and data.get("url", "").startswith("https://"):
        return None
    wanted = _PATH_FOR_ROLE.get(role) or did_you_mean(url_path, OAUTH_PATHS) or "/oauth-v1/auth"
    fixed = f"https://{AUTH_HOST}{url_path.rstrip('/') if right_path else wanted}"
    problems = []
    if host != AUTH_HOST:
        problems.append(f"Fortnox serves OAuth on {AUTH_HOST}, not {host}")
    if not right_path:
        problems.append(f"Fortnox has no OAuth endpoint {url_path or '/'}")
    if not data.get("url", "").startswith("https://"):
        problems.append("OAuth URLs must use https")
    return rule.at(path, line, column,
                   f"{data.get('url')} is not a Fortnox OAuth endpoint: {'; '.join(problems)}. "
                   "The request fails before Fortnox can authorize anything",
                   fix=f"Use {fixed}.")


def _param_problem(ctx: Context, param: Param) -> tuple[str, str] | None:
    """(message, fix) for a parameter Fortnox will refuse, else None."""
    if param.name == "response_type" and param.known and param.value != "code":
        return (f"response_type is '{param.value}'; Fortnox only issues authorization codes "
                "(response_type=code) and refuses anything else", "Set response_type=code.")
    if param.name == "account_type" and param.known and param.value.strip().lower() != "service":
        return (f"account_type is '{param.value}'; the only value Fortnox accepts is 'service' "
                "(leave account_type out for an ordinary user connection)",
                "Remove account_type, or set it to service for a service account.")
    if param.name != "scope":
        return None
    if param.known and not param.value.strip():
        return ("the scope parameter is empty; Fortnox needs at least one scope",
                "List the scopes the integration needs, separated by spaces.")
    separator = _separator_problem(param)
    if separator is not None:
        return separator
    unknown = [n for n in dict.fromkeys(scope_names(param)) if n not in ctx.catalog.scopes]
    if unknown:
        hints = [f"'{n}' (did you mean '{best}'?)" if (best := did_you_mean(n, ctx.catalog.scopes))
                 else f"'{n}'" for n in unknown]
        return (f"the authorization URL asks for {', '.join(hints)}, which "
                f"{'is not a Fortnox scope' if len(unknown) == 1 else 'are not Fortnox scopes'}; "
                "Fortnox answers \"An unsupported scope was requested\"",
                "Use scope enumerations exactly as Fortnox spells them (lowercase), e.g. from "
                "`fortnox-lint scopes`.")
    return None


def _separator_problem(param: Param) -> tuple[str, str] | None:
    value, raw = param.value, param.raw
    names = scope_names(param)
    if "," in value:
        return (f"scopes are joined with commas ({quoted(names)}); Fortnox expects them separated "
                "by spaces and reads the comma-joined text as one unknown scope: \"An unsupported "
                "scope was requested\"",
                "Join the scopes with a space (written %20 or + inside a URL).")
    if "+" in value:  # in a query string only %2B decodes to a plus sign
        how = "in a value the URL builder encodes" if not param.encoded else "as %2B"
        return (f"scopes are joined with '+' {how}, so Fortnox receives a literal plus sign and one "
                f"unknown scope instead of {quoted(names)}: \"An unsupported scope was requested\"",
                "Join the scopes with a space (the builder encodes it; inside a URL write %20 or +).")
    if not param.encoded and "%20" in raw:
        return ("the scope value is already URL-encoded (%20) and the URL builder encodes it again "
                f"(%2520), so Fortnox cannot split {quoted(names)}: \"An unsupported scope was requested\"",
                "Join the scopes with a plain space; the builder encodes it.")
    return None
