"""The scanner: which endpoints the integration's source calls, and where."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from linter.catalog import Catalog
from linter.scanner.extract import language_of, scan_text
from linter.scanner.files import Skipped, SourceFile, read_text, walk
from linter.scanner.project import resolve
from linter.scanner.uses import EndpointUse, Fact, FileScan
from linter.scanner.work import Outcome, WorkContext, scan_all, scan_path

if TYPE_CHECKING:
    from linter.cache import ScanCache

__all__ = ["EndpointUse", "Fact", "FileScan", "ScanResult", "scan", "scan_file"]


@dataclass
class ScanResult:
    uses: list[EndpointUse] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    files: list[SourceFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def scan_file(source: SourceFile, catalog: Catalog, text: str | None = None) -> tuple[FileScan, str | None]:
    if text is None:
        text, reason = read_text(source.path)
        if text is None:
            return FileScan(), reason
    return scan_text(text, source.display, language_of(source.path), catalog), None


def scan(paths: Iterable[Path], catalog: Catalog, cwd: Path, exclude: Iterable[str] = (),
         exclude_root: Path | None = None, overrides: dict[Path, str] | None = None,
         include_tests: bool = False, on_file: Callable[[str], None] | None = None,
         cache: ScanCache | None = None, jobs: int = 0) -> ScanResult:
    """Scan every file below ``paths``. ``overrides`` supplies unsaved text for some files;
    ``on_file`` is told each file's display path as it is done (the progress counter).

    Test code is skipped unless ``include_tests``. After the per-file scans, calls whose base URL
    is set in another file of the project are resolved (linter.scanner.project).
    ``cache`` (see linter.cache) skips files scanned before; ``jobs`` caps worker processes
    (0: one per core; big trees only). Neither changes the result.
    """
    result = ScanResult()
    by_name = {os.fspath(path): text for path, text in (overrides or {}).items()}  # no Path per file
    cache = cache if cache is not None and cache.enabled else None
    result.files = list(walk(paths, cwd, exclude, exclude_root, result.skipped, include_tests=include_tests))
    found: list[tuple[FileScan, str | None] | None] = [None] * len(result.files)
    todo: list[int] = []
    for i, source in enumerate(result.files):
        if source.fspath in by_name:
            found[i] = scan_file(source, catalog, by_name[source.fspath])
        else:
            found[i] = cache.lookup(source.fspath, source.display) if cache is not None else None
        if found[i] is None:
            todo.append(i)
        elif on_file is not None:
            on_file(source.display)
    done = None if on_file is None else (lambda k: on_file(result.files[todo[k]].display))
    ctx = WorkContext(catalog, cache.salt if cache else None, cache.known_keys() if cache else frozenset())
    outcomes = scan_all([(result.files[i].fspath, result.files[i].display) for i in todo], ctx, jobs, done)
    for i, outcome in zip(todo, outcomes):
        found[i] = _settle(result.files[i], outcome, ctx, cache)
    for source, (scanned, reason) in zip(result.files, found):  # type: ignore[misc]
        if reason:
            result.skipped.append(Skipped(source.display, reason))
        result.uses.extend(scanned.uses)
        result.facts.extend(scanned.facts)
    if cache is not None:
        cache.save()
    # Per-file results are a pure function of one file (cacheable); resolution spans files.
    result.uses.extend(resolve([scanned for scanned, _ in found], catalog))  # type: ignore[misc]
    result.uses.sort()
    result.facts.sort()
    return result


def _settle(source: SourceFile, outcome: Outcome, ctx: WorkContext, cache: ScanCache | None
            ) -> tuple[FileScan, str | None]:
    """The file's result: computed, or taken from the cache by content key; remembered."""
    scanned = outcome.scan
    if scanned is None and cache is not None:
        scanned = cache.result(outcome.key or "")
    if scanned is None:  # the cached result was unusable: scan it here after all
        outcome = scan_path(source.fspath, source.display, WorkContext(ctx.catalog, ctx.salt))
        scanned = outcome.scan or FileScan()
    if cache is not None:
        cache.record(source.display, scanned, outcome.reason, outcome.signature, outcome.key)
    return scanned, outcome.reason
