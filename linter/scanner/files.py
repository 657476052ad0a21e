"""Which files to scan: walking folders, skipping what users expect skipped, reading safely.

Nothing here may raise for a bad file or folder: every problem becomes a ``Skipped`` notice,
because one odd file must never stop a CI run.
"""

from __future__ import annotations

import errno
import fnmatch
import operator
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from linter.scanner.exclusions import is_test_dir, is_test_file

# Folders no one wants linted: VCS data, dependencies, build outputs, caches, virtualenvs.
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", ".bzr", "node_modules", "bower_components", "vendor", "third_party",
    "dist", "build", "out", "target", "bin", "obj", ".next", ".nuxt", ".output", "coverage",
    "__pycache__", ".venv", "venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    ".idea", ".vscode", ".gradle", "_build", "deps", ".elixir_ls", ".bundle", "Pods",
    ".fortnox-lint-cache", "site-packages", ".terraform",
})
# Files with these endings are never source (images, archives, binaries, lock files, maps).
SKIP_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".ico", ".svg", ".webp", ".pdf", ".zip", ".gz", ".tgz",
    ".bz2", ".xz", ".7z", ".jar", ".war", ".class", ".dll", ".exe", ".so", ".dylib", ".a", ".o",
    ".pyc", ".woff", ".woff2", ".ttf", ".eot", ".mp3", ".mp4", ".mov", ".lock", ".map", ".min.js",
    ".sqlite", ".db", ".bin", ".sarif",
})
_SKIP_SUFFIX_TUPLE = tuple(SKIP_SUFFIXES)  # str.endswith takes a tuple: one C call per name
MAX_FILE_BYTES = 5_000_000  # larger files are generated or data, not integration code
SNIFF_BYTES = 8192
_READ_CHUNK = 65536  # what to ask for again when a file turns out longer than its stat said
# Never block on a FIFO or device that sits in the tree; O_NONBLOCK does not exist on Windows.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

Signature = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns: changes when the file does


class SourceFile:
    """A file to scan: its absolute path and how findings show it (relative to the working
    directory when possible). ``path`` is made on first use: building 10,000 pathlib objects
    is a noticeable share of a warm run, which only needs the string ``fspath``."""

    __slots__ = ("fspath", "display", "_path")

    def __init__(self, path: Path | str, display: str) -> None:
        self.fspath = os.fspath(path)
        self.display = display
        self._path = path if isinstance(path, Path) else None

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(self.fspath)
        return self._path

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceFile) and (self.fspath, self.display) == (other.fspath, other.display)

    def __hash__(self) -> int:
        return hash((self.fspath, self.display))

    def __repr__(self) -> str:
        return f"SourceFile({self.fspath!r}, {self.display!r})"


@dataclass(frozen=True)
class Skipped:
    display: str
    reason: str


@dataclass(frozen=True)
class Read:
    """One file's bytes, or why there are none; ``signature`` is the opened file's stat."""

    data: bytes | None
    reason: str | None = None
    signature: Signature | None = None


def signature_of(st: os.stat_result) -> Signature:
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


