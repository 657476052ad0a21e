"""The engine: load catalog and manifest, scan the source, run the selected checks."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from linter.authorized import load_authorized
from linter.catalog import Catalog, load_catalog
from linter.checks import CHECKS
from linter.context import Context
from linter.errors import LintError
from linter.finding import Finding
from linter.manifest import Manifest, find_manifest, load_manifest
from linter.ruledefs import RuleDef, load_rules
from linter.scanner import ScanResult, scan
from linter.scanner.files import display_path


REAUTHORIZATION_RULE = "scope-added-needs-reauthorization"  # the rule that reads a baseline


@dataclass
class LintRequest:
    paths: list[Path] = field(default_factory=lambda: [Path(".")])
    manifest: Path | None = None
    catalog: Path | None = None
    cwd: Path = field(default_factory=Path.cwd)
    select: set[str] | None = None  # rule names to run; None = all
    ignore: set[str] = field(default_factory=set)
    need_manifest: bool = True
    since: str | None = None  # git ref whose fortnox.yaml holds the scopes customers authorized


@dataclass
class LintResult:
    catalog: Catalog
    manifest: Manifest | None
    scan: ScanResult
    findings: list[Finding] = field(default_factory=list)
    rules: dict[str, RuleDef] = field(default_factory=dict)


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def locate_manifest(request: LintRequest) -> Path | None:
    if request.manifest is not None:
        if not request.manifest.is_file():
            raise LintError("manifest not found", str(request.manifest))
        return request.manifest
    for path in request.paths:
        found = find_manifest(request.cwd / path)
        if found:
            return found
    return None


def check_paths_exist(paths: Iterable[Path], cwd: Path) -> None:
    for path in paths:
        if not (cwd / path).exists():
            raise LintError("no such file or folder", str(path))


def lint(request: LintRequest) -> LintResult:
    """Lint a project. Raises LintError when it cannot be linted at all."""
    cwd = request.cwd.resolve()
    check_paths_exist(request.paths, cwd)
    catalog = load_catalog(request.catalog)
    manifest_path = locate_manifest(request)
    manifest = None
    if manifest_path is not None:
        absolute = Path(os.path.abspath(cwd / manifest_path))
        manifest = load_manifest(absolute, display_path(absolute, cwd))
    elif request.need_manifest:
        shown = ", ".join(str(p) for p in request.paths)
        raise LintError(f"no fortnox.yaml found in {shown} or any folder above it; "
                        "create one (see the README's manifest reference) or pass --manifest")

    authorized = None  # read before scanning, so that a bad --since fails fast
    if manifest is not None and _runs(request, REAUTHORIZATION_RULE):
        authorized = load_authorized(manifest, request.since)

    targets = [Path(os.path.abspath(cwd / p)) for p in request.paths]
    roots = list(targets)
    whole_project = manifest is None
    if manifest is not None:
        # Project-wide rules need all the project's code, even when only some files were named.
        roots = [manifest.root] + [t for t in targets if not _is_within(t, manifest.root)]
        whole_project = True
    excludes = manifest.get("exclude", []) if manifest and manifest.valid else []
    scanned = scan(roots, catalog, cwd, exclude=excludes if isinstance(excludes, list) else [],
                   exclude_root=manifest.root if manifest else None)

    rules = load_rules()
    ctx = Context(catalog=catalog, manifest=manifest, uses=scanned.uses, facts=scanned.facts,
                  whole_project=whole_project, authorized=authorized)
    reported = {display_path(t, cwd) for t in targets}
    findings: list[Finding] = []
    for name, check in CHECKS.items():
        if (request.select is not None and name not in request.select) or name in request.ignore:
            continue
        for finding in check(rules[name], ctx):
            if manifest and finding.path == manifest.display or _under_any(finding.path, reported):
                findings.append(finding)
    findings.sort()
    return LintResult(catalog, manifest, scanned, findings, rules)


def _runs(request: LintRequest, name: str) -> bool:
    return (request.select is None or name in request.select) and name not in request.ignore


def _under_any(path: str, folders: set[str]) -> bool:
    return any(f in (".", "") or path == f or path.startswith(f.rstrip("/") + "/") for f in folders)
