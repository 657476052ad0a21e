"""What the scanner skips: VCS data, dependencies, build outputs, binary files, manifest excludes."""

from pathlib import Path

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
