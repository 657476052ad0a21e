"""The on-disk cache: fast when nothing changed, never wrong after an edit, harmless when broken."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

import linter.cache as caching
import linter.scanner.work as work
from linter.engine import LintRequest, lint
from linter.errors import LintError
from linter.stdin import stdin_request
from lintrun import REPO, run_cli

OLD_NS = 1_600_000_000 * 10**9  # 2020: well outside the "racily clean" window


def make(root: Path, files: dict[str, str], old: bool = True) -> Path:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if old:
            os.utime(target, ns=(OLD_NS, OLD_NS))
    return root


PROJECT = {
    "fortnox.yaml": "scopes: [customer, article]\n",
    "src/invoices.py": 'u = "https://api.fortnox.se/3/invoices"\n',
    "src/customers.ts": 'fetch("https://api.fortnox.se/3/customers/{n}")\n',
    "src/plain.py": "print('hello')\n",
    "src/api.js": "fetch(BASE_URL + '/users')\n",  # passes the prefilter, calls nothing Fortnox
    "blob.dat": "\0binary",
}


def outcome(root: Path, cache_dir: Path | None, **extra) -> tuple:
    result = lint(LintRequest(cwd=root, cache=cache_dir is not None, cache_dir=cache_dir, **extra))
    return ([(f.rule, f.path, f.line, f.column, f.message) for f in result.findings],
            [u.to_dict() for u in result.scan.uses], result.scan.facts,
            [(s.display, s.reason) for s in result.scan.skipped], len(result.scan.files))


@pytest.fixture
def counted(monkeypatch):
    """How many files were read and how many were lexed, per run."""
    counts = {"read": [], "scanned": []}
    real_read, real_scan = work.read_bytes, work.scan_text

    def read(path):
        counts["read"].append(os.path.basename(path))
        return real_read(path)

    def scan(text, display, language, catalog):
        counts["scanned"].append(display)
        return real_scan(text, display, language, catalog)

    monkeypatch.setattr(work, "read_bytes", read)
    monkeypatch.setattr(work, "scan_text", scan)
    return counts


def test_warm_run_reads_nothing_and_finds_the_same(tmp_path, counted):
    root = make(tmp_path / "p", PROJECT)
    uncached = outcome(root, None)
    cold = outcome(root, tmp_path / "c")
    assert sorted(counted["scanned"]) == sorted(["src/api.js", "src/customers.ts", "src/invoices.py"] * 2)
    counted["read"].clear()
    counted["scanned"].clear()
    warm = outcome(root, tmp_path / "c")
    assert (counted["read"], counted["scanned"]) == ([], [])
    assert uncached == cold == warm
    assert warm[3] == [("blob.dat", "binary file")]  # skip notices come back from the cache too


def test_edit_keeping_size_and_mtime_is_still_seen(tmp_path, counted):
    root = make(tmp_path / "p", PROJECT)
    before = outcome(root, tmp_path / "c")
    target = root / "src" / "invoices.py"
    target.write_text('u = "https://api.fortnox.se/3/vouchers"\n')  # same length as invoices
    os.utime(target, ns=(OLD_NS, OLD_NS))  # and the same mtime: only ctime and content differ
    counted["read"].clear()
    after = outcome(root, tmp_path / "c")
    assert counted["read"] == ["invoices.py"]
    assert [u["endpoint"] for u in after[1]] == ["/3/customers/{}", "/3/vouchers"]
    assert after[1] != before[1]
    assert after == outcome(root, None)


def test_a_file_modified_just_now_is_not_trusted_by_its_stat(tmp_path, counted):
    root = make(tmp_path / "p", PROJECT)
    fresh = root / "src" / "invoices.py"
    now = time.time_ns()
    os.utime(fresh, ns=(now, now))  # could still be edited within the same timestamp tick
    outcome(root, tmp_path / "c")
    counted["read"].clear()
    counted["scanned"].clear()
    assert outcome(root, tmp_path / "c") == outcome(root, None)
    # Read again, but its result comes from the content key: not lexed again.
    assert counted["read"][0] == "invoices.py"
    assert counted["scanned"].count("src/invoices.py") == 1  # the uncached comparison run only


def reclone(root: Path, files: dict[str, str]) -> Path:
    """The project checked out afresh at the same path: every file has a new inode and ctime,
    so no stat in the index matches, as in CI with the cache folder restored."""
    shutil.rmtree(root)
    return make(root, files)


@pytest.fixture
def prefiltered(monkeypatch):
    """The files the byte prefilter was asked about."""
    asked: list[bytes] = []
    real = work.FAST_PREFILTER

    def test(data: bytes) -> bool:
        asked.append(data)
        return real(data)

    monkeypatch.setattr(work, "FAST_PREFILTER", test)
    return asked


def test_a_fresh_clone_with_the_cache_restored_settles_files_by_content(tmp_path, counted, prefiltered):
    root = make(tmp_path / "p", PROJECT)
    first = outcome(root, tmp_path / "c")
    reclone(root, PROJECT)
    assert outcome(root, tmp_path / "c") == first  # keys every file it reads: the cache has an index
    reclone(root, PROJECT)
    counted["read"].clear()
    counted["scanned"].clear()
    prefiltered.clear()
    again = outcome(root, tmp_path / "c")
    assert sorted(counted["read"]) == sorted(["fortnox.yaml", "invoices.py", "customers.ts", "plain.py",
                                              "api.js", "blob.dat"])  # each read once, to key it
    assert (counted["scanned"], prefiltered) == ([], [])  # neither lexed nor prefiltered again
    assert again == first == outcome(root, None)
    counted["read"].clear()
    assert outcome(root, tmp_path / "c") == first
    assert counted["read"] == []  # the index now holds the new stats: a warm run again


def test_a_fresh_clone_with_edited_files_scans_just_those(tmp_path, counted, prefiltered):
    root = make(tmp_path / "p", PROJECT)
    outcome(root, tmp_path / "c")
    outcome(reclone(root, PROJECT), tmp_path / "c")
    edited = dict(PROJECT, **{"src/plain.py": 'u = "https://api.fortnox.se/3/orders"\n',
                              "src/invoices.py": 'u = "https://api.fortnox.se/3/vouchers"\n'})
    reclone(root, edited)
    counted["scanned"].clear()
    prefiltered.clear()
    after = outcome(root, tmp_path / "c")
    assert sorted(counted["scanned"]) == ["src/invoices.py", "src/plain.py"]
    assert len(prefiltered) == 2  # the two edited files; the rest are settled by their keys
    assert [u["endpoint"] for u in after[1]] == ["/3/customers/{}", "/3/vouchers", "/3/orders"]
    assert after == outcome(root, None)


def test_a_fresh_clone_reads_the_stored_results_only_after_the_scan(tmp_path, monkeypatch, counted):
    """The known keys come from the index: the results (tens of MB as objects on a big project)
    are not in memory while worker processes run, where each worker's copy would count again."""
    root = make(tmp_path / "p", PROJECT)
    first = outcome(root, tmp_path / "c")
    outcome(reclone(root, PROJECT), tmp_path / "c")
    events: list[str] = []
    real_read, real_scan_all = caching.CacheDir.read_json, work.scan_all
    monkeypatch.setattr(caching.CacheDir, "read_json",
                        lambda self, name: events.append(name.split("-")[0]) or real_read(self, name))
    monkeypatch.setattr(work, "scan_all", lambda *a, **k: events.append("scan") or real_scan_all(*a, **k))
    counted["scanned"].clear()
    assert outcome(reclone(root, PROJECT), tmp_path / "c") == first
    assert counted["scanned"] == []
    assert events.index("scan") < events.index("results")