class _Displayer:
    """display_path for many absolute paths under one cwd, without pathlib's per-call cost."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.prefix = os.path.join(os.path.abspath(cwd), "")

    def __call__(self, path: str) -> str:
        if path.startswith(self.prefix):
            rest = path[len(self.prefix):]
            return rest.replace(os.sep, "/") if os.sep != "/" else rest
        return display_path(Path(path), self.cwd)

    def folder(self, folder: str) -> str | None:
        """What to put before a name to display ``folder/name``; None: call this for each path."""
        if os.sep != "/":
            return None
        if os.path.join(folder, "") == self.prefix:
            return ""
        return folder[len(self.prefix):] + "/" if folder.startswith(self.prefix) else None


def root_displays(paths: Iterable[Path], cwd: Path) -> list[str]:
    """How the files below each of ``paths`` are displayed, as a prefix: "" for the working folder
    itself (every file below it), else the folder's or file's own display path."""
    show, here = _Displayer(cwd), os.path.abspath(cwd)
    return ["" if os.path.abspath(p) == here else show(os.path.abspath(p)) for p in paths]


def _excluded(path: Path | str, root: Path | None, patterns: Iterable[str]) -> bool:
    if root is None or not patterns:
        return False
    try:
        rel = Path(path).relative_to(root).as_posix()
    except ValueError:
        return False
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*") \
                or (pattern.startswith("**/") and fnmatch.fnmatch(rel, pattern[3:])):
            return True
    return False


def _is_ancestor(folder: str, here: str) -> bool:
    return here == folder or here.startswith(os.path.join(folder, ""))


def walk(paths: Iterable[Path], cwd: Path, exclude: Iterable[str] = (), exclude_root: Path | None = None,
         skipped: list[Skipped] | None = None, include_tests: bool = False) -> Iterator[SourceFile]:
    """Files below ``paths`` in a stable order, each once, never following a link out of a loop.

    Test folders and files (tests/, __tests__/, *_test.go, *.spec.ts, ...) are left out unless
    ``include_tests``; a test file named explicitly in ``paths`` is always scanned.
    Folders are walked depth first with an explicit stack (no recursion limit on deep trees);
    within a folder, its files come first, then its subfolders, both sorted by name.
    """
    patterns = list(exclude)
    notes: list[Skipped] = skipped if skipped is not None else []
    show = _Displayer(cwd)
    seen: set[str] = set()
    visited: set[tuple[int, int]] = set()  # folders already walked, by device and inode
    for start in paths:
        top = os.path.abspath(start)
        try:
            is_dir = stat.S_ISDIR(os.stat(top).st_mode)
        except OSError:
            is_dir = False  # reading it will say what is wrong
        if not is_dir:
            if top not in seen and not _excluded(top, exclude_root, patterns):
                seen.add(top)
                yield SourceFile(top, show(top))
            continue
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                st = os.stat(folder)
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=_BY_NAME)
            except OSError as exc:
                notes.append(Skipped(show(folder), f"cannot read folder: {_why(exc)}"))
                continue
            key = (st.st_dev, st.st_ino)
            if key in visited:
                # Reached again through a symlink: a loop if it points up the tree, else a duplicate.
                if _is_ancestor(os.path.realpath(folder), os.path.realpath(os.path.dirname(folder))):
                    notes.append(Skipped(show(folder), "symlink loop"))
                continue
            visited.add(key)
            shown = show.folder(folder)  # display of folder + "/", when names can just be appended
            subfolders = []
            for entry in entries:
                name = entry.name
                path = entry.path  # folder joined with name, made by scandir
                if _entry_is_dir(entry):
                    if not _skips_folder(name, path, patterns, exclude_root, include_tests):
                        subfolders.append(path)
                    continue
                if path in seen or _skips_file(name, path, patterns, exclude_root, include_tests):
                    continue
                seen.add(path)
                yield _source(path, show(path) if shown is None else shown + name)
            stack.extend(reversed(subfolders))


_BY_NAME = operator.attrgetter("name")


def _skips_folder(name: str, path: str, patterns: list[str], exclude_root: Path | None,
                  include_tests: bool) -> bool:
    return name in SKIP_DIRS or name.endswith(".egg-info") \
        or bool(patterns and _excluded(path, exclude_root, patterns)) \
        or (not include_tests and is_test_dir(name))


def _skips_file(name: str, path: str, patterns: list[str], exclude_root: Path | None,
                include_tests: bool) -> bool:
    return name.lower().endswith(_SKIP_SUFFIX_TUPLE) \
        or bool(patterns and _excluded(path, exclude_root, patterns)) \
        or (not include_tests and is_test_file(name))


def walk_reaches(path: str, root: str, exclude: Iterable[str] = (), exclude_root: Path | None = None,
                 include_tests: bool = False) -> bool:
    """Whether ``walk([root], ...)`` yields the file ``path`` (both absolute, no symlinks between
    them), decided from the names on the way down instead of listing every folder: the walk's own
    tests, applied to each folder below ``root`` and then to the file. A file outside ``root`` is a
    root of its own, as walk treats a file named in ``paths``."""
    patterns = list(exclude)
    if os.path.isdir(path):
        return False
    if not _is_ancestor(root, path):
        return not _excluded(path, exclude_root, patterns)
    folder, names = root, os.path.relpath(path, root).split(os.sep)
    for name in names[:-1]:
        folder = os.path.join(folder, name)
        if _skips_folder(name, folder, patterns, exclude_root, include_tests):
            return False
    return not _skips_file(names[-1], path, patterns, exclude_root, include_tests)


def _source(fspath: str, display: str) -> SourceFile:
    """SourceFile(fspath, display) for a str path, without the checks of __init__ (the walk's hot path)."""
    made = _new(SourceFile)
    made.fspath, made.display, made._path = fspath, display, None
    return made


_new = object.__new__


def _entry_is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows symlinks, like os.walk(followlinks=True)
    except OSError:
        return False


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    return exc.strerror or str(exc)


def _missing_reason(path: Path | str) -> str:
    return "broken symlink" if os.path.islink(path) else "file disappeared during the scan"


def read_bytes(path: Path | str) -> Read:
    """The file's bytes, read once, or why it was skipped. Never raises OSError, never blocks."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return Read(None, _missing_reason(path))
    except OSError as exc:
        return Read(None, _why(exc) if exc.errno == errno.ELOOP else f"cannot read: {_why(exc)}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return Read(None, "not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            return Read(None, too_large(st.st_size))
        data = _read_to_end(fd, st.st_size)
    except OSError as exc:
        return Read(None, f"cannot read: {_why(exc)}")
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:  # it grew while we read it
        return Read(None, too_large(len(data)))
    return Read(data, None, signature_of(st))


def _read_to_end(fd: int, size: int) -> bytes:
    """The file's bytes up to EOF or MAX_FILE_BYTES + 1. Plain os.read calls sized by the stat:
    a buffered read(MAX_FILE_BYTES + 1) allocates 5 MB per file, which was most of the reading time.
    A file that gave exactly the size its stat said is at its end: no second call to hear so (one
    whose stat says less, as /proc's do, is read until a call gives nothing)."""
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_FILE_BYTES:
        want = min(size + 1 - total if total <= size else _READ_CHUNK,  # more than the stat said: it grew
                   MAX_FILE_BYTES + 1 - total)
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total == size:
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def too_large(size: int) -> str:
    return (f"{size / 1_000_000:.1f} MB, over the {MAX_FILE_BYTES // 1_000_000} MB limit for "
            "source files; minified, generated and data files are not scanned")


def read_text(path: Path) -> tuple[str | None, str | None]:
    """(text, None) for a readable text file, else (None, reason it was skipped)."""
    read = read_bytes(path)
    if read.data is None:
        return None, read.reason
    return decode(read.data)


def text_body(data: bytes) -> tuple[bytes, str]:
    """How ``data`` is encoded: (bytes without a UTF-8 BOM, "utf-8"), or its UTF-16/32 codec."""
    if data.startswith(_UTF8_BOM):
        return data[3:], "utf-8"
    if data.startswith(_UTF32_BOMS):
        return data, "utf-32"
    if data.startswith(_UTF16_BOMS):
        return data, "utf-16"
    return data, "utf-8"


def is_binary(body: bytes) -> bool:
    return b"\0" in body[:SNIFF_BYTES]


def decode(data: bytes) -> tuple[str | None, str | None]:
    body, codec = text_body(data)
    if codec != "utf-8":
        try:
            return body.decode(codec), None
        except UnicodeDecodeError:
            return None, f"invalid {codec.upper()}"
    if is_binary(body):
        return None, "binary file"
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError:
        # Still scan it: URLs are ASCII, and a stray Latin-1 byte in a comment should not hide them.
        return body.decode("utf-8", errors="replace"), None
