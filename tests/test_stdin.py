"""check --stdin-filename: a buffer from stdin linted as a file of its project."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.engine import LintRequest, lint
from linter.stdin import stdin_request
from conftest import write_project

REPO = Path(__file__).resolve().parents[1]
MANIFEST = "scopes:\n  - customer\n  - invoice\n"
CLEAN = 'import requests\nrequests.get("https://api.fortnox.se/3/customers")\n'
MISSING = 'import requests\n\nrequests.post("https://api.fortnox.se/3/orders")\n'
MISSING_LINE = ('app.py:3:15: FNX001 [missing-scope] POST /3/orders needs scope \'order\', which '
                'fortnox.yaml does not request; Fortnox will answer "Missing rights" at run time')


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_project(tmp_path, {"fortnox.yaml": MANIFEST, "app.py": CLEAN,
                             "billing.py": 'get("https://api.fortnox.se/3/invoices")\n'})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str, stdin: bytes | str):
    return CliRunner().invoke(cli, ["check", *args], input=stdin)


def test_buffer_replaces_the_file_on_disk(proj: Path):
    result = check("--stdin-filename", "app.py", stdin=MISSING)
    assert result.exit_code == 1
    assert result.stdout == MISSING_LINE + "\nFound 1 problem (1 error) in 1 file.\n"
    assert (proj / "app.py").read_text() == CLEAN  # nothing written


def test_fixed_buffer_passes_though_the_file_on_disk_fails(proj: Path):
    (proj / "app.py").write_text(MISSING)
    assert check("app.py", stdin="").exit_code == 1
    result = check("--stdin-filename", "app.py", stdin=CLEAN)
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 file scanned).\n")


def test_only_the_named_file_is_reported_not_the_manifest(proj: Path):
    (proj / "fortnox.yaml").write_text(MANIFEST + "  - supplier\n")  # unused: a manifest finding
    assert "FNX002" in check(stdin="").stdout
    result = check("--stdin-filename", "app.py", stdin=CLEAN)
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 file scanned).\n")


def test_manifest_buffer_is_the_manifest_checked_against_the_whole_project(proj: Path):
    # invoice is used by billing.py (on disk, not named): only the added supplier is unused.
    result = check("--stdin-filename", "fortnox.yaml", stdin=MANIFEST + "  - supplier\n")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "fortnox.yaml:4:5: FNX002 [unused-scope] scope 'supplier' is requested but no scanned code "
        "calls an endpoint that needs it; every extra scope is more the customer must consent to "
        "and more licences they may need")
    assert [line.split(" ")[1] for line in result.stdout.splitlines()[:-1]] == ["FNX002"]
    assert (proj / "fortnox.yaml").read_text() == MANIFEST


def test_manifest_buffer_decides_missing_scopes_of_the_buffer_only(proj: Path):
    # The manifest buffer drops invoice: billing.py now lacks it, but only the manifest is reported.
    result = check("--stdin-filename", "fortnox.yaml", stdin="scopes: [customer]\n")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (3 files scanned).\n")


def test_broken_manifest_buffer_is_an_error_with_its_place(proj: Path):
    result = check("--stdin-filename", "fortnox.yaml", stdin="scopes: [customer\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("fortnox-lint: error: fortnox.yaml:2:1: invalid YAML: ")


def test_path_is_shown_relative_to_the_working_directory(proj: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(proj.parent)
    result = check("--stdin-filename", f"{proj.name}/app.py", stdin=MISSING)
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first == f"{proj.name}/" + MISSING_LINE.replace("fortnox.yaml", f"{proj.name}/fortnox.yaml")


def test_select_and_format_still_apply(proj: Path):
    result = check("--stdin-filename", "app.py", "--format", "json", "--select", "unused-scope",
                   stdin=MISSING)
    assert (result.exit_code, result.stdout.count('"code"')) == (0, 0)


def test_paths_and_stdin_filename_together_are_a_usage_error(proj: Path):
    result = check("--stdin-filename", "app.py", "billing.py", stdin=CLEAN)
    assert result.exit_code == 2
    assert "--stdin-filename lints one buffer; do not pass PATHS with it" in result.stderr


def test_binary_stdin_is_an_error(proj: Path):
    result = check("--stdin-filename", "app.py", stdin=b"\x00\x01binary")
    assert (result.exit_code, result.stderr) == (2, "fortnox-lint: error: app.py: cannot lint stdin: binary file\n")


def test_a_folder_as_the_stdin_filename_is_an_error(proj: Path):
    (proj / "src").mkdir()
    result = check("--stdin-filename", "src", stdin=MISSING)
    assert (result.exit_code, result.stderr) == (
        2, "fortnox-lint: error: src: is a folder; --stdin-filename names the file whose text is on stdin\n")


def test_closed_stdin_is_an_error_not_a_traceback(proj: Path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "linter", "check", "--stdin-filename", "app.py"],
                          stdin=subprocess.DEVNULL, cwd=proj, env=env, capture_output=True, timeout=60,
                          preexec_fn=lambda: os.close(0))
    assert (done.returncode, done.stderr) == (2, b"fortnox-lint: error: cannot read stdin: standard input is closed\n")


def test_file_outside_any_project_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "app.py").write_text(CLEAN)
    monkeypatch.chdir(lone)
    result = check("--stdin-filename", "app.py", stdin=MISSING)
    assert result.exit_code == 2
    assert result.stderr.startswith("fortnox-lint: error: no fortnox.yaml found in app.py")


def test_excluded_file_stays_excluded(proj: Path):
    (proj / "fortnox.yaml").write_text(MANIFEST + "exclude: [app.py]\n")
    result = check("--stdin-filename", "app.py", stdin=MISSING)
    assert (result.exit_code, result.stdout) == (0, "All checks passed (0 files scanned).\n")  # not even app.py


def _subprocess(cwd: Path, data: bytes, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "linter", "check", *args], input=data, cwd=cwd,
                          env=env, capture_output=True, timeout=60)


def test_real_process_reads_stdin_bytes(proj: Path):
    done = _subprocess(proj, MISSING.encode(), "--stdin-filename", "app.py")
    assert done.returncode == 1
    assert done.stdout.decode() == MISSING_LINE + "\nFound 1 problem (1 error) in 1 file.\n"
    assert done.stderr == b""


def test_real_process_decodes_utf16_with_bom(proj: Path):
    data = ("# Åsa's client\n" + MISSING[len("import requests\n"):]).encode("utf-16")
    done = _subprocess(proj, data, "--stdin-filename", "app.py")
    assert done.returncode == 1
    assert done.stdout.decode().splitlines()[0] == MISSING_LINE


def test_real_process_fixed_buffer_exits_zero(proj: Path):
    (proj / "app.py").write_text(MISSING)
    done = _subprocess(proj, CLEAN.encode(), "--stdin-filename", "app.py")
    assert (done.returncode, done.stdout) == (0, b"All checks passed (1 file scanned).\n")


# -- a buffer that stands alone is linted without its project (linter.scanner.scan_alone) ---------

def test_buffer_that_needs_a_base_url_from_another_file_is_linted_within_its_project(proj: Path):
    (proj / "config.py").write_text('BASE_URL = "https://api.fortnox.se/3"\n')
    buffer = "from config import BASE_URL\nrequests.post(BASE_URL + '/orders', json={})\n"
    result = check("--stdin-filename", "app.py", "--format", "json", stdin=buffer)
    found = [(f["rule"], f["path"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert (result.exit_code, found) == (1, [("missing-scope", "app.py", 2, 26)])
    assert json.loads(result.stdout)["summary"]["files_scanned"] == 4  # the whole project


def test_test_file_buffer_is_skipped_as_the_project_walk_skips_it(proj: Path):
    (proj / "tests").mkdir()
    (proj / "tests" / "test_app.py").write_text(CLEAN)
    result = check("--stdin-filename", "tests/test_app.py", stdin=MISSING)
    assert (result.exit_code, result.stdout) == (0, "All checks passed (0 files scanned).\n")
    result = check("--stdin-filename", "tests/test_app.py", "--include-tests", stdin=MISSING)
    assert result.exit_code == 1 and "tests/test_app.py:3:15: FNX001" in result.stdout


def test_every_file_alone_has_the_findings_it_has_in_its_project(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    """Each corpus file, checked as an unchanged buffer, has exactly its findings of a whole-project
    check: whether it stands alone or needs its project is decided correctly."""
    shutil.copytree(REPO / "tests" / "corpus", tmp_path / "corpus")
    (tmp_path / "fortnox.yaml").write_text("scopes: [companyinformation]\nexclude: ['corpus/go/**']\n")
    monkeypatch.chdir(tmp_path)
    whole = lint(LintRequest(cache=False)).findings
    alone = alone_with_findings = 0
    for path in sorted(p for p in (tmp_path / "corpus").rglob("*") if p.is_file()):
        shown = path.relative_to(tmp_path).as_posix()
        request = stdin_request(LintRequest(cache=False), Path(shown), path.read_bytes())
        result = lint(request)
        alone += len(result.scan.files) <= 1
        alone_with_findings += len(result.scan.files) <= 1 and bool(result.findings)
        assert result.findings == [f for f in whole if f.path == shown], shown
    # Both ways were taken: 45 of the 175 files stand alone, 5 of them with findings.
    assert (alone, alone_with_findings) == (45, 5)


def test_a_buffer_that_needs_its_project_is_lexed_once(proj: Path, monkeypatch: pytest.MonkeyPatch):
    from linter.scanner import extract

    (proj / "config.py").write_text('BASE_URL = "https://api.fortnox.se/3"\n')
    buffer = "from config import BASE_URL\nrequests.post(BASE_URL + '/orders', json={})\n"
    lexed: list[str] = []
    real = extract.scan_text
    monkeypatch.setattr(extract, "scan_text", lambda text, display, *rest: lexed.append(display) or
                        real(text, display, *rest))
    result = lint(stdin_request(LintRequest(cache=False), Path("app.py"), buffer.encode()))
    assert [(f.rule, f.line) for f in result.findings] == [("missing-scope", 2)]
    assert lexed.count("app.py") == 1  # tried alone, then reused within the project