def test_a_lost_results_file_means_those_files_are_scanned_again(tmp_path, counted):
    root = make(tmp_path / "p", PROJECT)
    first = outcome(root, tmp_path / "c")
    outcome(reclone(root, PROJECT), tmp_path / "c")
    results_file_in(tmp_path / "c").unlink()  # the index still names their content keys
    counted["scanned"].clear()
    assert outcome(reclone(root, PROJECT), tmp_path / "c") == first
    assert sorted(counted["scanned"]) == ["src/api.js", "src/customers.ts", "src/invoices.py"]


def test_files_are_keyed_before_the_prefilter_only_once_the_cache_has_an_index(tmp_path):
    root = make(tmp_path / "p", PROJECT)
    outcome(root, tmp_path / "c")  # over an empty cache: keying 100 MB of other code costs time
    entries = json.loads(scan_file_in(tmp_path / "c").read_text())["files"]
    assert {d: e[5] for d, e in entries.items()} == dict.fromkeys(PROJECT, "")
    outcome(reclone(root, PROJECT), tmp_path / "c")
    entries = json.loads(scan_file_in(tmp_path / "c").read_text())["files"]
    turned_away = {d for d, e in entries.items() if e[4] == ""}
    assert turned_away == {"fortnox.yaml", "src/plain.py"}
    assert all(len(e) == 6 and (e[5] != "") == (d in turned_away) for d, e in entries.items())


