"""The scanner: which endpoints the integration's source calls, and where."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from linter.catalog import Catalog
from linter.scanner.extract import language_of, scan_text
from linter.scanner.files import Skipped, SourceFile, read_text, walk
from linter.scanner.project import resolve
from linter.scanner.uses import EndpointUse, Fact, FileScan

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
         include_tests: bool = False, on_file: Callable[[str], None] | None = None) -> ScanResult:
    """Scan every file below ``paths``. ``overrides`` supplies unsaved text for some files;
    ``on_file`` is told each file's display path (the progress counter).

    Test code is skipped unless ``include_tests``. After the per-file scans, calls whose base URL
    is set in another file of the project are resolved (linter.scanner.project)."""
    result = ScanResult()
    overrides = overrides or {}
    scans: list[FileScan] = []
    for source in walk(paths, cwd, exclude, exclude_root, result.skipped, include_tests=include_tests):
        result.files.append(source)
        if on_file is not None:
            on_file(source.display)
        found, reason = scan_file(source, catalog, overrides.get(source.path))
        if reason:
            result.skipped.append(Skipped(source.display, reason))
        scans.append(found)
        result.uses.extend(found.uses)
        result.facts.extend(found.facts)
    result.uses.extend(resolve(scans, catalog))
    result.uses.sort()
    result.facts.sort()
    return result
