"""The progress counter: silent off a terminal and on small trees, rate-limited, erased at the end."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from conftest import write_project
from linter import runner
from linter.engine import LintRequest
from linter.terminal import Progress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_before_the_delay_then_a_rate_limited_count_then_erased() -> None:
    stream, clock = FakeTTY(), Clock()
    progress = Progress(stream, delay=0.5, interval=0.1, clock=clock)
    for _ in range(3):
        progress("a.py")
    assert stream.getvalue() == ""
    clock.now += 0.6
    progress("b.py")
    progress("c.py")  # same instant: rate-limited
    clock.now += 0.25
    progress("d.py")
    progress.finish()
    assert stream.getvalue() == ("\rfortnox-lint: scanned 4 files…\x1b[K"
                                 "\rfortnox-lint: scanned 6 files…\x1b[K"
                                 "\r\x1b[K")


def test_a_quick_run_leaves_no_trace() -> None:
    stream = FakeTTY()
    progress = Progress(stream, clock=Clock())
    progress("a.py")
    progress.finish()
    assert stream.getvalue() == ""


PROJECT = {"fortnox.yaml": "scopes: [customer]\n",
           "a.py": "requests.get('https://api.fortnox.se/3/customers')\n", "b.py": "x = 1\n"}


def test_runner_shows_progress_on_a_terminal_stderr(tmp_path: Path, monkeypatch) -> None:
    write_project(tmp_path, PROJECT)
    monkeypatch.setattr(runner, "Progress", functools.partial(Progress, delay=0, interval=0))
    out, err = io.StringIO(), FakeTTY()
    request = LintRequest(cwd=tmp_path)
    assert runner.run(request, "text", out, err) == 0
    assert err.getvalue() == ("\rfortnox-lint: scanned 1 files…\x1b[K\rfortnox-lint: scanned 2 files…\x1b[K"
                              "\rfortnox-lint: scanned 3 files…\x1b[K\r\x1b[K")
    assert out.getvalue() == "All checks passed (3 files scanned).\n"
    assert request.on_file is None


def test_runner_is_silent_when_stderr_is_not_a_terminal(tmp_path: Path, monkeypatch) -> None:
    write_project(tmp_path, PROJECT)
    monkeypatch.setattr(runner, "Progress", functools.partial(Progress, delay=0, interval=0))
    out, err = io.StringIO(), io.StringIO()
    assert runner.run(LintRequest(cwd=tmp_path), "text", out, err) == 0
    assert err.getvalue() == ""
