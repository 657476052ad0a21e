"""Replaying an editor's repeated check: ``check --stdin-filename`` answered from a recording.

Editors check a buffer on open, on focus and on save, mostly the same bytes in an unchanged
project. A process that imports the CLI, the YAML parser and the checks spends about 100 ms to
find the answer it gave last time; a bare Python start is about 10 ms. So a check of a buffer
that stood alone is recorded: its exit code and output, under a key of everything the process
was given (arguments, folder, environment, standard input, the linter's own files, the Python
and its packages), with every file and folder the run looked at. When the same invocation
comes again and all of them are as they were, ``replayed`` prints the recorded answer without
importing the CLI.

What a run looked at is observed, not declared, so a new lookup elsewhere cannot be forgotten:
``os.stat``/``os.lstat`` calls (manifest and pyproject.toml discovery, the lock file, ...) and
opened files (an audit hook). A file's state is its size, mtime, inode and ctime; a folder's
only that it is one; a link's its target. A recording is not kept when the run listed a folder
outside the linter and its cache (a project walk: its files are too many to check), started a
process, wrote a file, saw something change while it ran, or read a file changed too recently
for its mtime to be trusted (the racy-mtime rule of linter.cache).

This module is imported before anything else, on every run: it may import only what a bare
Python has already loaded (no pathlib, re or hashlib: each costs milliseconds).
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import time

FORMAT = 1
FOLDER_NAME = ".fortnox-lint-cache"  # linter.cache.CACHE_DIR_NAME, not imported (see above)
MANIFEST_NAMES = ("fortnox.yaml", "fortnox.yml")  # linter.manifest.MANIFEST_NAMES, likewise
RACY_NS = 2_000_000_000  # linter.cache.RACY_NS
KEEP = 64  # recordings kept per cache folder; the oldest go first
MOST_DEPENDENCIES = 512  # a run that looked at more is a walk: checking them costs what running does
_PACKAGE = os.path.dirname(os.path.abspath(__file__))

State = tuple  # ("d",) | ("l", target) | ("f", size, mtime_ns, inode, ctime_ns); None: absent
_stdin: list[bytes] = []  # standard input, when the launcher read it before the CLI started
_pending: list[tuple[str, str, int]] = []  # (key, folder, start) of an invocation not replayed


def state(path: str, follow: bool = True) -> State | None:
    """What a run could have seen of ``path``: raises OSError when that cannot be told."""
    try:
        st = os.stat(path) if follow else os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return _state_of(st, path)


def _state_of(st: os.stat_result, path: str) -> State:
    if stat.S_ISDIR(st.st_mode):
        return ("d",)
    if stat.S_ISLNK(st.st_mode):
        return ("l", os.readlink(path))
    return ("f", st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def code_folders() -> list[str]:
    """The linter's code, data and rules, as installed (linter/_data) or in a checkout (data/)."""
    parent = os.path.dirname(_PACKAGE)
    return [_PACKAGE] + [f for f in (os.path.join(parent, "data"), os.path.join(parent, "rules"))
                         if os.path.isdir(f)]


def _code_stamp() -> list[tuple]:
    """Every file of the linter with its state: an edited checkout is a different linter."""
    stamp: list[tuple] = []
    stack = code_folders()
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as listing:
            for entry in sorted(listing, key=lambda e: e.name):
                if entry.name == "__pycache__":
                    continue
                if entry.is_dir():
                    stack.append(entry.path)
                else:
                    stamp.append((entry.path, state(entry.path)))
    return stamp


def _library_folders() -> list[str]:
    """The standard library and the package folders of this Python."""
    import site  # already imported at start-up

    folders = [os.path.dirname(os.__file__)]
    if hasattr(site, "getsitepackages"):  # not in some old virtualenvs
        folders += site.getsitepackages()
    return folders


def _packages_stamp() -> list[tuple]:
    """The Python's package folders: installing or upgrading a dependency changes their mtime."""
    found = []
    for folder in _library_folders()[1:]:
        try:
            st = os.stat(folder)
            found.append((folder, st.st_mtime_ns, st.st_ino))
        except OSError:
            found.append((folder, None))
    return found


def _sha256(data: bytes) -> str:
    try:
        from _sha2 import sha256  # Python 3.12+: the built-in module, without OpenSSL's start-up
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[no-redef]
        except ImportError:
            from hashlib import sha256  # type: ignore[no-redef]
    return sha256(data).hexdigest()


def key_of(argv: list[str], cwd: str, environ: dict[str, str], data: bytes) -> str:
    from linter import __version__

    material = (FORMAT, sys.version, sys.executable, __version__, _code_stamp(), _packages_stamp(),
                argv[1:], cwd, sorted(environ.items()), data)
    return _sha256(marshal.dumps(material))