def test_an_editor_check_of_a_buffer_that_stands_alone_leaves_the_project_cache_as_it_was(
        tmp_path, counted, monkeypatch):
    files = dict(PROJECT, **{f"gen/m{i}.py": "print('nothing to see')\n" for i in range(1200)})
    root = make(tmp_path / "p", files)
    expected = outcome(root, tmp_path / "c")
    index, results = scan_file_in(tmp_path / "c"), results_file_in(tmp_path / "c")
    before = (index.read_bytes(), results.read_bytes())
    read: list[str] = []
    real_read = caching.CacheDir.read_json
    monkeypatch.setattr(caching.CacheDir, "read_json", lambda self, name: read.append(name) or real_read(self, name))
    buffer = 'u = "https://api.fortnox.se/3/vouchers"\n'
    for text in (buffer, buffer + "# saved again\n"):
        (root / "src" / "invoices.py").write_text(text)  # the editor saved it, then asks
        request = stdin_request(LintRequest(cwd=root, cache=True, cache_dir=tmp_path / "c"),
                                Path("src/invoices.py"), text.encode())
        alone = lint(request)
        assert [(f.rule, f.path, f.line) for f in alone.findings] == [("missing-scope", "src/invoices.py", 1)]
        assert len(alone.scan.files) == 1
    # Its own files: the project's index and results are untouched (a save of the project's
    # index by a run that read one file used to drop the other 1,205 files' entries), and not
    # even read: a file saved after them cannot be in them.
    assert (index.read_bytes(), results.read_bytes()) == before
    assert [n for n in read if n in (index.name, results.name)] == []
    assert len(list((tmp_path / "c").glob("alone-scan-*.json"))) == 1
    counted["read"].clear()
    after = outcome(root, tmp_path / "c")
    assert counted["read"] == ["invoices.py"]  # the project's next check is warm but for the saved file
    assert [u["endpoint"] for u in after[1]] == ["/3/customers/{}", "/3/vouchers"]
    assert after == outcome(root, None)
    assert expected != after


def scan_file_in(cache_dir: Path) -> Path:
    found = sorted(cache_dir.glob("scan-*.json"))
    assert len(found) == 1
    return found[0]


def results_file_in(cache_dir: Path) -> Path:
    found = sorted(cache_dir.glob("results-*.json"))
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("damage", [
    b"", b"{", b"[]", b"\xff\xfe\x00garbage", b'{"salt": 1, "files": [], "results": 7}',
])
def test_corrupt_cache_file_is_a_miss(tmp_path, damage):
    root = make(tmp_path / "p", PROJECT)
    expected = outcome(root, None)
    outcome(root, tmp_path / "c")
    scan_file_in(tmp_path / "c").write_bytes(damage)
    assert outcome(root, tmp_path / "c") == expected
    assert outcome(root, tmp_path / "c") == expected  # and it was rewritten sound


