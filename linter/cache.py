"""An on-disk cache that makes re-runs fast and is never wrong.

What is cached, each as JSON (never pickle: the folder may be shared or tampered with):

* ``scan-<id>.json``, ``results-<id>.json``, ``memo-<hash>.json``: scan results for one working
  directory (see ScanCache). ``results`` maps a content key, a hash of (file bytes, displayed
  path, tool version, scanner source, catalog bytes), to that file's FileScan; a result is only
  ever looked up by the key of the bytes just read, so it cannot be stale. The stat index
  (size, mtime_ns, inode, ctime_ns -> outcome) lets a warm run skip reading unchanged files; an
  entry is only written when the file's mtime is more than two seconds older than the run, so an
  edit within the file system's timestamp granularity is never mistaken for "unchanged" (git's
  "racily clean" rule). The memo holds whole scans by every file's outcome, and the index the
  findings by a hash of everything the checks read (``findings_key``), so an unchanged project
  is neither re-resolved nor re-checked.
* ``catalog-<key>.json``: a catalog that passed its schema and cross-reference checks, keyed by
  its bytes, the schema's bytes and the tool version: later runs skip YAML and jsonschema.
* ``validation.json``: manifest schema problems keyed by the parsed manifest and schema.

Every write is atomic (temporary file + ``os.replace``), so two runs sharing the folder see
either the old or the new file, never half of one; the last writer wins, which costs at most a
cache miss. Unreadable, corrupt or unexpected content is a miss. An unwritable folder just
means nothing is cached. No error here ever reaches the user.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import sys
import time
from collections.abc import Callable, Container, Iterator
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path, PurePath
from typing import Any

from linter import __version__
from linter.finding import Finding
from linter.resources import PARSED_CATALOG, data_dir, parsed_catalog_key
from linter.scanner.files import Signature
from linter.scanner.uses import EndpointUse, Fact, FileScan

CACHE_DIR_NAME = ".fortnox-lint-cache"
FORMAT = "4"  # 2: results, memo and findings in their own files; 3: content keys of turned-away files;
# 4: results as rows (scan_row)
RACY_NS = 2_000_000_000  # mtimes this close to the run's start are not trusted
KEEP_FILES = 8  # scan-*/catalog-* files kept per kind; older ones are stale versions or projects
MAX_VALIDATIONS = 64
_PACKAGE = Path(__file__).resolve().parent
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This folder is a cache made by fortnox-lint; see https://bford.info/cachedir/\n")


try:  # the bare module skips hashlib's OpenSSL import (several ms of every run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Python builds without it
    from hashlib import blake2b


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many containers are made at once (parsing the
    index, rebuilding the scan's results). They hold no cycles, and each pass of the collector
    over tens of thousands of new lists costs more than the rest of a warm run's bookkeeping."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def digest(*parts: bytes | str) -> str:
    h = blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))  # length-prefixed: no two part lists collide
        h.update(data)
    return h.hexdigest()


class CacheDir:
    """A folder of JSON files, read and written without ever raising."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read_json(self, name: str) -> Any:
        try:
            with open(self.folder / name, "rb") as handle:
                data = handle.read()
            with no_gc():
                return json.loads(data)
        except (OSError, ValueError, RecursionError):
            return None

    def write_json(self, name: str, data: Any) -> bool:
        temp = self.folder / f".{name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
        try:
            text = json.dumps(data, separators=(",", ":"))
            with open(temp, "w", encoding="ascii") as handle:
                handle.write(text)
            os.replace(temp, self.folder / name)
            return True
        except (OSError, ValueError, TypeError, RecursionError):
            try:
                os.unlink(temp)
            except OSError:
                pass
            return False

    def prune(self, prefix: str, keep: str) -> None:
        """Delete the oldest ``prefix*.json`` files beyond KEEP_FILES, never ``keep``."""
        try:
            found = [p for p in self.folder.glob(prefix + "*.json") if p.name != keep]
            found.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for stale in found[KEEP_FILES - 1:]:
                stale.unlink()
        except OSError:
            pass


