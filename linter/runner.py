"""The library entry points behind the CLI. Each returns an exit code; none calls sys.exit.

Exit codes: 0 clean, 1 findings at or above the failing severity, 2 could not lint.
"""

from __future__ import annotations

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
from linter.redact import mask_secrets
from linter.terminal import Progress, is_tty
from linter.wording import counted

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
NEEDS_SOURCES = frozenset({"full", "sarif", "gitlab"})  # formats that show or hash source lines


def report_for(result: LintResult, sources: dict[str, tuple[str, ...]] | None = None) -> Report:
    return Report(
        findings=result.findings, rules=result.rules, files_scanned=len(result.scan.files),
        tool_version=__version__, catalog_version=result.catalog.version,
        notices=tuple(f"{s.display}: skipped ({s.reason})" for s in result.scan.skipped)
        + tuple(result.notices),
        sources=mask_secrets(sources, result.scan.facts) if sources else {},
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
        return f"No Fortnox endpoint calls found ({counted(len(result.scan.files), 'file')} scanned).\n"
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
                     f"{counted(len(sites), 'call site')}"
                     + (f" (the {via_module[scope_id]} module needs it)" if scope_id in via_module else ""))
        if explain:
            for use in sites:
                lines.append(f"      {use.path}:{use.line}:{use.column}  {use.call}  [{use.how}, {use.confidence}]")
                if use.confidence != "high" and use.why:
                    lines.append(f"          why: {use.why}")
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


def run_write_baseline(request: LintRequest, baseline: Path, err: TextIO) -> int:
    """Lint and record every finding in ``baseline``; exit 0, since adopting is the point."""
    from linter.baseline import write

    request.baseline = None
    try:
        result = lint(request)
        count = write(result.findings, baseline, request.cwd)
    except LintError as exc:
        err.write(f"fortnox-lint: error: {clean(str(exc))}\n")
        return EXIT_ERROR
    err.write(f"fortnox-lint: wrote {baseline} ({counted(count, 'finding')})\n")
    return EXIT_CLEAN


def run_fix(request: LintRequest, fmt: str | Sequence[Output], out: TextIO, err: TextIO,
            diff_only: bool, fail_on: str = "warning", *, exit_zero: bool = False,
            color: bool = False) -> int:
    """--fix: rewrite the manifest's scopes, then report what is left. --diff: show, write nothing."""
    from linter import fix

    try:
        result = lint(request)
        change = fix.change_for(result)
        if change is not None and not diff_only:
            fix.apply(change, result)
    except LintError as exc:
        err.write(f"fortnox-lint: error: {clean(str(exc))}\n")
        return EXIT_ERROR
    if diff_only:
        out.write(change.diff() if change else "")
        return EXIT_FINDINGS if change else EXIT_CLEAN
    if change is not None:
        err.write(f"fortnox-lint: fixed {change.display}: {change.summary()}; tick the same scopes "
                  "in the Fortnox Developer Portal\n")
    return run(request, fmt, out, err, fail_on, exit_zero=exit_zero, color=color)


def run_init(request: LintRequest, target: Path, force: bool, out: TextIO, err: TextIO) -> int:
    """Write a least-privilege fortnox.yaml at ``target`` from the code in request.paths."""
    from linter.atomic import write_atomic
    from linter.generate import manifest_text
    from linter.manifest import MANIFEST_NAMES

    existing = [target.parent / name for name in MANIFEST_NAMES if (target.parent / name).exists()]
    if existing and not force:
        err.write(f"fortnox-lint: error: {existing[0]} already exists; pass --force to overwrite it\n")
        return EXIT_ERROR
    target = existing[0] if existing else target  # --force replaces fortnox.yml rather than add a twin
    request.need_manifest, request.manifest, request.discover_manifest = False, None, False
    try:
        result = lint(request)
        document = needed_scopes_document(result)
        write_atomic(target, manifest_text(result, document).encode("utf-8"))
    except LintError as exc:
        err.write(f"fortnox-lint: error: {clean(str(exc))}\n")
        return EXIT_ERROR
    except OSError as exc:
        err.write(f"fortnox-lint: error: {target}: cannot write: {exc.strerror or exc}\n")
        return EXIT_ERROR
    scopes = document["scopes"]
    if not scopes:
        out.write(f"Wrote {target} requesting no scopes: no Fortnox API calls were found.\n")
        return EXIT_CLEAN
    out.write(f"Wrote {target} requesting {counted(len(scopes), 'scope')}: "
              f"{', '.join(scopes)}. Tick exactly these for the app in the Fortnox Developer Portal.\n")
    return EXIT_CLEAN


def run_auth_url(start: Path, manifest_path: Path | None, catalog_path: Path | None, client_id: str | None,
                 state: str | None, redirect_uri: str | None, out: TextIO, err: TextIO) -> int:
    """Print the authorization URL for the manifest's app."""
    from linter.catalog import load_catalog
    from linter.engine import check_paths_exist, locate_manifest
    from linter.generate import authorization_url
    from linter.manifest import load_manifest
    from linter.scanner.files import display_path

    try:
        check_paths_exist([start], Path.cwd())
        located = locate_manifest(LintRequest(paths=[start], manifest=manifest_path))
        if located is None:
            raise LintError(f"no fortnox.yaml found in {start} or any folder above it; pass --manifest")
        absolute = located.resolve()
        manifest = load_manifest(absolute, display_path(absolute, Path.cwd().resolve()))
        url = authorization_url(manifest, load_catalog(catalog_path), client_id, state, redirect_uri)
    except LintError as exc:
        err.write(f"fortnox-lint: error: {clean(str(exc))}\n")
        return EXIT_ERROR
    if not manifest.entries("redirect_uris") and redirect_uri is None:
        err.write(f"fortnox-lint: note: {manifest.display} lists no redirect_uris, so the URL has none "
                  "and Fortnox uses the one registered in the Developer Portal\n")
    out.write(url + "\n")
    return EXIT_CLEAN
