"""The warm path: the remembered whole scan, remembered findings and unsaved buffers.

Every test compares a cached run with an uncached one: the cache may only ever make runs faster.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import linter.cache as caching
import linter.scanner.extract as extract
import linter.scanner.work as work
from linter.engine import LintRequest, lint
from test_cache import OLD_NS, PROJECT, make


def outcome(root: Path, cache_dir: Path | None, **extra) -> tuple:
    result = lint(LintRequest(cwd=root, cache=cache_dir is not None, cache_dir=cache_dir, **extra))
    return ([(f.rule, f.path, f.line, f.column, f.severity, f.message) for f in result.findings],
            [u.to_dict() for u in result.scan.uses], result.scan.facts,
            [(s.display, s.reason) for s in result.scan.skipped], len(result.scan.files))


def both(root: Path, cache_dir: Path, **extra) -> tuple:
    """The cached run's outcome, after checking that it is the uncached run's."""
    cached = outcome(root, cache_dir, **extra)
    assert cached == outcome(root, None, **extra)
    return cached


@pytest.fixture
def counted(monkeypatch):
    """Files lexed (work.scan_text: files on disk; extract.scan_text: also buffers) and checks run."""
    counts = {"scanned": [], "buffers": [], "checked": 0}
    real_scan, real_text = work.scan_text, extract.scan_text

    def scan(text, display, language, catalog):
        counts["scanned"].append(display)
        return real_scan(text, display, language, catalog)

    def scan_text(text, display, language, catalog):
        counts["buffers"].append(display)
        return real_text(text, display, language, catalog)

    import linter.engine as engine

    real_checked = engine._checked

    def checked(*args):
        counts["checked"] += 1
        return real_checked(*args)

    monkeypatch.setattr(work, "scan_text", scan)
    monkeypatch.setattr(extract, "scan_text", scan_text)
    monkeypatch.setattr(engine, "_checked", checked)
    return counts


def index_of(cache_dir: Path) -> dict:
    (found,) = cache_dir.glob("scan-*.json")
    return json.loads(found.read_text())


def test_a_warm_run_reuses_the_whole_scan_and_the_findings(tmp_path, counted):
    root = make(tmp_path / "p", PROJECT)
    cold = both(root, tmp_path / "c")
    assert cold[0]  # the project has findings
    assert counted["checked"] == 2
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "c").glob("*-*.json")) == [
        "catalog", "memo", "results", "scan"]
    index = index_of(tmp_path / "c")
    assert len(index["memos"]) == 1 and len(index["findings"]) == 1
    counted["scanned"].clear()
    assert outcome(root, tmp_path / "c") == cold
    assert counted["scanned"] == [] and counted["checked"] == 2  # neither lexed nor checked again


@pytest.mark.parametrize("change", [
    "manifest scopes", "manifest suppression", "manifest lint section", "pyproject", "source", "new file",
    "removed file", "select", "ignore", "include tests",
])
def test_findings_follow_every_input_of_the_checks(tmp_path, change):
    files = dict(PROJECT)
    files["tests/test_x.py"] = 'u = "https://api.fortnox.se/3/orders"\n'
    root = make(tmp_path / "p" / "app", files)  # the configuration above it is not scanned
    extra: dict = {}
    before = both(root, tmp_path / "c")
    assert both(root, tmp_path / "c") == before  # warm
    manifest = root / "fortnox.yaml"
    if change == "manifest scopes":
        manifest.write_text("scopes: [customer, invoice]\n")
    elif change == "manifest suppression":  # read from disk by the suppressions, not by the scan
        manifest.write_text("scopes: [customer, article]  # fortnox-lint: ignore[unused-scope] not yet\n")
    elif change == "manifest lint section":
        manifest.write_text("scopes: [customer, article]\nlint:\n  ignore: [unused-scope]\n")
    elif change == "pyproject":
        (root.parent / "pyproject.toml").write_text('[tool.fortnox-lint]\nseverity = {missing-scope = "info"}\n')
    elif change == "source":
        (root / "src" / "plain.py").write_text('u = "https://api.fortnox.se/3/orders"\n')
    elif change == "new file":
        (root / "src" / "new.py").write_text('u = "https://api.fortnox.se/3/offers"\n')
    elif change == "removed file":
        (root / "src" / "invoices.py").unlink()
    elif change == "select":
        extra = {"select": {"missing-scope"}}
    elif change == "ignore":
        extra = {"ignore": {"missing-scope"}}
    elif change == "include tests":
        extra = {"include_tests": True}
    for touched in root.parent.rglob("*"):
        if touched.is_file():
            os.utime(touched, ns=(OLD_NS, OLD_NS))  # only ctime and content tell the edits apart
    after = both(root, tmp_path / "c", **extra)
    assert after[0] != before[0]
    assert both(root, tmp_path / "c", **extra) == after  # and warm again
    assert both(root, tmp_path / "c") == outcome(root, None)  # the other set of options, too


def test_a_lost_memo_file_is_rebuilt_from_the_results(tmp_path, counted):
    root = make(tmp_path / "p", PROJECT)
    cold = both(root, tmp_path / "c")
    (memo,) = (tmp_path / "c").glob("memo-*.json")
    memo.unlink()
    counted["scanned"].clear()
    selected = outcome(root, tmp_path / "c", select={"missing-scope"})  # findings not remembered
    assert counted["scanned"] == []  # rebuilt from the per-file results, nothing lexed
    assert selected == outcome(root, None, select={"missing-scope"}) != cold
    assert both(root, tmp_path / "c") == cold


@pytest.mark.parametrize("damage", ["memo", "findings", "memo keys"])
def test_damaged_memo_and_findings_are_misses(tmp_path, damage):
    root = make(tmp_path / "p", PROJECT)
    expected = both(root, tmp_path / "c")
    folder = tmp_path / "c"
    if damage == "memo":
        (memo,) = folder.glob("memo-*.json")
        stored = json.loads(memo.read_text())
        stored["memo"] = [[[1, 2]], "x"]
        memo.write_text(json.dumps(stored))
        index = index_of(folder)
        index["findings"] = {}  # so that the scan is needed
        (scan,) = folder.glob("scan-*.json")
        scan.write_text(json.dumps(index))
    else:
        index = index_of(folder)
        if damage == "findings":
            index["findings"] = {k: [["too", "few"]] for k in index["findings"]}
        else:
            index["memos"] = ["not a key", 7, None]
        (scan,) = folder.glob("scan-*.json")
        scan.write_text(json.dumps(index))
    assert outcome(root, folder) == expected
    assert outcome(root, folder) == expected


def test_an_unsaved_buffer_equal_to_the_file_is_a_hit(tmp_path, counted):
    root = make(tmp_path / "p", PROJECT)
    target = root / "src" / "invoices.py"
    both(root, tmp_path / "c")
    full = outcome(root, tmp_path / "c")
    counted["buffers"].clear()
    request = {"paths": [Path("src/invoices.py")], "overrides": {target: target.read_text()},
               "manifest_findings": False}
    buffered = outcome(root, tmp_path / "c", **request)
    assert counted["buffers"] == []  # the file's own result: not lexed again
    assert buffered[0] == [f for f in full[0] if f[1] == "src/invoices.py"]
    # Its one URL is whole, so it stands alone: only it is scanned (linter.scanner.scan_alone).
    assert buffered[1:] == ([u for u in full[1] if u["path"] == "src/invoices.py"], [], [], 1)
    checked = counted["checked"]
    assert outcome(root, tmp_path / "c", **request) == buffered
    assert counted["buffers"] == [] and counted["checked"] == checked  # its findings are remembered too


@pytest.mark.parametrize("text", [
    'u = "https://api.fortnox.se/3/orders"\n',  # changed: scanned, then remembered by its bytes
    '\ufeffu = "https://api.fortnox.se/3/orders"\n',  # a BOM: not what the same bytes read from disk give
    'u = "https://api.fortnox.se/3/orders"\n\0',  # a NUL: binary on disk, a buffer still is text
    'u = "https://api.fortnox.se/3/orders" # \udcff\n',  # a lone surrogate: no bytes give it
    "print('no api here')\n",  # the prefilter settles it
])
def test_unsaved_buffers_give_what_an_uncached_run_gives(tmp_path, text):
    root = make(tmp_path / "p", PROJECT)
    both(root, tmp_path / "c")
    request = {"paths": [Path("src/invoices.py")], "overrides": {root / "src" / "invoices.py": text},
               "manifest_findings": False}
    first = both(root, tmp_path / "c", **request)
    assert both(root, tmp_path / "c", **request) == first
    assert both(root, tmp_path / "c") == outcome(root, None)  # the file on disk is still the file


def test_a_buffer_seen_before_is_not_lexed_again(tmp_path, counted):
    root = make(tmp_path / "p", PROJECT)
    both(root, tmp_path / "c")
    request = {"paths": [Path("src/invoices.py")], "manifest_findings": False,
               "overrides": {root / "src" / "invoices.py": 'u = "https://api.fortnox.se/3/orders"\n'}}
    outcome(root, tmp_path / "c", **request)
    counted["buffers"].clear()
    outcome(root, tmp_path / "c", **request)
    assert counted["buffers"] == []


def test_invalid_utf16_is_skipped_alike_cold_and_warm(tmp_path):
    files = dict(PROJECT)
    root = make(tmp_path / "p", files)
    (root / "src" / "bad.py").write_bytes(b"\xff\xfe" + "fortnox".encode("utf-16-le") + b"\x00\xd8")
    os.utime(root / "src" / "bad.py", ns=(OLD_NS, OLD_NS))
    cold = both(root, tmp_path / "c")
    assert ("src/bad.py", "invalid UTF-16") in cold[3]
    assert both(root, tmp_path / "c") == cold


def test_findings_are_not_remembered_when_the_manifest_changes_during_the_checks(tmp_path, monkeypatch):
    root = make(tmp_path / "p", PROJECT)
    manifest = root / "fortnox.yaml"
    keys = iter(["before", "after"])
    monkeypatch.setattr(caching, "findings_key", lambda *args: next(keys))
    outcome(root, tmp_path / "c")
    assert index_of(tmp_path / "c")["findings"] == {}
    assert manifest.exists()


def test_canonical_forms():
    assert caching.canonical({"b", "a"}) == caching.canonical({"a", "b"}) == ["set", ["a", "b"]]
    assert caching.canonical((1, None)) != caching.canonical([1, None])
    assert caching.canonical(Path("x/y")) == ["path", "x/y"]
    with pytest.raises(TypeError):
        caching.canonical(object())
