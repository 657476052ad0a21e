"""A repeated `check --stdin-filename` is answered from its recording (linter.replay), in real
processes: replayed exactly when nothing the check looked at has changed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import write_project
from linter import cache, manifest, replay

REPO = Path(__file__).resolve().parents[1]
MANIFEST = "scopes:\n  - customer\n"
MISSING = 'import requests\n\nrequests.post("https://api.fortnox.se/3/orders")\n'
FINDING = ("src/app.py:3:15: FNX001 [missing-scope] POST /3/orders needs scope 'order', which "
           'fortnox.yaml does not request; Fortnox will answer "Missing rights" at run time\n'
           "Found 1 problem (1 error) in 1 file.\n")


def age(root: Path) -> None:
    """Files written a minute ago: a recording trusts no mtime from the last two seconds."""
    past = time.time() - 60
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    write_project(tmp_path, {"fortnox.yaml": MANIFEST, "src/app.py": MISSING})
    age(tmp_path)
    return tmp_path


def check(cwd: Path, data: str | bytes, *args: str, env: dict[str, str] | None = None) -> tuple:
    """(exit code, stdout, stderr, replayed): replayed when the CLI module was never imported."""
    environ = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    environ.pop("FORTNOX_LINT_DEBUG", None)
    data = data.encode() if isinstance(data, str) else data
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "linter", "check", *args],
                          input=data, cwd=cwd, env=environ, capture_output=True, timeout=120)
    lines = done.stderr.decode().splitlines(keepends=True)
    imported = [line for line in lines if line.startswith("import time:")]
    stderr = "".join(line for line in lines if not line.startswith("import time:"))
    return done.returncode, done.stdout.decode(), stderr, not any(" linter.cli\n" in x for x in imported)


def recordings(root: Path) -> list[Path]:
    return sorted((root / ".fortnox-lint-cache").glob("replay-*.bin"))


def test_the_same_check_again_is_replayed_with_the_same_answer(proj: Path):
    first = check(proj, MISSING, "--stdin-filename", "src/app.py")
    assert first == (1, FINDING, "", False)
    assert len(recordings(proj)) == 1
    assert check(proj, MISSING, "--stdin-filename", "src/app.py") == (1, FINDING, "", True)


def test_json_and_stderr_notices_are_replayed_byte_for_byte(proj: Path):
    args = ("--stdin-filename", "src/app.py", "--format", "json", "--select", "missing-scope,nonsense")
    usage = check(proj, MISSING, *args)
    assert usage[0] == 2 and usage[3] is False and recordings(proj) == []  # a usage error: not recorded
    args = ("--stdin-filename", "src/app.py", "--format", "json", "--exit-zero")
    first = check(proj, MISSING, *args)
    assert first[0] == 0 and '"rule": "missing-scope"' in first[1] and first[3] is False
    assert check(proj, MISSING, *args) == first[:3] + (True,)


def _nearer_manifest(root: Path) -> None:
    (root / "src" / "fortnox.yaml").write_text("scopes: [customer, order]\n")


def _manifest_edited(root: Path) -> None:
    (root / "fortnox.yaml").write_text("scopes:\n  - order\n")  # the same size, another scope


def _pyproject_above(root: Path) -> None:
    (root / "pyproject.toml").write_text('[tool.fortnox-lint]\nignore = ["missing-scope"]\n')


def _file_deleted(root: Path) -> None:
    (root / "src" / "app.py").unlink()


@pytest.mark.parametrize("change, expected", [
    (_nearer_manifest, 0),
    (_manifest_edited, 0),
    (_pyproject_above, 0),
    (_file_deleted, 2),
])
def test_a_change_to_what_the_check_looked_at_runs_it_again(proj: Path, change, expected: int):
    assert check(proj, MISSING, "--stdin-filename", "src/app.py")[0] == 1
    change(proj)
    age(proj)  # old mtimes too: the state, not the time, tells the change
    code, _out, _err, replayed = check(proj, MISSING, "--stdin-filename", "src/app.py")
    assert (code, replayed) == (expected, False)


@pytest.mark.parametrize("args, env, data", [
    (("--stdin-filename", "src/app.py", "--format", "json"), None, MISSING),
    (("--stdin-filename", "src/app.py"), {"GITHUB_ACTIONS": "true"}, MISSING),
    (("--stdin-filename", "src/app.py"), None, MISSING + "# edited\n"),
])
def test_another_invocation_is_not_answered_by_this_ones_recording(proj: Path, args, env, data):
    check(proj, MISSING, "--stdin-filename", "src/app.py")
    assert check(proj, data, *args, env=env)[3] is False


@pytest.mark.parametrize("case", ["needs its project", "needs its flat project", "writes a file", "no cache",
                                  "manifest just saved"])
def test_checks_that_cannot_be_replayed_are_not_recorded(proj: Path, case: str):
    args = ["--stdin-filename", "src/app.py"]
    data = MISSING
    if case.startswith("needs its"):
        # A project walk; the flat one lists only the working folder, which is on sys.path under -m.
        folder = proj if case == "needs its flat project" else proj / "src"
        (folder / "config.py").write_text('BASE_URL = "https://api.fortnox.se/3"\n')
        (folder / "app.py").write_text(MISSING)
        args = ["--stdin-filename", (folder / "app.py").relative_to(proj).as_posix()]
        data = "from config import BASE_URL\nrequests.post(BASE_URL + '/orders', json={})\n"
        if folder == proj:
            (proj / "src" / "app.py").unlink()
            (proj / "src").rmdir()
        age(proj)
    elif case == "writes a file":
        args += ["--format", "text", "--format", "sarif:out.sarif"]
    elif case == "no cache":
        args += ["--no-cache"]
    else:
        (proj / "fortnox.yaml").write_text(MANIFEST)
    for _ in range(2):
        code, _out, _err, replayed = check(proj, data, *args)
        assert (code, replayed) == (1, False)
    assert recordings(proj) == []


def test_a_damaged_recording_is_a_miss_and_is_rewritten(proj: Path):
    check(proj, MISSING, "--stdin-filename", "src/app.py")
    (recorded,) = recordings(proj)
    recorded.write_bytes(b"\x00garbage")
    assert check(proj, MISSING, "--stdin-filename", "src/app.py") == (1, FINDING, "", False)
    assert check(proj, MISSING, "--stdin-filename", "src/app.py") == (1, FINDING, "", True)


def test_recordings_are_kept_for_the_newest_invocations_only(proj: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(replay, "KEEP", 2)
    folder = proj / ".fortnox-lint-cache"
    folder.mkdir()
    for n in range(4):
        assert replay._write(str(folder), str(folder / f"replay-{n}.bin"), b"x")
        os.utime(folder / f"replay-{n}.bin", ns=(n, n))  # written in order
    assert [p.name for p in recordings(proj)] == ["replay-2.bin", "replay-3.bin"]


def test_where_the_recording_lives():
    cwd = "/w"
    assert replay.folder_for(["x", "check", "--stdin-filename", "a.py", "--cache-dir", "c"], cwd) == "/w/c"
    assert replay.folder_for(["x", "check", "--manifest=m/fortnox.yaml", "--stdin-filename=a.py"], cwd) \
        == "/w/m/.fortnox-lint-cache"
    assert replay.folder_for(["x", "check", "--stdin-filename", "a.py", "--no-cache"], cwd) is None
    assert replay.folder_for(["x", "check", "a.py"], cwd) is None  # not an editor's buffer
    assert replay.folder_for(["x", "scopes", "--stdin-filename", "a.py"], cwd) is None


def test_its_copies_of_other_modules_constants_agree_with_them():
    # linter.replay runs before anything is imported, so it cannot import these.
    assert replay.MANIFEST_NAMES == tuple(manifest.MANIFEST_NAMES)
    assert (replay.FOLDER_NAME, replay.RACY_NS) == (cache.CACHE_DIR_NAME, cache.RACY_NS)