def _prepare(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK | os.X_OK):
            return False
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# made by fortnox-lint\n*\n")):
            if not (folder / name).exists():
                (folder / name).write_text(text, encoding="utf-8")
        return True
    except OSError:
        return False


def default_folders(project_root: Path) -> list[Path]:
    """The project's ``.fortnox-lint-cache``, else the user's cache folder (XDG)."""
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [project_root / CACHE_DIR_NAME, Path(xdg) / "fortnox-lint"]


def open_cache(explicit: Path | None, project_root: Path) -> CacheDir | None:
    """The first usable cache folder: ``explicit`` if given, else the defaults; None if none is."""
    for folder in [explicit] if explicit is not None else default_folders(project_root):
        if _prepare(folder):
            return CacheDir(folder)
    return None


# -- what the results depend on ----------------------------------------------------------------
_SOURCE_DIGEST: list[str] = []


def scanner_digest() -> str | None:
    """A hash of the code and data that turn a file into a FileScan (the scanner's modules, the
    catalog code, the shipped YAML data such as SDK tables), so changing any invalidates results."""
    if not _SOURCE_DIGEST:
        try:
            sources = sorted((_PACKAGE / "scanner").rglob("*.py")) + [_PACKAGE / "catalog.py"] \
                + sorted(data_dir().glob("*.yaml"))
            _SOURCE_DIGEST.append(digest(*(p.name.encode() + b"\0" + p.read_bytes() for p in sources)))
        except OSError:
            return None  # cannot tell what the scanner is: do not cache scan results
    return _SOURCE_DIGEST[0]


_CODE_DIGEST: list[str] = []


def code_digest() -> str | None:
    """A hash of every module of the linter (checks, suppressions, configuration, the scanner)
    and of the Python running it: what turns the inputs of the checks into findings."""
    if not _CODE_DIGEST:
        try:
            parts: list[bytes] = [sys.version.encode(), __version__.encode()]
            stack = [str(_PACKAGE)]
            while stack:
                folder = stack.pop()
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
                for entry in entries:
                    if entry.is_dir():
                        if entry.name != "__pycache__":
                            stack.append(entry.path)
                    elif entry.name.endswith(".py"):
                        with open(entry.path, "rb") as handle:
                            parts.append(entry.path[len(str(_PACKAGE)):].encode() + b"\0" + handle.read())
            _CODE_DIGEST.append(digest(*parts))
        except OSError:
            return None  # cannot tell what the code is: do not remember findings
    return _CODE_DIGEST[0]


