"""Which files to scan: walking folders, skipping what users expect skipped, reading safely."""

from __future__ import annotations

import fnmatch
import os
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
MAX_FILE_BYTES = 5_000_000  # larger files are generated or data, not integration code
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute
    display: str  # as shown in findings (relative to the working directory when possible)


@dataclass(frozen=True)
class Skipped:
    display: str
    reason: str


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _excluded(path: Path, root: Path | None, patterns: Iterable[str]) -> bool:
    if root is None:
        return False
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        return False
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*") \
                or (pattern.startswith("**/") and fnmatch.fnmatch(rel, pattern[3:])):
            return True
    return False


def walk(paths: Iterable[Path], cwd: Path, exclude: Iterable[str] = (), exclude_root: Path | None = None,
         skipped: list[Skipped] | None = None, include_tests: bool = False) -> Iterator[SourceFile]:
    """Files below ``paths`` in a stable order, each once, never following a link out of a loop.

    Test folders and files (tests/, __tests__/, *_test.go, *.spec.ts, ...) are left out unless
    ``include_tests``; a test file named explicitly in ``paths`` is always scanned."""
    exclude = list(exclude)
    seen: set[Path] = set()
    for start in paths:
        start = Path(os.path.abspath(start))
        if start.is_file():
            if start not in seen and not _excluded(start, exclude_root, exclude):
                seen.add(start)
                yield SourceFile(start, display_path(start, cwd))
            continue
        visited_dirs: set[tuple[int, int]] = set()
        for folder, dirs, files in os.walk(start, followlinks=True, onerror=None):
            here = Path(folder)
            try:
                stat = here.stat()
            except OSError:
                dirs[:] = []
                continue
            if (stat.st_dev, stat.st_ino) in visited_dirs:  # a symlink loop back up the tree
                if skipped is not None:
                    skipped.append(Skipped(display_path(here, cwd), "symlink loop"))
                dirs[:] = []
                continue
            visited_dirs.add((stat.st_dev, stat.st_ino))
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")
                             and not _excluded(here / d, exclude_root, exclude)
                             and (include_tests or not is_test_dir(d)))
            for name in sorted(files):
                path = here / name
                if path in seen or _excluded(path, exclude_root, exclude):
                    continue
                if not include_tests and is_test_file(name):
                    continue
                if any(name.lower().endswith(s) for s in SKIP_SUFFIXES):
                    continue
                seen.add(path)
                yield SourceFile(path, display_path(path, cwd))


def read_text(path: Path) -> tuple[str | None, str | None]:
    """(text, None) for a readable text file, else (None, reason it was skipped)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, f"larger than {MAX_FILE_BYTES // 1_000_000} MB"
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    return decode(data)


def decode(data: bytes) -> tuple[str | None, str | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "invalid UTF-16"
    if b"\0" in data[:SNIFF_BYTES]:
        return None, "binary file"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        # Still scan it: URLs are ASCII, and a stray Latin-1 byte in a comment should not hide them.
        return data.decode("utf-8", errors="replace"), None
