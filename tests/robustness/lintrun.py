"""Running fortnox-lint as users do: a real subprocess, or main() in-process for monkeypatching."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def _command(*args: str) -> list[str]:
    # -P (3.11+) keeps the scanned folder off sys.path, as the installed console script does.
    safe = ["-P"] if sys.version_info >= (3, 11) else []
    return [sys.executable, *safe, "-m", "linter", *args]


def run_cli(cwd: Path, *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None,
            timeout: float = 120) -> Ran:
    """fortnox-lint ARGS in a fresh process, from ``cwd``."""
    merged = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    if not env or "FORTNOX_LINT_DEBUG" not in env:
        merged.pop("FORTNOX_LINT_DEBUG", None)
    done = subprocess.run(_command(*args), cwd=cwd, env=merged, input=stdin, capture_output=True,
                          timeout=timeout)
    return Ran(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, cwd: Path, *args: str) -> Ran:
    """fortnox-lint ARGS through linter.cli.main in this process (so tests can monkeypatch)."""
    from linter.cli import main

    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["fortnox-lint", *args])
    monkeypatch.delenv("FORTNOX_LINT_DEBUG", raising=False)
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


def one_line_error(ran: Ran) -> str:
    """The single stderr line of a run that could not lint; fails on anything more."""
    assert ran.code == 2, ran
    assert ran.out == ""
    assert "Traceback" not in ran.err
    assert ran.err.count("\n") == 1 and ran.err.endswith("\n"), ran.err
    return ran.err