def _option(args: list[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE`` in ``args``, as click reads it."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg[len(name) + 1:]
    return None


def folder_for(argv: list[str], cwd: str) -> str | None:
    """Where this invocation's recording lives: None if it is not a ``check --stdin-filename``
    that may use the cache. The project's cache folder, found as the engine finds it: beside
    the manifest (``--manifest``, else the nearest fortnox.yaml above the file), or --cache-dir."""
    args = argv[1:]
    if not args or args[0] != "check" or "--no-cache" in args:
        return None
    filename = _option(args, "--stdin-filename")
    if filename is None:
        return None
    explicit = _option(args, "--cache-dir")
    if explicit is not None:
        return os.path.join(cwd, explicit)
    manifest = _option(args, "--manifest")
    if manifest is not None:
        return os.path.join(os.path.dirname(os.path.join(cwd, manifest)), FOLDER_NAME)
    folder = os.path.dirname(os.path.abspath(os.path.join(cwd, filename)))
    while True:
        if any(os.path.isfile(os.path.join(folder, name)) for name in MANIFEST_NAMES):
            return os.path.join(folder, FOLDER_NAME)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _memo_path(folder: str, key: str) -> str:
    return os.path.join(folder, f"replay-{key[:32]}.bin")


def replayed(argv: list[str]) -> int | None:
    """The exit code of this invocation replayed from its recording (its output already
    written), or None: then the CLI runs, reading standard input from ``stdin_bytes``, and
    ``recording`` records it."""
    started_ns = time.time_ns()
    try:
        if sys.stdout.isatty() or sys.stderr.isatty() or sys.stdin.isatty():
            return None  # a terminal's output depends on the terminal (colour, width, progress);
            # and someone typing the buffer should see a usage error before typing it
        if os.name == "nt":
            return None  # Windows' os.path.isfile and friends do not go through os.stat: unobserved
        cwd = os.getcwd()
        folder = folder_for(argv, cwd)
        if folder is None:
            return None
        data = sys.stdin.buffer.read()
        _stdin.append(data)
        key = key_of(argv, cwd, dict(os.environ), data)
        _pending.append((key, folder, started_ns))
        with open(_memo_path(folder, key), "rb") as handle:
            memo = marshal.loads(handle.read())
        out, err, code = memo["out"], memo["err"], memo["code"]
        if memo["key"] != key or not (isinstance(out, str) and isinstance(err, str) and code in (0, 1)) \
                or any(state(path, follow) != seen for path, follow, seen in memo["deps"]):
            return None
        sys.stdout.write(out)
        sys.stderr.write(err)
        sys.stdout.flush()
        sys.stderr.flush()
        return code
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        return None  # no recording, or an unreadable one: run the check


def stdin_bytes() -> bytes:
    """Standard input: what the launcher already read, else read now (OSError if closed)."""
    if _stdin:
        return _stdin[0]
    if sys.stdin is None:
        raise OSError("standard input is closed")
    return sys.stdin.buffer.read()


def recording() -> Recording | None:
    """A recording of this run, when the launcher looked for one and found none (only the
    launcher knows the invocation as it was given: arguments, environment, standard input)."""
    return Recording(*_pending[-1]) if _pending else None


class Recording:
    """Observes one run and, if it can be replayed, saves its answer (see the module's doc)."""

    def __init__(self, key: str, folder: str, started_ns: int) -> None:
        self.key, self.folder, self.started_ns = key, folder, started_ns
        self.ignored = tuple(os.path.join(f, "") for f in [folder, *code_folders(), *_library_folders()])
        self.seen: dict[tuple[str, bool], State | None] = {}  # what the run saw, when it looked
        self.read: set[str] = set()  # files it opened
        self.spoiled = False
        self.out: list[str] = []
        self.err: list[str] = []

    # -- observing ---------------------------------------------------------------------------
    def __enter__(self) -> Recording:
        self._saved = (os.stat, os.lstat)
        os.stat, os.lstat = self._observed(os.stat, True), self._observed(os.lstat, False)
        accessor = getattr(sys.modules.get("pathlib"), "_NormalAccessor", None)  # Python 3.10
        if accessor is not None:
            self._accessor = (accessor.stat, accessor.lstat)
            accessor.stat, accessor.lstat = staticmethod(os.stat), staticmethod(os.lstat)
        _ACTIVE.append(self)
        if not _HOOKED:
            sys.addaudithook(_audit)  # for good: a hook cannot be removed; it is idle between runs
            _HOOKED.append(True)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self in _ACTIVE:
            _ACTIVE.remove(self)
            os.stat, os.lstat = self._saved
            accessor = getattr(sys.modules.get("pathlib"), "_NormalAccessor", None)
            if accessor is not None and hasattr(self, "_accessor"):
                accessor.stat, accessor.lstat = (staticmethod(f) for f in self._accessor)

    def _observed(self, real, follow: bool):
        def observed(path, *args, **kwargs):
            if self.spoiled:  # nothing more to note: a project walk stats every file
                return real(path, *args, **kwargs)
            try:
                result = real(path, *args, **kwargs)
            except (FileNotFoundError, NotADirectoryError):
                self._saw(path, follow and kwargs.get("follow_symlinks", True), None, args, kwargs)
                raise
            except OSError:
                self.spoiled = True  # a lookup that failed otherwise cannot be told again
                raise
            self._saw(path, follow and kwargs.get("follow_symlinks", True), result, args, kwargs)
            return result
        return observed

    def _saw(self, path, follow: bool, result: os.stat_result | None, args: tuple, kwargs: dict) -> None:
        if isinstance(path, int) or args or kwargs.get("dir_fd") is not None:
            return  # a stat of an open file (opened files are followed) or relative to a folder
        where = os.path.abspath(os.fsdecode(path))
        if where.startswith(self.ignored):
            return
        try:
            seen = None if result is None else _state_of(result, where)
        except OSError:  # a link that could not be read
            self.spoiled = True
            return
        self.seen.setdefault((where, follow), seen)

    def audit(self, event: str, args: tuple) -> None:
        if event == "open":
            path, mode, flags = args
            if path is None or isinstance(path, int):
                return
            where = os.path.abspath(os.fsdecode(path))
            if where.startswith(self.ignored):
                return  # the cache (a speed-up only), the linter's and Python's own files, bytecode
            if any(c in (mode or "") for c in "wax+") or (flags or 0) & (
                    os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND):
                self.spoiled = True  # a run that writes a file is not answered by printing
            else:
                self.read.add(where)
        elif event in ("os.listdir", "os.scandir"):
            folder = args[0] if args else "."
            if isinstance(folder, int):
                self.spoiled = True
                return
            if not os.path.join(os.path.abspath(os.fsdecode(folder or ".")), "").startswith(self.ignored):
                self.spoiled = True  # the run depends on what a folder holds: a walk
        elif event.startswith(_PROCESS_EVENTS):
            self.spoiled = True

    # -- saving ------------------------------------------------------------------------------
    def save(self, code: int) -> bool:
        """Save the recording if the run can be replayed; whether it was saved."""
        self.__exit__()
        if self.spoiled or code not in (0, 1):
            return False
        deps = dict(self.seen)
        for path in self.read:
            deps.setdefault((path, True), ("f",))  # opened, never looked up: a file, state below
        if len(deps) > MOST_DEPENDENCIES:
            return False
        checked = []
        try:
            for (path, follow), seen in sorted(deps.items()):
                now = state(path, follow)
                if seen == ("f",) and now is not None and now[0] == "f":
                    seen = now  # an opened file: what it is after the run, if not changed since
                if now != seen or (now is not None and now[0] == "f" and now[2] >= self.started_ns - RACY_NS):
                    return False  # changed while the run looked, or too recently to trust
                checked.append((path, follow, now))
        except OSError:
            return False
        memo = {"key": self.key, "deps": checked, "out": "".join(self.out), "err": "".join(self.err),
                "code": code}
        return _write(self.folder, _memo_path(self.folder, self.key), marshal.dumps(memo))


_PROCESS_EVENTS = ("subprocess.", "os.fork", "os.exec", "os.posix_spawn", "os.spawn", "os.system")
_ACTIVE: list[Recording] = []
_HOOKED: list[bool] = []


def _audit(event: str, args: tuple) -> None:
    if not _ACTIVE:
        return
    if event in ("os.listdir", "os.scandir") and _by_import_system():
        return  # finding a module to import lists sys.path folders (the project's, under -m)
    _ACTIVE[-1].audit(event, args)


def _by_import_system() -> bool:
    """Whether the event being audited comes from importlib (CPython runs it as frozen code)."""
    getframe = getattr(sys, "_getframe", None)
    if getframe is None:
        return False
    return getframe(2).f_code.co_filename.startswith("<frozen importlib")


def _write(folder: str, path: str, data: bytes) -> bool:
    """Write atomically, then keep only the newest KEEP recordings; never raises."""
    try:
        os.makedirs(folder, exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
        with os.scandir(folder) as listing:
            recorded = [(e.stat().st_mtime_ns, e.path) for e in listing
                        if e.name.startswith("replay-") and e.name.endswith(".bin")]
        for _, stale in sorted(recorded, reverse=True)[KEEP:]:
            os.unlink(stale)
        return True
    except OSError:
        return False


class Tee:
    """A text stream that writes through to ``stream`` and keeps what was written in ``kept``."""

    def __init__(self, stream, kept: list[str]) -> None:
        self.stream, self.kept = stream, kept

    def write(self, text: str) -> int:
        self.kept.append(text)
        return self.stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)