def test_damaged_entries_are_misses(tmp_path):
    root = make(tmp_path / "p", PROJECT)
    expected = outcome(root, None)
    outcome(root, tmp_path / "c")
    target = scan_file_in(tmp_path / "c")
    stored = json.loads(target.read_text())
    for display, entry in stored["files"].items():
        if display == "src/plain.py":
            stored["files"][display] = "not a list"
        elif display == "blob.dat":
            stored["files"][display] = [1, 2]
    assert stored["findings"]
    for key in stored["findings"]:
        stored["findings"][key] = [["too", "few", "fields"]]
    target.write_text(json.dumps(stored))
    (memo_file,) = (tmp_path / "c").glob("memo-*.json")
    memo = json.loads(memo_file.read_text())
    assert memo["memo"][0]
    memo["memo"] = [[["too", "few", "fields"]], []]
    memo_file.write_text(json.dumps(memo))
    results_file = results_file_in(tmp_path / "c")
    results = json.loads(results_file.read_text())
    assert results["results"]
    for key in results["results"]:
        results["results"][key] = {"uses": [{"no such field": 1}]}
    results_file.write_text(json.dumps(results))
    assert outcome(root, tmp_path / "c") == expected


@pytest.mark.parametrize("damage", [[["too", "few"]], [[["a"]], []], [[], [["kind"]]], [1, 2], {"uses": []},
                                    "text", 5, None])
def test_damaged_result_rows_are_misses(tmp_path, counted, damage):
    root = make(tmp_path / "p", PROJECT)
    expected = outcome(root, None)
    outcome(root, tmp_path / "c")
    results_file = results_file_in(tmp_path / "c")
    results = json.loads(results_file.read_text())
    assert len(results["results"]) == 3
    for key in results["results"]:
        results["results"][key] = damage
    results_file.write_text(json.dumps(results))
    for name in ("src/invoices.py", "src/customers.ts", "src/api.js"):
        os.utime(root / name, ns=(OLD_NS + 10**9, OLD_NS + 10**9))  # looked up by content again
    counted["scanned"].clear()
    assert outcome(root, tmp_path / "c") == expected
    assert sorted(counted["scanned"]) == ["src/api.js", "src/customers.ts", "src/invoices.py"]


def test_a_cold_check_writes_each_file_once(tmp_path, monkeypatch):
    """The index changes after the scan and again when the findings are remembered: it is written
    once, at the end (linter.engine), and a later run still finds everything in it."""
    root = make(tmp_path / "p", PROJECT)
    written = []
    real = caching.CacheDir.write_json
    monkeypatch.setattr(caching.CacheDir, "write_json",
                        lambda self, name, data: written.append(name.split("-")[0]) or real(self, name, data))
    cold = outcome(root, tmp_path / "c")
    assert sorted(written) == ["catalog", "memo", "results", "scan", "validation.json"]
    stored = json.loads(scan_file_in(tmp_path / "c").read_text())
    assert stored["findings"] and stored["memos"] and len(stored["results"]) == 3
    written.clear()
    assert outcome(root, tmp_path / "c") == cold
    assert written == []


def test_corrupt_catalog_and_validation_entries_are_misses(tmp_path):
    root = make(tmp_path / "p", dict(PROJECT, **{"fortnox.yaml": "scopes: [customer]\nscopez: [x]\n"}))
    expected = outcome(root, None)
    outcome(root, tmp_path / "c")
    for entry in (tmp_path / "c").glob("catalog-*.json"):
        entry.write_text('{"key": "x", "raw": {"catalog_version": 1}}')
    (tmp_path / "c" / "validation.json").write_text('{"a": 1, "b": [[1]]}')
    assert outcome(root, tmp_path / "c") == expected


