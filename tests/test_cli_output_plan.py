"""Output planning, atomic writes and the colour decision, below the CLI."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from linter.outputs import Output, default_format, parse_spec, plan, write_atomic
from linter.terminal import color_enabled


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("tty", "environ", "fmt"), [
    (True, {}, "full"),
    (False, {}, "text"),
    (True, {"GITHUB_ACTIONS": "true"}, "github"),
    (False, {"GITHUB_ACTIONS": "true"}, "github"),
    (True, {"GITHUB_ACTIONS": "false"}, "full"),
])
def test_default_format(tty: bool, environ: dict, fmt: str) -> None:
    assert default_format(tty, environ) == fmt


def test_parse_spec_splits_at_the_first_colon_only() -> None:
    assert parse_spec("SARIF") == Output("sarif")
    assert parse_spec("sarif:C:\\reports\\r.sarif") == Output("sarif", Path("C:\\reports\\r.sarif"))
    assert parse_spec("json:-") == Output("json")  # "-" is standard output


def test_plan_puts_the_main_output_first() -> None:
    assert plan(["gitlab:gl.json", "text", "sarif:r.sarif"], None, stdout_tty=True, environ={}) == [
        Output("text"), Output("gitlab", Path("gl.json")), Output("sarif", Path("r.sarif"))]
    assert plan(["sarif:r.sarif"], None, stdout_tty=True, environ={}) == [
        Output("full"), Output("sarif", Path("r.sarif"))]
    # --output to a file: plain text, whatever stdout is
    assert plan([], Path("o.txt"), stdout_tty=True, environ={"GITHUB_ACTIONS": "true"}) == [
        Output("text", Path("o.txt"))]


def test_color_decision() -> None:
    tty, pipe = FakeTTY(), io.StringIO()
    assert color_enabled("auto", tty, {}) is True
    assert color_enabled("auto", pipe, {}) is False
    assert color_enabled("auto", tty, {"NO_COLOR": "1"}) is False
    assert color_enabled("auto", tty, {"NO_COLOR": ""}) is True  # no-color.org: set and non-empty
    assert color_enabled("auto", tty, {"TERM": "dumb"}) is False
    assert color_enabled("never", tty, {}) is False
    assert color_enabled("always", pipe, {"NO_COLOR": "1"}) is True
    assert color_enabled("auto", object(), {}) is False  # no isatty at all


def test_write_atomic_replaces_content_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.sarif"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new ✓\n")
    assert target.read_bytes() == "new ✓\n".encode("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.sarif"]


def test_write_atomic_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_write_atomic_failure_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "r.json"
    target.write_text("old", encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_write_atomic_writes_devices_directly() -> None:
    write_atomic(Path(os.devnull), "discarded")  # replacing /dev/null would need root and break it
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()