def canonical(value: Any) -> Any:
    """``value`` as JSON that is the same for equal values in every run (sets sorted, dataclasses
    by their fields). Raises TypeError for anything else, so nothing unforeseen is keyed loosely."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [canonical(v) for v in value]]
    if isinstance(value, (set, frozenset)):
        return ["set", sorted((canonical(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))]
    if isinstance(value, dict):
        return ["dict", [[canonical(k), canonical(v)] for k, v in value.items()]]
    if isinstance(value, PurePath):
        return ["path", str(value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__qualname__,
                [[f.name, canonical(getattr(value, f.name))] for f in dataclasses.fields(value)]]
    raise TypeError(f"no canonical form for {type(value).__name__}")


def findings_key(scan: ScanCache, inputs: dict[str, Any], manifest_path: Path | None) -> str | None:
    """A key for what the checks find, or None when it cannot be told exactly.

    ``inputs`` is everything the checks are given besides the scan (manifest, configuration,
    rules, active rules, ...); the scan is ``scan.scan_key``. The manifest file's bytes on disk
    are part of it too, since inline suppressions in it are read from there.
    """
    code = code_digest()
    if scan.scan_key is None or code is None or scan.salt is None:
        return None
    try:
        on_disk = b""
        if manifest_path is not None:
            with open(manifest_path, "rb") as handle:
                on_disk = handle.read()
        text = json.dumps(canonical(inputs), sort_keys=True, ensure_ascii=False)
    except (OSError, TypeError, ValueError, RecursionError):
        return None
    return digest(FORMAT, "findings", code, scan.salt, scan.scan_key, text, on_disk)


# -- the catalog -------------------------------------------------------------------------------
def load_catalog(path: Path | None, cache: CacheDir | None) -> tuple[Any, str | None]:
    """The catalog and a digest of its bytes (None when it could not be read here).

    The shipped catalog is trusted: the test suite validates it, so runs only parse it (with
    libyaml when present). A user's catalog (``path``) is validated against the schema and its
    cross-references once per content; the cache remembers that it passed.
    """
    from linter.catalog import Catalog, load_catalog as load_and_validate

    target = path or data_dir() / "scopes.yaml"
    try:
        raw = Path(target).read_bytes()
        schema = (data_dir() / "catalog.schema.json").read_bytes()
        code = (_PACKAGE / "catalog.py").read_bytes()
    except OSError:
        return load_and_validate(path), None  # it will say what cannot be read
    key = digest(FORMAT, __version__, raw, schema, code)
    name = f"catalog-{key}.json"
    stored = cache.read_json(name) if cache is not None else None
    if isinstance(stored, dict) and stored.get("key") == key and isinstance(stored.get("raw"), dict):
        try:
            return Catalog(stored["raw"], str(target)), key
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # damaged entry: load it properly below
    catalog = None
    data = (parsed_catalog_data(raw) or trusted_catalog_data(raw)) if path is None else None
    if data is not None:
        try:
            catalog = Catalog(data, str(target))
        except (KeyError, TypeError, ValueError, AttributeError):
            catalog = None  # a damaged installation: validation below says what is wrong
    if catalog is None:
        catalog = load_and_validate(path)
        data = trusted_catalog_data(raw)  # it passed validation, so a plain parse is the same data
    if cache is not None and data is not None and json.loads(json.dumps(data)) == data \
            and cache.write_json(name, {"key": key, "raw": data}):
        cache.prune("catalog-", name)
    return catalog, key


def parsed_catalog_data(raw: bytes) -> dict | None:
    """The shipped catalog as the wheel's build parsed it, if it was parsed from exactly ``raw``
    (the YAML beside it); None in a checkout, which has no such file, or if it does not match."""
    try:
        with open(data_dir() / PARSED_CATALOG, "rb") as handle:
            parsed = json.loads(handle.read())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(parsed, dict) or parsed.get("yaml_blake2b") != parsed_catalog_key(raw):
        return None
    data = parsed.get("data")
    return data if isinstance(data, dict) else None


def trusted_catalog_data(raw: bytes) -> dict | None:
    """A catalog known to be valid, parsed without positions or checks; None if that fails."""
    import yaml

    try:
        data = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


# -- manifest validation -----------------------------------------------------------------------
def manifest_validator(cache: CacheDir | None) -> Callable[[Any], list] | None:
    """A drop-in for ``manifest.validate`` that remembers its answers; None without a cache."""
    if cache is None:
        return None

    def validate(located: Any) -> list:
        from linter.manifest import SchemaProblem, validate as validate_now

        try:
            schema = (data_dir() / "manifest.schema.json").read_bytes()
            key = digest(FORMAT, __version__, schema, repr(located.data),
                         repr(list(located.values.items())), repr(list(located.keys.items())))
        except (OSError, RecursionError):
            return validate_now(located)
        stored = cache.read_json("validation.json")
        stored = stored if isinstance(stored, dict) else {}
        hit = stored.get(key)
        if isinstance(hit, list):
            try:
                return [SchemaProblem(str(m), int(line), int(col)) for m, line, col in hit]
            except (TypeError, ValueError):
                pass
        problems = validate_now(located)
        stored.pop(key, None)
        while len(stored) >= MAX_VALIDATIONS:
            stored.pop(next(iter(stored)))
        stored[key] = [[p.message, p.line, p.column] for p in problems]
        cache.write_json("validation.json", stored)
        return problems

    return validate


# -- per-file scan results ---------------------------------------------------------------------
class ScanCache:
    """Scan results for one working directory, catalog and scanner; see the module docstring.

    Three files, so that a warm run reads only what it needs:

    * ``scan-<id>.json``: the stat index, ``files`` entries ``[size, mtime_ns, inode, ctime_ns,
      outcome, content]`` where outcome is ``""`` (nothing found, never got past the prefilter),
      ``"k:<content key>"`` or ``"s:<skip reason>"``, and content is the content key of a file
      the prefilter turned away (else ``""``). A file whose stat no longer matches (a fresh clone
      with a restored cache: new inodes and ctimes) is read and keyed again, and a known key
      settles it without the prefilter or the lexer; ``memos``, the keys of the whole scans held in
      the memo file; ``findings``, what the checks found, by a key of everything they read
      (``findings_key``); ``results``, the content keys the results file held when this index
      was written: what workers may take as known without the results being read (see
      ``known_keys``).
    * ``memo-<hash>.json``: one whole scan (resolved uses and facts) each, by a hash of every
      file's (path, outcome): a warm run neither rebuilds nor re-resolves it, and one whose
      findings are remembered does not read it at all.
    * ``results-<id>.json``: per-file results by content key (as ``scan_row`` makes them), read
      only when a file changed.

    The files may come from different runs (concurrent writers): every entry is keyed by what it
    was computed from, so a mismatch is a miss, never a wrong answer.
    """

    def __init__(self, cache: CacheDir, cwd: Path, catalog_digest: str, alone: bool = False) -> None:
        self.cache = cache
        # An editor's check of a buffer that stands alone has files of its own ("alone-scan-...").
        # In the project's files it would find nothing it needs, and its save would drop the
        # index entries of every file it did not read (all of them) and the results they name.
        self.prefix = "alone-" if alone else ""
        scanner = scanner_digest()
        self.salt = None if scanner is None else digest(FORMAT, __version__, scanner, catalog_digest)
        self.cwd = str(cwd)
        ident = digest(self.salt or '', self.cwd)[:20]
        self.name = f"{self.prefix}scan-{ident}.json"
        self.results_name = f"{self.prefix}results-{ident}.json"
        self.project_results_name = f"results-{ident}.json"
        self.started_ns = time.time_ns()
        self.files: dict[str, list] = {}
        self.memo_keys: list[str] = []  # whole scans in memo files when the index was written
        self.result_keys: list[str] | None = None  # keys in the results file when the index was written
        self.found: dict[str, list] = {}  # findings by findings_key
        self.checks: Any = None  # [code digest, the names of the checks]
        self._results: dict[str, dict] | None = None  # read on first need
        self.new_memos: dict[str, list] = {}  # whole scans this run made, to be written
        self.scan_key: str | None = None  # this run's whole-scan key, once every outcome is known
        self.seen: dict[str, list] = {}  # this run's entries, other than unchanged ones
        self.kept: list[str] = []  # files this run found unchanged (their entries stay as they are)
        # Displayed paths of the folders and files this run walked ("" for the working folder);
        # None: unknown, so any entry may be under them.
        self.walked: list[str] | None = None
        self.fresh: dict[str, list] = {}  # results this run computed, as scan_row makes them
        self.used: set[str] = set()  # content keys this run relied on
        self.dirty = False  # the index must be written
        # While set, ``save`` leaves the index for a later call: linter.engine writes it once, with
        # the findings, rather than after the scan and again after the checks (1 MB of JSON each
        # time on a big project).
        self.hold_index = False
        self.new_results = False  # the results file must be written
        if self.salt is not None:
            self._load()

    def _load(self) -> None:
        stored = self.cache.read_json(self.name)
        if not self._ours(stored):
            return
        files, memo_keys, found = stored.get("files"), stored.get("memos"), stored.get("findings")
        if isinstance(files, dict):
            self.files = files  # entries are checked when used
        if isinstance(memo_keys, list):
            self.memo_keys = [k for k in memo_keys if isinstance(k, str)]
        result_keys = stored.get("results")
        if isinstance(result_keys, list):
            self.result_keys = [k for k in result_keys if isinstance(k, str)]
        if isinstance(found, dict):
            self.found = found
        self.checks = stored.get("checks")

    def _ours(self, stored: Any) -> bool:
        return isinstance(stored, dict) and stored.get("salt") == self.salt and stored.get("cwd") == self.cwd

    def _read_map(self, name: str, field: str) -> dict:
        stored = self.cache.read_json(name)
        found = stored.get(field) if self._ours(stored) else None
        return found if isinstance(found, dict) else {}

    @property
    def results(self) -> dict[str, dict]:
        if self._results is None:
            self._results = self._read_map(self.results_name, "results")
        return self._results

    def memo_name(self, key: str) -> str:
        return f"{self.prefix}memo-{digest(self.salt or '', self.cwd, key)[:24]}.json"

    @property
    def enabled(self) -> bool:
        return self.salt is not None

    def known_keys(self) -> frozenset[str]:
        """Content keys the cache holds results for. Asked before worker processes start, so taken
        from the index when it lists them: the results themselves (tens of MB as objects on a big
        project) are then read after the workers are gone, instead of counting again in each
        worker's memory. A key whose result turns out missing is scanned again (see ``result``)."""
        if self._results is None and self.result_keys is not None:
            return frozenset(self.result_keys).union(self.fresh)
        return frozenset(self.results).union(self.fresh)

    @property
    def has_index(self) -> bool:
        """An index was read: this cache outlives runs, so keying every file read pays off."""
        return bool(self.files)

    def rejected_keys(self) -> frozenset[str]:
        """Content keys of files the prefilter turned away: the same bytes at the same path are
        turned away again, so they need not be tested again."""
        return frozenset(e[5] for e in self.files.values() if _valid_entry(e) and not e[4] and e[5])

    def lookup_many(self, files: list[Any], outcomes: list[str | None], skip: Container[int]) -> list[int]:
        """The recorded outcome of each of ``files`` (SourceFiles, but those in ``skip``) whose stat
        matches the index, into ``outcomes``; returns the indexes of the others, which must be read.
        A ``"k:"`` outcome names a result by content key; ``result`` fetches it (it may be gone)."""
        index, stat, kept, todo = self.files, os.stat, self.kept, []
        for i, source in enumerate(files):
            if i in skip:
                continue
            display = source.display
            entry = index.get(display)
            if type(entry) is not list or len(entry) != 6 or type(entry[4]) is not str:
                todo.append(i)
                continue
            try:
                st = stat(source.fspath)
            except OSError:
                todo.append(i)
                continue
            if st.st_size != entry[0] or st.st_mtime_ns != entry[1] or st.st_ino != entry[2] \
                    or st.st_ctime_ns != entry[3]:
                todo.append(i)
                continue
            kept.append(display)
            outcomes[i] = entry[4]
        return todo

    def result(self, key: str, unsaved: tuple[str, str] | None = None) -> FileScan | None:
        """The result stored under ``key``. ``unsaved``, (path, text) of a buffer checked alone
        whose content key is ``key``: the project's results are looked in too when the buffer may
        be what its last check read."""
        data = self.fresh.get(key) or self.results.get(key)
        if data is None and unsaved is not None and self.prefix and self._project_may_hold(*unsaved):
            data = self._read_map(self.project_results_name, "results").get(key)
        try:
            scan = scan_from_row(data)
        except (TypeError, ValueError, KeyError, AttributeError):
            return None
        self.used.add(key)
        return scan

    def _project_may_hold(self, path: str, text: str) -> bool:
        """The buffer is the file on disk, unchanged since before the project's results were last
        written. Else (a file just saved) they cannot hold it, and reading them would only cost time.
        A buffer with a content key is exactly its UTF-8 bytes (linter.scanner._buffer)."""
        try:
            written = os.stat(self.cache.folder / self.project_results_name).st_mtime_ns
            if os.stat(path).st_mtime_ns >= written:
                return False
            data = text.encode("utf-8")
            with open(path, "rb") as handle:
                return handle.read(len(data) + 1) == data
        except OSError:
            return False

    def remember(self, key: str, scan: FileScan) -> None:
        """Keep a result computed from content (also for unsaved buffers, which have no stat)."""
        self.used.add(key)
        if key not in self.fresh and key not in self.results:
            self.fresh[key] = scan_row(scan)
            self.new_results = True

    def record(self, display: str, scan: FileScan, reason: str | None, signature: Signature | None,
               key: str | None, content: str | None = None) -> str:
        """Remember what reading a file gave; ``scan`` is that result (None reason = scanned) and
        ``content`` the content key of a file the prefilter turned away. Returns the file's
        outcome (as stored in the index)."""
        if key is not None:
            self.remember(key, scan)
        outcome = outcome_of(reason, key)
        if signature is None or signature[1] >= self.started_ns - RACY_NS:
            if self.files.pop(display, None) is not None:  # do not trust the stat of a file that may
                self.dirty = True  # still change
            return outcome
        entry = [*signature, outcome, content or ""]  # content is only given for turned-away files
        self.seen[display] = entry
        if self.files.get(display) != entry:
            self.dirty = True
        return outcome

    # -- the whole scan, by every file's outcome
    def memo_key(self, pairs: list[tuple[str, str]]) -> str:
        with no_gc():
            return digest(self.salt or "", "\0".join(f"{d}\0{o}" for d, o in pairs))

    def has_memo(self, key: str) -> bool:
        """Whether a memo file held ``key`` when the index was written (it may be gone since)."""
        return key in self.memo_keys or key in self.new_memos

    def memo(self, key: str) -> tuple[list[EndpointUse], list[Fact]] | None:
        stored = self.new_memos.get(key)
        if stored is None:
            found = self.cache.read_json(self.memo_name(key))
            stored = found.get("memo") if self._ours(found) and found.get("key") == key else None
        try:
            with no_gc():
                scanned = scan_from_row(stored)  # stored as a file's result is
        except (TypeError, ValueError, KeyError, AttributeError):
            return None
        return scanned.uses, scanned.facts

    def remember_memo(self, key: str, uses: list[EndpointUse], facts: list[Fact]) -> None:
        """Keep a whole scan, in a file of its own (written by ``save``; one that is not JSON is
        simply not written)."""
        if key not in self.memo_keys:
            self.new_memos[key] = _rows(uses, facts)

    # -- the names of the checks, by the code's digest (importing the checks costs more)
    def check_names(self) -> set[str] | None:
        code = code_digest()
        stored = self.checks
        if code is None or type(stored) is not list or len(stored) != 2 or stored[0] != code \
                or type(stored[1]) is not list or not all(type(n) is str for n in stored[1]):
            return None
        return set(stored[1])

    def remember_check_names(self, names: set[str]) -> None:
        code = code_digest()
        if code is not None:
            self.checks = [code, sorted(names)]
            self.dirty = True

    # -- what the checks found, by everything they read (findings_key)
    def findings(self, key: str) -> list[Finding] | None:
        stored = self.found.get(key)
        try:
            return [Finding(*row) for row in stored]  # type: ignore[union-attr,misc]
        except (TypeError, ValueError, KeyError, AttributeError):
            return None

    def remember_findings(self, key: str, findings: list[Finding]) -> None:
        rows = [_finding_row(f) for f in findings]
        try:
            json.dumps(rows)
        except (ValueError, TypeError, RecursionError):
            return
        self.found.pop(key, None)
        while len(self.found) >= KEEP_MEMOS:
            self.found.pop(next(iter(self.found)))
        self.found[key] = rows
        self.dirty = True

    def save(self) -> None:
        """Write what changed; called again later, it writes only what changed since."""
        if not self.enabled:
            return
        if self.new_results:
            results = {**self.results, **self.fresh}
            wanted = {e[4][2:] for e in self.seen.values() if e[4].startswith("k:")} | self.used
            wanted |= {e[4][2:] for e in self.files.values() if _valid_entry(e) and e[4].startswith("k:")}
            kept = {k: v for k, v in results.items() if k in wanted}
            if self.cache.write_json(self.results_name, {"salt": self.salt, "cwd": self.cwd, "results": kept}):
                self.cache.prune(self.prefix + "results-", self.results_name)
                self.result_keys = sorted(kept)
                self.dirty = True  # the index lists them
            self.new_results = False
        for key, memo in self.new_memos.items():
            name = self.memo_name(key)
            if self.cache.write_json(name, {"salt": self.salt, "cwd": self.cwd, "key": key, "memo": memo}):
                self.cache.prune(self.prefix + "memo-", name)
                self.memo_keys = [k for k in self.memo_keys if k != key][-(KEEP_MEMOS - 1):] + [key]
                self.dirty = True
        self.new_memos = {}
        if not self.dirty or self.hold_index:
            return
        files = {d: self.files[d] for d in self.kept if d in self.files}
        files.update(self.seen)
        unseen = {d: e for d, e in self.files.items() if d not in files and _valid_entry(e)}
        # Entries this run's walk could not have reached stay (a check of one folder must not cost
        # the next whole-project check its index). Those it could have reached are files deleted,
        # newly excluded or left out (tests): kept while few, dropped when they outnumber the rest.
        inside = {d: e for d, e in unseen.items() if self._walked_over(d)}
        files.update({d: e for d, e in unseen.items() if d not in inside})
        if len(inside) <= max(1000, len(files)):
            files.update(inside)
        document = {"salt": self.salt, "cwd": self.cwd, "files": files, "memos": self.memo_keys,
                    "findings": self.found, "checks": self.checks, "results": self.result_keys}
        if self.cache.write_json(self.name, document):
            self.cache.prune(self.prefix + "scan-", self.name)
        self.dirty = False

    def _walked_over(self, display: str) -> bool:
        if self.walked is None:
            return True
        return any(not root or display == root or display.startswith(root + "/") for root in self.walked)


