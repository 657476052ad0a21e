"""The engine: load catalog and manifest, scan the source, run the selected checks."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from linter.authorized import load_authorized
from linter.catalog import Catalog
from linter.config import Config, load_config
from linter.context import Context
from linter.errors import LintError
from linter.finding import Finding
from linter.manifest import Manifest, find_manifest, load_manifest, parse_manifest
from linter.ruledefs import RuleDef, load_rules
from linter.scanner import Buffered, ScanResult, scan, scan_alone
from linter.scanner.files import display_path
from linter.wording import counted

if TYPE_CHECKING:
    from linter.cache import ScanCache


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
    include_tests: bool = False  # scan test code too (also: include_tests: true in fortnox.yaml)
    # Unsaved text by absolute path (editor buffers, --stdin-filename); wins over the file on disk.
    overrides: dict[Path, str] = field(default_factory=dict)
    # False: report only findings in ``paths``, not the manifest's own (unless it is one of them).
    manifest_findings: bool = True
    on_file: Callable[[str], None] | None = None  # called per scanned file (progress)
    discover_manifest: bool = True  # look for fortnox.yaml beside/above paths when manifest is None
    baseline: Path | None = None  # hide findings this baseline file holds (CLI only, not editors)
    cache: bool = False  # use the on-disk cache (linter.cache); the CLI turns it on
    cache_dir: Path | None = None  # default: .fortnox-lint-cache in the project root
    jobs: int = 0  # worker processes for big trees; 0 = one per core


@dataclass
class LintResult:
    catalog: Catalog
    manifest: Manifest | None
    scan: ScanResult
    findings: list[Finding] = field(default_factory=list)
    rules: dict[str, RuleDef] = field(default_factory=dict)
    config: Config = field(default_factory=Config)
    notices: list[str] = field(default_factory=list)  # e.g. what the baseline hid


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
    if not request.discover_manifest:
        return None
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
    from linter.cache import no_gc

    # A run makes hundreds of thousands of objects that live until it ends, and few cycles: the
    # collector's passes over them found nothing but cost 0.1 s of a big project's cold check.
    # Scanning in this process makes garbage: the collector runs there (linter.scanner.work).
    with no_gc():
        return _lint(request)


def _lint(request: LintRequest) -> LintResult:
    cwd = request.cwd.resolve()
    check_paths_exist(request.paths, cwd)
    manifest_path = locate_manifest(request)
    absolute = Path(os.path.abspath(cwd / manifest_path)) if manifest_path is not None else None
    from linter import cache as caching

    cache = caching.open_cache(request.cache_dir, absolute.parent if absolute else cwd) if request.cache else None
    catalog, catalog_digest = caching.load_catalog(request.catalog, cache)
    validator = caching.manifest_validator(cache)
    overrides = {_real(cwd / path): text for path, text in request.overrides.items()}
    manifest = None
    if absolute is not None:
        if _real(absolute) in overrides:
            manifest = parse_manifest(overrides[_real(absolute)], absolute, display_path(absolute, cwd),
                                      validator=validator)
        else:
            manifest = load_manifest(absolute, display_path(absolute, cwd), validator=validator)
    elif request.need_manifest:
        shown = ", ".join(str(p) for p in request.paths)
        raise LintError(f"no fortnox.yaml found in {shown} or any folder above it; "
                        "create one (see the README's manifest reference) or pass --manifest")

    targets = [Path(os.path.abspath(cwd / p)) for p in request.paths]
    roots = list(targets)
    whole_project = manifest is None
    if manifest is not None:
        # Project-wide rules need all the project's code, even when only some files were named.
        roots = [manifest.root] + [t for t in targets if not _is_within(t, manifest.root)]
        whole_project = True
    rules = load_rules()
    config = load_config(manifest, targets[0] if targets else cwd, cwd, rules)
    lone = _lone_buffer(request, targets, overrides, absolute) if manifest is not None else None
    scan_cache = caching.ScanCache(cache, cwd, catalog_digest, alone=lone is not None) \
        if cache and catalog_digest else None
    active = config.active_rules(_check_names(scan_cache), request.select, request.ignore)
    authorized = None  # read before scanning, so that a bad --since fails fast
    if manifest is not None and REAUTHORIZATION_RULE in active:
        authorized = load_authorized(manifest, request.since)
    excludes = manifest.get("exclude", []) if manifest and manifest.valid else []
    exclude_root, patterns = config.scan_excludes(excludes if isinstance(excludes, list) else [],
                                                  manifest.root if manifest else None)
    include_tests = request.include_tests or bool(
        manifest and manifest.valid and manifest.get("include_tests", False) is True)
    scanned: ScanResult | Buffered | None = None
    if lone is not None:
        scanned = scan_alone(lone, overrides[lone], manifest.root, catalog, cwd, exclude=patterns,
                             exclude_root=exclude_root, include_tests=include_tests, cache=scan_cache)
        if isinstance(scanned, Buffered) and scan_cache is not None:  # the project's cache from here on
            scan_cache = caching.ScanCache(cache, cwd, catalog_digest)  # type: ignore[arg-type]
            if scanned.outcome and scanned.outcome.startswith("k:"):
                scan_cache.remember(scanned.outcome[2:], scanned.scan)
    if scan_cache is not None:  # the findings go in the index too: it is written once, when they are known
        scan_cache.hold_index = True
    if not isinstance(scanned, ScanResult):  # the buffer needs its project (its own scan is reused)
        scanned = scan(roots, catalog, cwd, exclude=patterns, exclude_root=exclude_root,
                       overrides=overrides, on_file=request.on_file, include_tests=include_tests,
                       cache=scan_cache, jobs=request.jobs, buffered={lone: scanned} if scanned else None)

    found, key = None, None
    if scan_cache is not None:  # what the checks found, when exactly these inputs were checked before
        inputs = {"manifest": manifest, "whole_project": whole_project, "authorized": authorized,
                  "active": active, "config": config, "rules": rules, "cwd": cwd}
        key = caching.findings_key(scan_cache, inputs, manifest.path if manifest else None)
        found = scan_cache.findings(key) if key is not None else None
    if found is None:
        ctx = Context(catalog=catalog, manifest=manifest, uses=scanned.uses, facts=scanned.facts,
                      whole_project=whole_project, authorized=authorized)
        found = _checked(ctx, rules, active, config, cwd)
        # Remembered only if nothing they read changed meanwhile (the manifest on disk, the scan).
        if scan_cache is not None and key is not None \
                and caching.findings_key(scan_cache, inputs, manifest.path if manifest else None) == key:
            scan_cache.remember_findings(key, found)
    if scan_cache is not None:
        scan_cache.hold_index = False
        scan_cache.save()
    reported = {display_path(t, cwd) for t in targets}
    in_manifest = request.manifest_findings and manifest is not None
    findings = [f for f in found
                if in_manifest and f.path == manifest.display or _under_any(f.path, reported)]
    findings.sort()
    result = LintResult(catalog, manifest, scanned, findings, rules, config)
    if request.baseline is not None:
        from linter import baseline as baselines  # only with --baseline (it imports hashlib)

        result.findings, hidden, stale = baselines.apply(findings, request.baseline, cwd, overrides)
        if hidden:
            result.notices.append(f"{counted(hidden, 'finding')} hidden by the "
                                  f"baseline {request.baseline}")
        if stale:
            entries = "1 baseline entry no longer occurs" if stale == 1 else \
                f"{stale} baseline entries no longer occur"
            result.notices.append(f"{entries}; rewrite the baseline with --write-baseline")
    return result


def _lone_buffer(request: LintRequest, targets: list[Path], overrides: dict[Path, str],
                 manifest: Path | None) -> Path | None:
    """The one buffer whose findings alone are wanted (check --stdin-filename), if that is the
    request: then linter.scanner.scan_alone may spare the walk of the whole project. Not the
    manifest's buffer (its findings need every file) nor a path through a symlinked folder."""
    if request.manifest_findings or len(targets) != 1 or targets[0] not in overrides:
        return None
    if manifest is not None and _real(manifest) == targets[0]:
        return None
    return targets[0]


