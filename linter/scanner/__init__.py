"""The scanner: which endpoints the integration's source calls, and where."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from linter.scanner.files import Skipped, SourceFile, display_path, read_text, root_displays, walk, walk_reaches
from linter.scanner.uses import EndpointUse, Fact, FileScan

if TYPE_CHECKING:
    from linter.cache import ScanCache
    from linter.catalog import Catalog
    from linter.scanner.work import Outcome, WorkContext

# The lexer, detectors and fact extractors (linter.scanner.extract, .work, .project) are imported
# on first need: a warm run whose files are all unchanged needs none of them.

__all__ = ["Buffered", "EndpointUse", "Fact", "FileScan", "ScanResult", "scan", "scan_alone", "scan_file"]


@dataclass
class ScanResult:
    uses: list[EndpointUse] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    files: list[SourceFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def scan_file(source: SourceFile, catalog: Catalog, text: str | None = None) -> tuple[FileScan, str | None]:
    from linter.scanner.extract import language_of, scan_text

    if text is None:
        text, reason = read_text(source.path)
        if text is None:
            return FileScan(), reason
    return scan_text(text, source.display, language_of(source.path), catalog), None


def scan(paths: Iterable[Path], catalog: Catalog, cwd: Path, exclude: Iterable[str] = (),
         exclude_root: Path | None = None, overrides: dict[Path, str] | None = None,
         include_tests: bool = False, on_file: Callable[[str], None] | None = None,
         cache: ScanCache | None = None, jobs: int = 0, buffered: dict[Path, Buffered] | None = None
         ) -> ScanResult:
    """Scan every file below ``paths``. ``overrides`` supplies unsaved text for some files, and
    ``buffered`` what some of those were already found to hold (see scan_alone);
    ``on_file`` is told each file's display path as it is done (the progress counter).

    Test code is skipped unless ``include_tests``. After the per-file scans, calls whose base URL
    is set in another file of the project are resolved (linter.scanner.project).
    ``cache`` (see linter.cache) skips files scanned before; ``jobs`` caps worker processes
    (0: one per core; big trees only). Neither changes the result.
    """
    result = ScanResult()
    paths = list(paths)  # walked, then named to the cache
    by_name = {os.fspath(path): text for path, text in (overrides or {}).items()}  # no Path per file
    known = {os.fspath(path): done for path, done in (buffered or {}).items()}
    cache = cache if cache is not None and cache.enabled else None
    from linter.cache import no_gc

    # Tens of thousands of small objects and no cycles, made and kept until the scan ends: a
    # collection would find nothing.
    with no_gc():
        files = result.files = list(walk(paths, cwd, exclude, exclude_root, result.skipped,
                                         include_tests=include_tests))
        # Each file's outcome: "" (nothing to find), "s:<why skipped>" or "k:<content key>" (see
        # linter.cache); None: not known yet, or (for a buffer) not expressible as one.
        outcomes: list[str | None] = [None] * len(files)
        scans: list[FileScan | None] = [None] * len(files)
        buffers: dict[int, str] = {}  # files whose text is an unsaved buffer
        exact = cache is not None  # every outcome is known: the whole scan may come from the memo
        if by_name:
            for i, source in enumerate(files):
                text = by_name.get(source.fspath)
                if text is not None:
                    outcomes[i], scans[i] = known.get(source.fspath) or _buffer(source, text, catalog, cache)
                    exact = exact and outcomes[i] is not None
                    buffers[i] = text
        if cache is not None:
            cache.walked = root_displays(paths, cwd)
            todo = cache.lookup_many(files, outcomes, buffers)
        else:
            todo = [i for i in range(len(files)) if i not in buffers]
        if on_file is not None:
            waiting = set(todo)
            for i, source in enumerate(files):
                if i not in waiting:
                    on_file(source.display)
        if todo:  # (scanning in this process turns the collector on again: linter.scanner.work)
            _scan_todo(files, todo, outcomes, scans, catalog, cache, jobs, on_file)
        walk_notes = list(result.skipped)
        _note_skips(result, outcomes)
        if exact and cache is not None:
            cache.scan_key = cache.memo_key([(s.display, o or "") for s, o in zip(files, outcomes)])
            if cache.has_memo(cache.scan_key):  # the whole scan is remembered: built when first used
                cache.save()
                return _Deferred(result, lambda: _combine(result, walk_notes, outcomes, scans, buffers, catalog,
                                                          cache, exact))
        result.uses, result.facts = _combine(result, walk_notes, outcomes, scans, buffers, catalog, cache, exact)
    return result


class Buffered(NamedTuple):
    """What one buffer holds on its own: its outcome (as in scan) and its result."""

    outcome: str | None
    scan: FileScan


def scan_alone(path: Path, text: str, root: Path, catalog: Catalog, cwd: Path, exclude: Iterable[str] = (),
               exclude_root: Path | None = None, include_tests: bool = False,
               cache: ScanCache | None = None) -> ScanResult | Buffered:
    """The scan of one buffer, the file ``path`` of the project below ``root``, without the rest of
    the project; or, when the rest could change what is found in it, the buffer's own result,
    for ``scan(..., buffered=...)`` not to scan it again.

    Other files matter to a file only through its facts: a relative path that needs a base URL
    set elsewhere, an authorization request whose scopes are compared with every call, and so on
    (linter.scanner.project and the checks). A buffer with no facts, only calls whose whole URL is
    in sight, has the same findings alone as in its project; an editor's check of such a file
    then costs one file, not a walk of every folder. ``path`` must be as the walk would name it
    (absolute, no symlinked folders).
    """
    if not walk_reaches(os.fspath(path), os.fspath(root), exclude, exclude_root, include_tests):
        return ScanResult()  # excluded, or a test file: its project's scan would not have it either
    cache = cache if cache is not None and cache.enabled else None
    source = SourceFile(path, display_path(path, cwd))
    outcome, scanned = _buffer(source, text, catalog, cache)
    if scanned is None:
        scanned = _buffer_result(source, text, outcome or "", catalog, cache)
        if cache is not None:
            cache.save()
    if scanned.facts:
        return Buffered(outcome, scanned)
    if cache is not None and outcome is not None:  # keys the findings, as for a one-file project
        cache.scan_key = cache.memo_key([(source.display, outcome)])
    return ScanResult(uses=sorted(scanned.uses), files=[source])


class _Deferred(ScanResult):
    """A ScanResult whose uses and facts are made on first use: when the findings are remembered
    too (linter.cache.findings_key), a warm run never needs them."""

    def __init__(self, result: ScanResult, make: Callable[[], tuple[list[EndpointUse], list[Fact]]]) -> None:
        self.files, self.skipped = result.files, result.skipped
        self._made: tuple[list[EndpointUse], list[Fact]] | None = None
        self._make = make

    def _get(self) -> tuple[list[EndpointUse], list[Fact]]:
        if self._made is None:
            self._made = self._make()
        return self._made

    @property  # type: ignore[override]
    def uses(self) -> list[EndpointUse]:
        return self._get()[0]

    @uses.setter
    def uses(self, value: list[EndpointUse]) -> None:
        self._made = (value, self._get()[1])

    @property  # type: ignore[override]
    def facts(self) -> list[Fact]:
        return self._get()[1]

    @facts.setter
    def facts(self, value: list[Fact]) -> None:
        self._made = (self._get()[0], value)


def _combine(result: ScanResult, walk_notes: list[Skipped], outcomes: list[str | None],
             scans: list[FileScan | None], buffers: dict[int, str], catalog: Catalog,
             cache: ScanCache | None, exact: bool) -> tuple[list[EndpointUse], list[Fact]]:
    """The scan's uses and facts: from the memo, else every file's result combined and resolved."""
    if cache is not None and cache.scan_key is not None and cache.has_memo(cache.scan_key):
        memo = cache.memo(cache.scan_key)
        if memo is not None:
            return memo
    files = result.files
    reread = False  # an outcome may change below: a result gone from the cache is read again
    for i in [i for i, scanned in enumerate(scans) if scanned is None]:  # none after a cold scan
        if i in buffers:
            scans[i] = _buffer_result(files[i], buffers[i], outcomes[i] or "", catalog, cache)
        else:
            scans[i] = _from_outcome(files[i], i, outcomes, catalog, cache)
            reread = True
    if reread:
        result.skipped[:] = walk_notes
        _note_skips(result, outcomes)
    uses: list[EndpointUse] = []
    facts: list[Fact] = []
    for scanned in scans:
        if scanned.uses:  # type: ignore[union-attr]  # most files have none
            uses.extend(scanned.uses)  # type: ignore[union-attr]
        if scanned.facts:  # type: ignore[union-attr]
            facts.extend(scanned.facts)  # type: ignore[union-attr]
    # Per-file results are a pure function of one file (cacheable); resolution spans files.
    from linter.scanner.project import resolve

    uses.extend(resolve(scans, catalog))  # type: ignore[arg-type]
    uses.sort(key=_USE_ORDER)
    facts.sort(key=_FACT_ORDER)
    if cache is not None:
        if exact:
            if reread or cache.scan_key is None:
                cache.scan_key = cache.memo_key([(s.display, o or "") for s, o in zip(files, outcomes)])
            cache.remember_memo(cache.scan_key, uses, facts)
        cache.save()
    return uses, facts


def _order_of(cls: type) -> Callable[[Any], tuple]:
    """The fields a dataclass with ``order=True`` compares, as a sort key: the same order as
    sorting by ``<``, two or three times faster (tuples compare in C, dataclasses in Python)."""
    return attrgetter(*(f.name for f in fields(cls) if f.compare))


_USE_ORDER = _order_of(EndpointUse)
_FACT_ORDER = _order_of(Fact)


def _note_skips(result: ScanResult, outcomes: list[str | None]) -> None:
    for source, outcome in zip(result.files, outcomes):
        if outcome and outcome.startswith("s:"):
            result.skipped.append(Skipped(source.display, outcome[2:]))


def _buffer(source: SourceFile, text: str, catalog: Catalog, cache: ScanCache | None
            ) -> tuple[str | None, FileScan | None]:
    """An unsaved buffer's outcome, and its result when already known (else _buffer_result).

    A buffer that is exactly what some bytes on disk would decode to gets those bytes' outcome,
    so an unchanged buffer is a cache hit, the same as the saved file. Any other buffer (one that
    starts with a BOM, has a NUL, or lone surrogates) is scanned as text and has no outcome."""
    data = _plain_bytes(text)
    fast = _fast_prefilter()
    if data is not None and fast is not None and not fast(data):
        return "", FileScan()  # what reading these bytes from disk gives
    if data is not None and cache is not None:
        from linter.cache import digest

        return f"k:{digest(cache.salt or '', source.display, data)}", None  # the same bytes' key on disk
    return None, scan_file(source, catalog, text)[0]


def _buffer_result(source: SourceFile, text: str, outcome: str, catalog: Catalog,
                   cache: ScanCache | None) -> FileScan:
    """The result for a buffer with a content key: from the cache, else scanned and remembered."""
    key = outcome[2:]
    scanned = cache.result(key, (source.fspath, text)) if cache is not None else None
    if scanned is None:
        scanned = scan_file(source, catalog, text)[0]
        if cache is not None:
            cache.remember(key, scanned)
    return scanned


_FAST: list = []


def _fast_prefilter() -> Callable[[bytes], bool] | None:
    """The byte prefilter the file scan uses (linter.scanner.work), without importing the scanner."""
    if not _FAST:
        from linter.scanner.bytefilter import byte_prefilter
        from linter.scanner.prefilter import PREFILTER

        _FAST.append(byte_prefilter(PREFILTER))
    return _FAST[0]


def _plain_bytes(text: str) -> bytes | None:
    """The UTF-8 bytes that decode (as files are decoded) to exactly ``text``, if there are any."""
    from linter.scanner.files import SNIFF_BYTES

    if text.startswith("\ufeff") or "\0" in text[:SNIFF_BYTES]:
        return None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def _scan_todo(files: list[SourceFile], todo: list[int], outcomes: list[str | None],
               scans: list[FileScan | None], catalog: Catalog, cache: ScanCache | None, jobs: int,
               on_file: Callable[[str], None] | None) -> None:
    from linter.scanner.work import WorkContext, scan_all

    ctx = WorkContext(catalog, cache.salt, cache.known_keys(), cache.rejected_keys(), cache.has_index) \
        if cache else WorkContext(catalog)

    def take(k: int, outcome: Outcome) -> None:  # as each file is done: while the workers still scan
        i = todo[k]
        scans[i], outcomes[i] = _settle(files[i], outcome, ctx, cache)
        if on_file is not None:
            on_file(files[i].display)

    scan_all([(files[i].fspath, files[i].display) for i in todo], ctx, take, jobs)


def _from_outcome(source: SourceFile, i: int, outcomes: list[str | None], catalog: Catalog,
                  cache: ScanCache | None) -> FileScan:
    """The result an index outcome stands for; read and scanned again if the cache lost it."""
    outcome = outcomes[i] or ""
    if not outcome.startswith("k:") or cache is None:
        return FileScan()
    scanned = cache.result(outcome[2:])
    if scanned is not None:
        return scanned
    from linter.scanner.work import WorkContext, scan_path

    ctx = WorkContext(catalog, cache.salt)
    scanned, outcomes[i] = _settle(source, scan_path(source.fspath, source.display, ctx), ctx, cache)
    return scanned


def _settle(source: SourceFile, outcome: Outcome, ctx: WorkContext, cache: ScanCache | None
            ) -> tuple[FileScan, str | None]:
    """The file's result (computed, or taken from the cache by content key) and its outcome;
    remembered in the cache."""
    from linter.scanner.work import WorkContext, scan_path

    scanned = outcome.scan
    if scanned is None and cache is not None:
        scanned = cache.result(outcome.key or "")
    if scanned is None:  # the cached result was unusable: scan it here after all
        outcome = scan_path(source.fspath, source.display, WorkContext(ctx.catalog, ctx.salt))
        scanned = outcome.scan or FileScan()
    if cache is not None:
        return scanned, cache.record(source.display, scanned, outcome.reason, outcome.signature, outcome.key,
                                     outcome.content)
    from linter.cache import outcome_of

    return scanned, outcome_of(outcome.reason, outcome.key)