KEEP_MEMOS = 4  # whole-scan results kept per project (e.g. check and scopes, with and without tests)


def outcome_of(reason: str | None, key: str | None) -> str:
    """A file's outcome as the index stores it: skipped (with why), scanned (by key) or nothing."""
    return f"s:{reason}" if reason else (f"k:{key}" if key else "")


_USE_FIELDS = tuple(f.name for f in dataclasses.fields(EndpointUse))
_FACT_FIELDS = tuple(f.name for f in dataclasses.fields(Fact))
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))


# A dataclass as a row, the tuple of its fields in order, made in one call: compact JSON (a list)
# that ``Class(*row)`` rebuilds.
_use_row = attrgetter(*_USE_FIELDS)
_fact_row = attrgetter(*_FACT_FIELDS)
_finding_row = attrgetter(*_FINDING_FIELDS)


def scan_row(scan: FileScan) -> list:
    """A FileScan as the results file holds it: ``[uses, facts]``, each a list of rows. Half the
    size of FileScan.to_json's objects, and twice as fast to write and read."""
    return _rows(scan.uses, scan.facts)


def _rows(uses: list[EndpointUse], facts: list[Fact]) -> list:
    """Uses and facts as a file's result and a whole scan (the memo) are both stored."""
    return [[_use_row(u) for u in uses], [_fact_row(f) for f in facts]]


def scan_from_row(data: Any) -> FileScan:
    """The FileScan that ``scan_row`` gave ``data``; raises TypeError or ValueError when it is not one."""
    uses, facts = data
    if type(uses) is not list or type(facts) is not list:
        raise TypeError("not a stored scan")
    return FileScan(uses=[EndpointUse(*row) for row in uses], facts=[Fact(*row) for row in facts])


def _valid_entry(entry: Any) -> bool:
    # The four stat numbers need no check: lookup compares them with real ones for equality.
    return type(entry) is list and len(entry) == 6 and type(entry[4]) is str and type(entry[5]) is str
