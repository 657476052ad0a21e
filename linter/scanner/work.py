"""Scanning files one by one, in this process or in a pool of worker processes.

Each file is read once; its bytes go through the cheap checks (binary sniff, byte prefilter)
before anything is decoded or lexed. What comes back for a file depends only on that file, so
the results are the same whatever the number of workers or the order they finish in.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Container, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from linter.catalog import Catalog
from linter.scanner.extract import PREFILTER, language_of, scan_text
from linter.scanner.files import Signature, decode, is_binary, read_bytes, text_body
from linter.scanner.bytefilter import byte_prefilter
from linter.scanner.uses import FileScan

FAST_PREFILTER = byte_prefilter(PREFILTER)
# Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 200
MIN_FILES_PER_WORKER = 16
CHUNKS_PER_WORKER = 8  # small enough chunks that one slow file does not idle the other workers
# Lexing makes an object per token: at the default first-generation threshold (700) the cyclic
# collector ran thousands of times per cold check, about 15% of its CPU. Scanning makes little
# cyclic garbage, so collecting 30 times less often costs no measurable memory.
SCAN_GC_THRESHOLD = 20_000


@dataclass(frozen=True)
class WorkContext:
    catalog: Catalog
    salt: str | None = None  # for content keys; None when results are not cached
    known: frozenset[str] = frozenset()  # content keys the cache already holds results for
    rejected: frozenset[str] = frozenset()  # content keys of files the prefilter turned away
    # Key every file read, not only those past the prefilter: done once the cache has an index.
    # Over an empty cache it would only cost time (hashing 100 MB is about 0.15 s of CPU).
    key_all: bool = False


@dataclass
class Outcome:
    """What scanning one file gave. ``scan`` is None when the cache holds the result for ``key``."""

    scan: FileScan | None
    reason: str | None = None  # why the file was skipped
    signature: Signature | None = None  # stat of the bytes that were read
    key: str | None = None  # content key, for files that got past the prefilter
    content: str | None = None  # content key of a file the prefilter turned away (when caching)

    def __reduce__(self) -> tuple:
        # Workers send one back per file. As a call and its arguments, not a dataclass's state,
        # unpickling one takes a fifth of the time; and most files found nothing, which needs no
        # FileScan sent (more than 9,700 of 10,000 in the benchmark).
        scan = self.scan
        if scan is not None and not scan.uses and not scan.facts:
            return _found_nothing, (self.reason, self.signature, self.key, self.content)
        return Outcome, (scan, self.reason, self.signature, self.key, self.content)


def _found_nothing(reason: str | None, signature: Signature | None, key: str | None,
                   content: str | None) -> Outcome:
    return Outcome(FileScan(), reason, signature, key, content)


def debugging() -> bool:
    return os.environ.get("FORTNOX_LINT_DEBUG") == "1"


def scan_path(path: str, display: str, ctx: WorkContext) -> Outcome:
    """Read and scan one file. A bug in the scanner is reported as a skip, not a crash."""
    try:
        return _scan_path(path, display, ctx)
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the run
        if debugging():
            raise
        return Outcome(FileScan(), f"internal error while scanning ({type(exc).__name__}: {exc}); "
                                   "please report it")


def _scan_path(path: str, display: str, ctx: WorkContext) -> Outcome:
    read = read_bytes(path)
    if read.data is None:
        return Outcome(FileScan(), read.reason)
    key = None
    if ctx.key_all:
        # Keyed before any test: a fresh clone with a restored cache (new inodes, so no stat
        # matches) settles each known file by its bytes, without the prefilter or the lexer.
        key = _content_key(ctx, display, read.data)
        if key in ctx.known:
            return Outcome(None, None, read.signature, key)
        if key in ctx.rejected:
            return Outcome(FileScan(), None, read.signature, content=key)
    body, codec = text_body(read.data)
    if codec == "utf-8":
        if is_binary(body):
            return Outcome(FileScan(), "binary file", read.signature)
        if FAST_PREFILTER is not None and not FAST_PREFILTER(body):
            return Outcome(FileScan(), None, read.signature, content=key)
    if key is None and ctx.salt is not None:
        key = _content_key(ctx, display, read.data)
        if key in ctx.known:
            return Outcome(None, None, read.signature, key)
    text, reason = decode(read.data)
    if text is None:
        return Outcome(FileScan(), reason, read.signature)
    return Outcome(scan_text(text, display, language_of(Path(path)), ctx.catalog), None, read.signature, key)


def _content_key(ctx: WorkContext, display: str, data: bytes) -> str:
    from linter.cache import digest

    return digest(ctx.salt or "", display, data)


Take = Callable[[int, Outcome], None]  # given each item's outcome as soon as it is known


def scan_serially(items: Sequence[tuple[str, str]], ctx: WorkContext, take: Take,
                  skip: Container[int] = ()) -> None:
    for index, (path, display) in enumerate(items):
        if index not in skip:
            take(index, scan_path(path, display, ctx))


def worker_count(jobs: int) -> int:
    """``jobs`` workers, or one per usable core when it is 0."""
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _collect_less() -> tuple[int, ...]:
    """Raise the first generation's threshold to SCAN_GC_THRESHOLD; returns the old thresholds."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], SCAN_GC_THRESHOLD), *old[1:])
    return old


