"""The library entry points behind the CLI. Each returns an exit code; none calls sys.exit.

Exit codes: 0 clean, 1 findings at or above the failing severity, 2 could not lint.
"""

from __future__ import annotations

import json
from typing import TextIO

from linter import __version__
from linter.context import Context
from linter.engine import LintRequest, LintResult, lint
from linter.errors import LintError
from linter.finding import severity_rank
from linter.formatters import FORMATTERS, Report

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def report_for(result: LintResult) -> Report:
    return Report(
        findings=result.findings, rules=result.rules, files_scanned=len(result.scan.files),
        tool_version=__version__, catalog_version=result.catalog.version,
        notices=tuple(f"{s.display}: skipped ({s.reason})" for s in result.scan.skipped),
    )


def run(request: LintRequest, fmt: str, out: TextIO, err: TextIO, fail_on: str = "warning") -> int:
    """Lint, print the report in ``fmt``, return the exit code."""
    try:
        result = lint(request)
    except LintError as exc:
        err.write(f"fortnox-lint: error: {exc}\n")
        return EXIT_ERROR
    report = report_for(result)
    for notice in report.notices:
        err.write(f"fortnox-lint: {notice}\n")
    out.write(FORMATTERS[fmt](report))
    threshold = severity_rank(fail_on)
    failing = any(severity_rank(f.severity) >= threshold for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def needed_scopes_document(result: LintResult) -> dict:
    """What `fortnox-lint scopes` prints as JSON: uses, least-privilege scopes, licence options."""
    ctx = Context(catalog=result.catalog, manifest=None, uses=result.scan.uses)
    scopes = sorted(ctx.needed_scopes)
    return {
        "uses": [use.to_dict() for use in result.scan.uses],
        "scopes": scopes,
        "license_options": result.catalog.licence_options(scopes),
        "unknown_endpoints": sorted({u.endpoint for u in result.scan.uses if u.template is None}),
    }


def run_scopes(request: LintRequest, fmt: str, out: TextIO, err: TextIO, explain: bool = False) -> int:
    request.need_manifest = False
    request.manifest = None
    try:
        result = lint(request)
    except LintError as exc:
        err.write(f"fortnox-lint: error: {exc}\n")
        return EXIT_ERROR
    document = needed_scopes_document(result)
    if fmt == "json":
        out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return EXIT_CLEAN
    out.write(_scopes_text(result, document, explain))
    return EXIT_CLEAN


def _scopes_text(result: LintResult, document: dict, explain: bool) -> str:
    catalog = result.catalog
    if not document["scopes"]:
        return f"No Fortnox endpoint calls found ({len(result.scan.files)} files scanned).\n"
    lines = ["Scopes the code needs (least privilege):"]
    by_scope: dict[str, list] = {}
    via_module: dict[str, str] = {}  # scope -> the module that needs it, when no call needs it directly
    for use in result.scan.uses:
        if use.scope:
            by_scope.setdefault(use.scope, []).append(use)
    for use in result.scan.uses:
        for module, scopes in catalog.module_scopes(use.template or use.endpoint):
            for scope in scopes:
                if scope not in by_scope or scope in via_module:
                    via_module[scope] = module.name.lower()
                    by_scope.setdefault(scope, []).append(use)
    width = max(len(s) for s in document["scopes"])
    for scope_id in document["scopes"]:
        scope = catalog.scopes[scope_id]
        sites = by_scope.get(scope_id, [])
        lines.append(f"  {scope_id:<{width}}  {scope.name:<22} licence: {scope.licence_text():<34} "
                     f"{len(sites)} call site{'s' if len(sites) != 1 else ''}"
                     + (f" (the {via_module[scope_id]} module needs it)" if scope_id in via_module else ""))
        if explain:
            for use in sites:
                call = f"{use.method} {use.endpoint}" if use.method else use.endpoint
                lines.append(f"      {use.path}:{use.line}:{use.column}  {call}  [{use.how}, {use.confidence}]")
    lines.append("")
    lines.append("Licence combinations that cover them (any one is enough):")
    for option in document["license_options"]:
        lines.append("  " + (" + ".join(option) if option else "no licence needed"))
    if document["unknown_endpoints"]:
        lines.append("")
        lines.append("Paths that match no Fortnox endpoint: " + ", ".join(document["unknown_endpoints"]))
    manifest = "scopes: [" + ", ".join(document["scopes"]) + "]"
    lines += ["", f"For fortnox.yaml:  {manifest}"]
    return "\n".join(lines) + "\n"
