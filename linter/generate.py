"""Generators: a least-privilege fortnox.yaml from the code (`init`), and the authorization URL a
manifest implies (`auth-url`)."""

from __future__ import annotations

from urllib.parse import quote

from linter.catalog import Catalog
from linter.context import Context
from linter.engine import LintResult
from linter.errors import LintError
from linter.manifest import Manifest
from linter.suggest import hint
from linter.wording import counted

AUTH_ENDPOINT = "https://apps.fortnox.se/oauth-v1/auth"
CLIENT_ID_PLACEHOLDER = "{client_id}"
STATE_PLACEHOLDER = "{state}"


def manifest_text(result: LintResult, document: dict) -> str:
    """A commented fortnox.yaml requesting exactly the scopes the scanned code needs.

    ``document`` is runner.needed_scopes_document(result): scopes, licence options, unknown paths.
    """
    catalog = result.catalog
    files = len(result.scan.files)
    lines = [
        "# fortnox.yaml: this integration's Fortnox app, as registered in the Fortnox Developer Portal.",
        f"# Written by `fortnox-lint init` from the code ({counted(files, 'file')} scanned).",
        "# These are the least-privilege scopes the code calls: tick exactly these for the app,",
        "# then keep code and manifest in step with `fortnox-lint check`.",
    ]
    scopes = document["scopes"]
    if not scopes:
        lines.append("scopes: []  # no Fortnox API calls found in the code yet")
    else:
        lines.append("scopes:")
        width = max(len(s) for s in scopes)
        for scope_id in scopes:
            lines.append(f"  - {scope_id:<{width}}  # {_why(result, catalog, scope_id)}")
    options = document["license_options"]
    if scopes:
        lines.append("# Licences your customers must hold; any one of these combinations covers the scopes:")
        lines += [f"#   {' + '.join(option) if option else 'no licence needed'}" for option in options]
        first = next((option for option in options if option), None)
        if first:
            lines.append(f"# licenses: [{', '.join(first)}]")
    if document["unknown_endpoints"]:
        lines.append("# Paths the code calls that match no Fortnox endpoint (check them with `fortnox-lint check`):")
        lines += [f"#   {path}" for path in document["unknown_endpoints"]]
    lines += [
        "# Redirect URIs registered for the app; `fortnox-lint auth-url` uses the first:",
        "# redirect_uris:",
        "#   - https://example.com/fortnox/callback",
        "# Whether the app lets customers connect a service account (account_type=service):",
        "# service_account: false",
        "# Paths not to scan, relative to this file:",
        "# exclude:",
        '#   - "tests/**"',
    ]
    return "\n".join(lines) + "\n"


def _why(result: LintResult, catalog: Catalog, scope_id: str) -> str:
    ctx = Context(catalog=catalog, manifest=None, uses=result.scan.uses)
    sites = [u for u in result.scan.uses if scope_id in ctx.accepted_scopes(u)]
    scope = catalog.scopes[scope_id]
    module = ""
    if not sites:  # needed only because a module needs it (the warehouse module needs article)
        sites = [u for u in result.scan.uses if scope_id in ctx.module_scopes(u)]
        modules = [m.name.lower() for u in sites[:1] for m, _ in catalog.module_scopes(u.template or u.endpoint)]
        module = f" for the {modules[0]} module" if modules else ""
    text = f"{scope.name}: {counted(len(sites), 'call site')}{module}"
    if sites:
        text += f", first {sites[0].path}:{sites[0].line}"
    if sites and all(u.confidence == "low" for u in sites):
        text += " (low confidence: check the mapping)"
    return text


def authorization_url(manifest: Manifest, catalog: Catalog, client_id: str | None = None,
                      state: str | None = None, redirect_uri: str | None = None) -> str:
    """The URL that starts Fortnox's OAuth flow for this manifest's app.

    Raises LintError, placed in the manifest, when the manifest cannot yield a working URL.
    """
    if not manifest.valid:
        problem = manifest.problems[0]
        raise LintError(f"the manifest is invalid ({problem.message}); fix it first",
                        manifest.display, problem.line, problem.column)
    if not manifest.scopes:
        raise LintError("the manifest requests no scopes; Fortnox needs at least one",
                        manifest.display, *manifest.key_position("scopes"))
    for entry in manifest.scopes:
        if entry.value not in catalog.scopes:
            raise LintError(f"'{entry.value}' is not a Fortnox scope{hint(entry.value, catalog.scopes)} "
                            "Fortnox would answer \"An unsupported scope was requested\"",
                            manifest.display, entry.line, entry.column)
    registered = [e.value for e in manifest.entries("redirect_uris") or []]
    if redirect_uri is not None and registered and redirect_uri not in registered:
        raise LintError(f"redirect URI {redirect_uri} is not in redirect_uris; Fortnox would answer "
                        "\"RedirectURI is missing or mismatch\"", manifest.display,
                        *manifest.key_position("redirect_uris"))
    chosen = redirect_uri if redirect_uri is not None else (registered[0] if registered else None)
    params = [("client_id", _value(client_id, CLIENT_ID_PLACEHOLDER))]
    if chosen:
        params.append(("redirect_uri", quote(chosen, safe="")))
    params += [
        ("scope", quote(" ".join(e.value for e in manifest.scopes), safe="")),
        ("state", _value(state, STATE_PLACEHOLDER)),
        ("access_type", "offline"),
        ("response_type", "code"),
    ]
    if manifest.get("service_account") is True:
        params.append(("account_type", "service"))
    return AUTH_ENDPOINT + "?" + "&".join(f"{key}={value}" for key, value in params)


def _value(given: str | None, placeholder: str) -> str:
    """A given value, URL-encoded; otherwise the placeholder, left readable to fill in."""
    return placeholder if given is None else quote(given, safe="")
