"""The library entry points behind the CLI. Each returns an exit code; none calls sys.exit.

Exit codes: 0 clean, 1 findings at or above the failing severity, 2 could not lint.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from linter import __version__
from linter.context import Context
from linter.engine import LintRequest, LintResult, lint
from linter.errors import LintError
from linter.finding import Finding, severity_rank
from linter.formatters import FORMATTERS, Report
from linter.formatters import statistics as stats
from linter.formatters.base import clean, json_text
from linter.outputs import Output, write_atomic
from linter.scanner.files import read_text
from linter.terminal import Progress, is_tty

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
NEEDS_SOURCES = frozenset({"full", "sarif", "gitlab"})  # formats that show or hash source lines


def report_for(result: LintResult, sources: dict[str, tuple[str, ...]] | None = None) -> Report:
    return Report(
        findings=result.findings, rules=result.rules, files_scanned=len(result.scan.files),
        tool_version=__version__, catalog_version=result.catalog.version,
        notices=tuple(f"{s.display}: skipped ({s.reason})" for s in result.scan.skipped),
        sources=sources or {},
    )


def load_sources(findings: Sequence[Finding], cwd: Path,
                 overrides: Mapping[Path, str] | None = None) -> dict[str, tuple[str, ...]]:
    """The lines of each file that has findings (paths are relative to ``cwd`` or absolute);
    ``overrides`` holds unsaved text by absolute path, as in LintRequest."""
    sources: dict[str, tuple[str, ...]] = {}
    for path in sorted({f.path for f in findings}):
        absolute = Path(os.path.abspath(cwd / path))
        text = (overrides or {}).get(absolute)
        if text is None:
            text, _reason = read_text(absolute)
        if text is not None:
            sources[path] = tuple(line.rstrip("\r") for line in text.split("\n"))
    return sources


def run(request: LintRequest, fmt: str | Sequence[Output], out: TextIO, err: TextIO,
        fail_on: str = "warning", *, exit_zero: bool = False, statistics: bool = False,
        color: bool = False) -> int:
    """Lint, write the report in each output format, return the exit code.

    ``fmt`` is one format for ``out``, or the outputs of ``linter.outputs.plan``: the first is the
    main one (``out`` when its path is None), the rest are files. ``statistics`` replaces the main
    report with counts per rule; ``color`` applies to ``out`` only.
    """
    outputs = [Output(fmt)] if isinstance(fmt, str) else list(fmt)
    progress = Progress(err) if is_tty(err) and request.on_file is None else None
    if progress is not None:
        request.on_file = progress
    try:
        result = lint(request)
    except LintError as exc:
        err.write(f"fortnox-lint: error: {clean(str(exc))}\n")
        return EXIT_ERROR
    finally:
        if progress is not None:
            progress.finish()
            request.on_file = None
    wanted = NEEDS_SOURCES & {o.fmt for o in outputs}
    sources = load_sources(result.findings, request.cwd, request.overrides) if wanted else None
    report = report_for(result, sources)
    for notice in report.notices:
        err.write(f"fortnox-lint: {clean(notice)}\n")
    status = EXIT_CLEAN
    for index, output in enumerate(outputs):
        text = _render(output, report, statistics and index == 0, color and output.path is None)
        if output.path is None:
            out.write(text)
            continue
        try:
            write_atomic(output.path, text)
        except OSError as exc:
            err.write(f"fortnox-lint: error: cannot write {clean(str(output.path))}: "
                      f"{clean(exc.strerror or str(exc))}\n")
            status = EXIT_ERROR
    if status == EXIT_ERROR or exit_zero:
        return status
    threshold = severity_rank(fail_on)
    failing = any(severity_rank(f.severity) >= threshold for f in result.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _render(output: Output, report: Report, statistics: bool, color: bool) -> str:
    if statistics:
        return stats.render_json(report) if output.fmt == "json" else stats.render_text(report)
    return FORMATTERS[output.fmt](replace(report, color=color))


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
        err.write(f"fortnox-lint: error: {clean(str(exc))}\n")
        return EXIT_ERROR
    document = needed_scopes_document(result)
    if fmt == "json":
        out.write(json_text(document))  # file names may hold undecodable bytes
        return EXIT_CLEAN
    text = _scopes_text(result, document, explain)
    out.write("\n".join(clean(line) for line in text.split("\n")))  # paths come from the repository
    return EXIT_CLEAN


def _scopes_text(result: LintResult, document: dict, explain: bool) -> str:
    catalog = result.catalog
    if not document["scopes"]:
        return f"No Fortnox endpoint calls found ({len(result.scan.files)} files scanned).\n"
    lines = ["Scopes the code needs (least privilege):"]
    by_scope: dict[str, list] = {}
    for use in result.scan.uses:
        if use.scope:
            by_scope.setdefault(use.scope, []).append(use)
    width = max(len(s) for s in document["scopes"])
    for scope_id in document["scopes"]:
        scope = catalog.scopes[scope_id]
        sites = by_scope.get(scope_id, [])
        lines.append(f"  {scope_id:<{width}}  {scope.name:<22} licence: {scope.licence_text():<34} "
                     f"{len(sites)} call site{'s' if len(sites) != 1 else ''}")
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