def _check_names(cache: ScanCache | None) -> set[str]:
    """The names of all checks; remembered by the code's digest, since importing the checks brings
    the fact extractors and the lexer, which a warm run with remembered findings does not need."""
    names = cache.check_names() if cache is not None else None
    if names is None:
        from linter.checks import CHECKS

        names = set(CHECKS)
        if cache is not None:
            cache.remember_check_names(names)
    return names


def _checked(ctx: Context, rules: dict[str, RuleDef], active: set[str], config: Config,
             cwd: Path) -> list[Finding]:
    """Run the active checks, apply configuration and inline suppressions, then judge those."""
    from linter import suppressions  # it brings the lexer: not needed when findings are remembered
    from linter.checks import CHECKS

    found: list[Finding] = []
    for name, check in CHECKS.items():
        if name in active and name != suppressions.RULE:
            found.extend(check(rules[name], ctx))
    found, ctx.unused_suppressions = suppressions.apply(
        config.adjust(found, cwd), suppressions.collect(ctx.facts, ctx.manifest), rules, active)
    if suppressions.RULE in active:
        found += config.adjust(list(CHECKS[suppressions.RULE](rules[suppressions.RULE], ctx)), cwd)
    return found


def _real(path: Path) -> Path:
    """``path`` with its folder's symlinks resolved, as the walk from a resolved root names files."""
    path = Path(os.path.abspath(path))
    return Path(os.path.realpath(path.parent)) / path.name


def _under_any(path: str, folders: set[str]) -> bool:
    return any(f in (".", "") or path == f or path.startswith(f.rstrip("/") + "/") for f in folders)
