"""What the scanner skips: VCS data, dependencies, build outputs, binary files, manifest excludes."""

import os
from pathlib import Path

import pytest

from conftest import write_project
from linter.engine import LintRequest, lint

CALL = 'u = "https://api.fortnox.se/3/invoices"\n'


def test_skipped_folders_and_binaries(tmp_path: Path):
    write_project(tmp_path, {
        "fortnox.yaml": "scopes: [customer]\n",
        "src/app.py": CALL,
        ".git/hooks/x.py": CALL,
        "node_modules/lib/index.js": CALL,
        "vendor/pkg/a.php": CALL,
        "dist/bundle.js": CALL,
        "build/out.py": CALL,
        "target/Main.java": CALL,
        ".venv/lib/site.py": CALL,
        "tests/test_app.py": CALL,
    })
    (tmp_path / "src" / "blob.py").write_bytes(b"\0\x01" + CALL.encode())
    (tmp_path / "fortnox.yaml").write_text("scopes: [customer]\nexclude: ['tests/**']\n")
    result = lint(LintRequest(cwd=tmp_path))
    assert sorted({u.path for u in result.scan.uses}) == ["src/app.py"]
    assert [(s.display, s.reason) for s in result.scan.skipped] == [("src/blob.py", "binary file")]


def test_utf16_and_latin1_sources_are_read(tmp_path: Path):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [invoice]\n"})
    (tmp_path / "a.cs").write_bytes("var u = \"https://api.fortnox.se/3/invoices\";\n".encode("utf-16"))
    (tmp_path / "b.py").write_bytes(b"# caf\xe9\nu = 'https://api.fortnox.se/3/invoices'\n")
    result = lint(LintRequest(cwd=tmp_path))
    assert [(u.path, u.line, u.column) for u in result.scan.uses] == [("a.cs", 1, 9), ("b.py", 2, 5)]


def test_walk_reaches_exactly_the_files_the_walk_yields(tmp_path: Path):
    """walk_reaches (a buffer checked alone) decides from names what walk decides by listing."""
    import os

    from linter.scanner.files import walk, walk_reaches

    names = ["src/app.py", "src/app.min.js", "src/logo.PNG", "src/gen/out.py", "src/x.egg-info/a.py",
             "node_modules/lib/index.js", "tests/test_app.py", "src/app_test.go", "src/app.spec.ts",
             "lib/tests/helper.py", "docs/a.md", "deep/er/still/a.rb", "src/build/b.py", "outside.py"]
    write_project(tmp_path, dict.fromkeys(names, CALL))
    files = sorted(os.path.join(tmp_path, n) for n in names)
    checked = 0
    for exclude in ([], ["src/gen/**"], ["**/*.rb", "docs"]):
        for tests in (False, True):
            for root in (tmp_path, tmp_path / "src"):
                yielded = {s.fspath for s in walk([root], tmp_path, exclude, tmp_path, include_tests=tests)}
                for path in files:
                    if not path.startswith(str(root) + os.sep):
                        continue
                    assert walk_reaches(path, str(root), exclude, tmp_path, tests) == (path in yielded), \
                        (path, exclude, tests)
                    checked += 1
    assert checked == 3 * 2 * (14 + 8)
    # A file outside the walk's root is a root of its own: only the excludes apply, as to a named file.
    outside = str(tmp_path / "tests" / "test_app.py")
    assert walk_reaches(outside, str(tmp_path / "src"), [], tmp_path, False)
    assert not walk_reaches(outside, str(tmp_path / "src"), ["tests/*.py"], tmp_path, False)


def test_a_file_is_read_in_one_call_when_its_stat_size_is_right(tmp_path: Path, monkeypatch):
    from linter.scanner import files

    calls: list[int] = []
    real_read = files.os.read
    monkeypatch.setattr(files.os, "read", lambda fd, n: calls.append(n) or real_read(fd, n))
    path = tmp_path / "a.py"
    path.write_bytes(b"x" * 5000)
    assert files.read_bytes(path).data == b"x" * 5000
    assert calls == [5001]
    path.write_bytes(b"")
    calls.clear()
    assert files.read_bytes(path).data == b""
    assert calls == [1]


def test_a_file_longer_than_its_stat_said_is_read_to_its_end(tmp_path: Path, monkeypatch):
    # It grew between the stat and the read, or its stat says 0 as /proc's files do.
    from linter.scanner import files

    path = tmp_path / "a.py"
    path.write_bytes(b"y" * 200_000)
    real_fstat = files.os.fstat

    def fstat(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        return os.stat_result((*st[:6], 10, *st[7:]), {"st_mtime_ns": st.st_mtime_ns, "st_ctime_ns": st.st_ctime_ns})

    monkeypatch.setattr(files.os, "fstat", fstat)
    assert files.read_bytes(path).data == b"y" * 200_000


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="Linux's /proc")
def test_a_proc_file_whose_stat_says_zero_is_read_whole():
    from linter.scanner.files import read_bytes

    data = read_bytes("/proc/self/status").data
    assert data is not None and data.startswith(b"Name:") and data.endswith(b"\n") and b"VmRSS" in data