def test_unusable_cache_folder_just_means_no_cache(tmp_path):
    root = make(tmp_path / "p", PROJECT)
    (tmp_path / "file").write_text("a file, not a folder")
    assert outcome(root, tmp_path / "file" / "cache") == outcome(root, None)
    assert not (tmp_path / "file" / "cache").exists()


def test_failed_writes_leave_nothing_behind(tmp_path, monkeypatch):
    root = make(tmp_path / "p", PROJECT)
    expected = outcome(root, None)

    def refuse(src, dst):
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(caching.os, "replace", refuse)
    assert outcome(root, tmp_path / "c") == expected
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [".gitignore", "CACHEDIR.TAG"]


def test_cache_folder_is_tagged_and_ignored_by_git(tmp_path):
    root = make(tmp_path, PROJECT)
    ran = run_cli(root, "check")
    assert ran.code == 1
    folder = root / ".fortnox-lint-cache"
    assert (folder / ".gitignore").read_text() == "# made by fortnox-lint\n*\n"
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    assert len(list(folder.glob("scan-*.json"))) == 1


def test_falls_back_to_the_user_cache_folder(tmp_path):
    root = make(tmp_path / "p", PROJECT)
    (root / ".fortnox-lint-cache").write_text("in the way")
    ran = run_cli(root, "check", env={"XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert ran.code == 1
    assert len(list((tmp_path / "xdg" / "fortnox-lint").glob("scan-*.json"))) == 1


def test_no_cache_writes_nothing(tmp_path):
    root = make(tmp_path, PROJECT)
    ran = run_cli(root, "check", "--no-cache")
    assert ran.code == 1
    assert not (root / ".fortnox-lint-cache").exists()


def test_concurrent_runs_sharing_a_cache(tmp_path):
    files = dict(PROJECT)
    files.update({f"gen/m{i}.py": f'u = "https://api.fortnox.se/3/invoices/{i}"\n' for i in range(60)})
    root = make(tmp_path / "p", files)
    expected = run_cli(root, "check", "--no-cache", "--format", "json")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "linter", "check", "--format", "json", "--cache-dir", str(tmp_path / "c")]
    for _ in range(3):
        runs = [subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for _ in range(3)]
        results = [run.communicate(timeout=120) for run in runs]
        assert [out.decode() for out, _ in results] == [expected.out] * 3
        assert [err.decode() for _, err in results] == [expected.err] * 3
    assert not list((tmp_path / "c").glob(".*.tmp"))


def test_scanner_or_catalog_change_starts_afresh(tmp_path, monkeypatch, counted):
    root = make(tmp_path / "p", PROJECT)
    outcome(root, tmp_path / "c")
    monkeypatch.setattr(caching, "_SOURCE_DIGEST", ["a different scanner"])
    counted["scanned"].clear()
    outcome(root, tmp_path / "c")
    assert sorted(counted["scanned"]) == ["src/api.js", "src/customers.ts", "src/invoices.py"]
    assert len(list((tmp_path / "c").glob("scan-*.json"))) == 2  # one per scanner version


def test_old_scan_files_are_pruned(tmp_path):
    root = make(tmp_path / "p", PROJECT)
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(12):
        stale = folder / f"scan-stale{i:02d}.json"
        stale.write_text("{}")
        os.utime(stale, ns=(OLD_NS + i, OLD_NS + i))
    outcome(root, folder)
    kept = sorted(p.name for p in folder.glob("scan-*.json"))
    assert len(kept) == caching.KEEP_FILES
    assert [k for k in kept if k.startswith("scan-stale")] == [f"scan-stale{i:02d}.json" for i in range(5, 12)]


def user_catalog(path: Path, mutate) -> Path:
    raw = yaml.safe_load((REPO / "data" / "scopes.yaml").read_text(encoding="utf-8"))
    mutate(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_user_catalog_is_revalidated_when_it_changes(tmp_path):
    root = make(tmp_path / "p", PROJECT)
    catalog = user_catalog(tmp_path / "cat.yaml", lambda raw: None)
    good = outcome(root, tmp_path / "c", catalog=catalog)
    assert good == outcome(root, tmp_path / "c", catalog=catalog)
    user_catalog(catalog, lambda raw: raw["endpoints"][0].update(confidence="certain"))
    with pytest.raises(LintError, match="catalog does not match its schema at endpoints/0/confidence"):
        outcome(root, tmp_path / "c", catalog=catalog)


def test_manifest_problems_come_back_from_the_cache_and_follow_edits(tmp_path):
    root = make(tmp_path / "p", dict(PROJECT, **{"fortnox.yaml": "scopes: [customer]\nscopez: [x]\n"}))
    first = outcome(root, tmp_path / "c", select={"invalid-manifest"})
    assert [f[:4] for f in first[0]] == [("invalid-manifest", "fortnox.yaml", 2, 1)]
    assert outcome(root, tmp_path / "c", select={"invalid-manifest"}) == first
    (root / "fortnox.yaml").write_text("licenses: [Order]\nscopes: [customer]\nscopez: [x]\n")
    moved = outcome(root, tmp_path / "c", select={"invalid-manifest"})
    assert [f[:4] for f in moved[0]] == [("invalid-manifest", "fortnox.yaml", 3, 1)]


def test_checking_one_folder_keeps_the_index_entries_of_the_others(tmp_path, counted):
    """Without a manifest (``scopes src``) a scan walks only the paths it is given: the entries of
    files it could not reach stay, so the next whole-project scan is still warm (they once were
    all dropped when they outnumbered the files read)."""
    files = {name: text for name, text in PROJECT.items() if name != "fortnox.yaml"}
    files.update({f"gen/m{i}.py": "print('nothing to see')\n" for i in range(1200)})
    root = make(tmp_path / "p", files)
    whole = outcome(root, tmp_path / "c", need_manifest=False)
    assert outcome(root, tmp_path / "c", paths=[Path("src")], need_manifest=False) == \
        outcome(root, None, paths=[Path("src")], need_manifest=False)
    entries = json.loads(scan_file_in(tmp_path / "c").read_text())["files"]
    assert len(entries) == len(files)
    counted["read"].clear()
    assert outcome(root, tmp_path / "c", need_manifest=False) == whole
    assert counted["read"] == []


def test_entries_of_deleted_files_are_dropped_once_they_outnumber_the_rest(tmp_path):
    files = dict(PROJECT, **{f"gen/m{i}.py": "print('nothing to see')\n" for i in range(1200)})
    root = make(tmp_path / "p", files)
    outcome(root, tmp_path / "c")
    shutil.rmtree(root / "gen")
    outcome(root, tmp_path / "c")
    entries = json.loads(scan_file_in(tmp_path / "c").read_text())["files"]
    assert sorted(entries) == sorted(PROJECT)


def test_results_rows_give_back_every_field_of_every_use_and_fact():
    """The results file holds each FileScan as rows (linter.cache.scan_row): read back, the whole
    corpus's results are what scanning gave, field by field (FileScan.to_json compares them all)."""
    from linter.catalog import load_catalog
    from linter.scanner.extract import language_of, scan_text

    catalog = load_catalog(None)
    seen_uses = seen_facts = 0
    for path in sorted((REPO / "tests" / "corpus").rglob("*")):
        if not path.is_file():
            continue
        found = scan_text(path.read_text(encoding="utf-8", errors="replace"), path.name, language_of(path), catalog)
        stored = caching.scan_from_row(json.loads(json.dumps(caching.scan_row(found))))
        assert stored.to_json() == found.to_json(), path
        seen_uses += len(found.uses)
        seen_facts += len(found.facts)
    assert seen_uses > 100 and seen_facts > 100
