"""`fortnox-lint lsp` without the lsp extra, and `check` never needing it. Real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lsp_support import REPO, workspace  # noqa: F401 - fixture

# Make pygls and lsprotocol unimportable, as on an install without the extra, then run the CLI.
WITHOUT_EXTRA = ("import sys; sys.modules['pygls'] = sys.modules['lsprotocol'] = None; "
                 "sys.argv = ['fortnox-lint', *sys.argv[1:]]; from linter.cli import main; main()")


def run_without_extra(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", WITHOUT_EXTRA, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def test_lsp_without_pygls_says_how_to_install_it(tmp_path: Path):
    done = run_without_extra("lsp", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == ('fortnox-lint: error: the language server needs pygls; '
                           'pip install "fortnox-scope-lint[lsp]"\n')


def test_check_works_without_pygls(workspace: Path):
    done = run_without_extra("check", cwd=workspace)
    assert (done.returncode, done.stdout, done.stderr) == (0, "All checks passed (3 files scanned).\n", "")


def test_check_does_not_import_the_server(workspace: Path):
    code = ("import sys; from click.testing import CliRunner; from linter.cli import cli; "
            "r = CliRunner().invoke(cli, ['check']); "
            "print(r.exit_code, sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'linter.lsp')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=workspace, capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout == "0 []\n"