@contextmanager
def _collecting() -> Iterator[None]:
    """Scanning in this process makes garbage: the collector runs, though less often, even where
    the caller paused it (linter.engine)."""
    old = _collect_less()
    paused = not gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*old)
        if paused:
            gc.disable()


def scan_all(items: Sequence[tuple[str, str]], ctx: WorkContext, take: Take, jobs: int = 0) -> None:
    """Scan ``items``, in parallel when there are enough of them; ``take`` is given each one's
    outcome by its index, in the order they finish (in this process, never concurrently)."""
    workers = min(worker_count(jobs), max(1, len(items) // MIN_FILES_PER_WORKER))
    if workers <= 1 or len(items) < PARALLEL_MIN_FILES:
        with _collecting():
            scan_serially(items, ctx, take)
        return
    finished: set[int] = set()

    def note(index: int, outcome: Outcome) -> None:
        finished.add(index)
        take(index, outcome)

    try:
        _scan_parallel(items, ctx, workers, note)
    except Exception as exc:  # noqa: BLE001 - narrowed just below
        if debugging() or not _workers_unavailable(exc):
            raise
        with _collecting():
            scan_serially(items, ctx, take, finished)


def _workers_unavailable(exc: Exception) -> bool:
    """True when worker processes cannot run here, so the rest is done in this process: a sandbox
    without /dev/shm, fork or semaphores (OSError, ImportError, NotImplementedError), or a worker
    killed mid-run (the pool is then broken). Anything else is a bug and is not hidden."""
    from concurrent.futures import BrokenExecutor  # imported only when something failed

    return isinstance(exc, (OSError, ImportError, NotImplementedError, BrokenExecutor))


_CONTEXT: list[WorkContext] = []


def _init_worker(ctx: WorkContext) -> None:
    _CONTEXT[:] = [ctx]
    # What a forked worker inherits is never its garbage: out of the collector's sight, it is not
    # traversed (nor its pages copied) by the worker's collections. The parent may have paused the
    # collector (linter.engine); a worker only ever scans, so it collects, less often, for good.
    gc.freeze()
    _collect_less()
    gc.enable()


def _scan_chunk(chunk: list[tuple[int, str, str]]) -> list[tuple[int, Outcome]]:
    ctx = _CONTEXT[0]
    return [(index, scan_path(path, display, ctx)) for index, path, display in chunk]


def _chunks(count: int, workers: int) -> list[list[int]]:
    """Indexes ``0..count-1`` cut into chunks for ``workers``, in a round-robin order, so that a
    folder of large files is spread over many chunks rather than in one. A chunk holds a
    CHUNKS_PER_WORKER-th of a worker's share, but towards the end at most half of what is left per
    worker (down to MIN_FILES_PER_WORKER files): the workers then finish close together, rather
    than one idling while the other ends a big chunk."""
    stride = max(1, min(count, workers * CHUNKS_PER_WORKER))
    order = [i for start in range(stride) for i in range(start, count, stride)]
    size, chunks, done = -(-count // stride), [], 0
    while done < count:
        take = max(MIN_FILES_PER_WORKER, min(size, (count - done) // (2 * workers)))
        chunks.append(order[done:done + take])
        done += take
    return chunks


def _scan_parallel(items: Sequence[tuple[str, str]], ctx: WorkContext, workers: int, take: Take) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    chunks = [[(i, *items[i]) for i in part] for part in _chunks(len(items), workers)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(ctx,)) as pool:
        futures = [pool.submit(_scan_chunk, chunk) for chunk in chunks]
        # Each chunk is taken as it arrives, so that this process's share (the cache's bookkeeping)
        # is done while the workers still scan instead of after them.
        for future in as_completed(futures):
            for index, outcome in future.result():
                take(index, outcome)
