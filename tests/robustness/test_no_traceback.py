"""A bug is one line and exit 2, never a traceback, unless the user asks for one with --debug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lintrun import REPO, run_main

# A stand-in for any bug deep in the engine: lint() itself raising.
BOOM = ("import sys, linter.runner as r\n"
        "def boom(request): raise KeyError('kaboom')\n"
        "r.lint = boom\n"
        "from linter.cli import main\n"
        "sys.argv[0] = 'fortnox-lint'\n"
        "main()\n")


def run_buggy(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    merged = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    if not env:
        merged.pop("FORTNOX_LINT_DEBUG", None)
    return subprocess.run([sys.executable, "-c", BOOM, *args], cwd=cwd, env=merged, capture_output=True,
                          text=True, timeout=60)


def test_internal_error_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "fortnox.yaml").write_text("scopes: [invoice]\n")
    done = run_buggy(tmp_path, "check")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == ("fortnox-lint: internal error: KeyError: 'kaboom' (rerun with --debug for "
                           "details, and please report it)\n")


def test_debug_flag_shows_the_traceback(tmp_path):
    (tmp_path / "fortnox.yaml").write_text("scopes: [invoice]\n")
    done = run_buggy(tmp_path, "--debug", "check")
    assert done.returncode == 1  # Python's own exit code for an uncaught exception
    assert done.stderr.startswith("Traceback (most recent call last):")
    assert done.stderr.rstrip().endswith("KeyError: 'kaboom'")


def test_debug_environment_variable_shows_the_traceback(tmp_path):
    (tmp_path / "fortnox.yaml").write_text("scopes: [invoice]\n")
    done = run_buggy(tmp_path, "check", env={"FORTNOX_LINT_DEBUG": "1"})
    assert "Traceback (most recent call last):" in done.stderr


def test_scanner_bug_on_one_file_skips_that_file_only(tmp_path, monkeypatch, capsys):
    import linter.scanner.work as work

    (tmp_path / "fortnox.yaml").write_text("scopes: [customer]\n")
    (tmp_path / "good.py").write_text('u = "https://api.fortnox.se/3/invoices"\n')
    (tmp_path / "odd.py").write_text('u = "https://api.fortnox.se/3/orders"\n')
    real = work.scan_text

    def fragile(text, display, language, catalog):
        if display == "odd.py":
            raise IndexError("string index out of range")
        return real(text, display, language, catalog)

    monkeypatch.setattr(work, "scan_text", fragile)
    ran = run_main(monkeypatch, capsys, tmp_path, "check", "--no-cache", "--select", "missing-scope")
    assert ran.err == ("fortnox-lint: odd.py: skipped (internal error while scanning (IndexError: "
                       "string index out of range); please report it)\n")
    assert ran.code == 1
    assert ran.out.splitlines()[0].startswith("good.py:1:5: FNX001 [missing-scope] /3/invoices ")

    monkeypatch.setenv("FORTNOX_LINT_DEBUG", "1")  # with debugging on, the bug surfaces
    from linter.catalog import load_catalog
    from linter.scanner.work import WorkContext, scan_path

    with pytest.raises(IndexError, match="string index out of range"):
        scan_path(str(tmp_path / "odd.py"), "odd.py", WorkContext(load_catalog()))
