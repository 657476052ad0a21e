"""The README's CI and pre-commit snippets: they parse, and their commands work as written."""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO, write_project
from linter.cli import cli

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _yaml_blocks(title: str) -> list:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", _section(title), re.S)]


PROJECT = {"fortnox.yaml": "scopes: [customer]\n",
           "app.py": "requests.get('https://api.fortnox.se/3/customers')\nrequests.get('/3/invoices')\n"}


def _check(root: Path, command: str, environ: dict[str, str]):
    args = shlex.split(os.path.expandvars(command))
    assert args[:2] == ["fortnox-lint", "check"]
    old = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, args[1:], env=environ, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_precommit_snippet_names_the_shipped_hook() -> None:
    (config,) = _yaml_blocks("pre-commit")
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in config["repos"][0]["hooks"]] == [h["id"] for h in hooks]


def test_github_workflows_use_the_action_and_a_working_command(tmp_path: Path, monkeypatch) -> None:
    with_action, by_hand = _yaml_blocks("In CI")[:2]
    action_inputs = set(yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))["inputs"])
    step = with_action["jobs"]["lint"]["steps"][1]
    assert set(step["with"]) <= action_inputs
    assert with_action["permissions"]["security-events"] == "write"

    steps = {s.get("name"): s for s in by_hand["jobs"]["lint"]["steps"]}
    summary = tmp_path / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write_project(tmp_path, PROJECT)
    result = _check(tmp_path, steps["Lint"]["run"], {"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert result.output.startswith("::error file=app.py,line=2,col=14,title=FNX001 [missing-scope]::")
    sarif = json.loads((tmp_path / steps["Upload SARIF"]["with"]["sarif_file"]).read_text("utf-8"))
    assert len(sarif["runs"][0]["results"]) == 1
    assert summary.read_text("utf-8").startswith("### fortnox-scope-lint\n")


def test_gitlab_job_writes_the_reports_it_declares(tmp_path: Path) -> None:
    job = _yaml_blocks("In CI")[2]["fortnox-lint"]
    write_project(tmp_path, PROJECT)
    result = _check(tmp_path, job["script"][1], {})
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Found 1 problem (1 error) in 1 file."
    reports = job["artifacts"]["reports"]
    issues = json.loads((tmp_path / reports["codequality"]).read_text("utf-8"))
    assert [(i["check_name"], i["location"]) for i in issues] == [
        ("missing-scope", {"path": "app.py", "lines": {"begin": 2}})]
    assert (tmp_path / reports["junit"]).read_text("utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>')


@pytest.mark.parametrize("command", re.findall(r"^(fortnox-lint check .*)$", _section("Output formats"), re.M))
def test_output_format_examples_run(tmp_path: Path, command: str) -> None:
    write_project(tmp_path, PROJECT)
    result = _check(tmp_path, command, {})
    assert result.exit_code == 1, result.output


def test_readme_terminal_examples_match_real_output() -> None:
    """The `$ fortnox-lint check …` blocks in Output formats show exactly what the command prints."""
    blocks = re.findall(r"```\n\$ (fortnox-lint check [^\n]*)\n(.*?)```", _section("Output formats"), re.S)
    assert len(blocks) == 2
    for command, expected in blocks:
        args = shlex.split(command)[1:]
        if "--statistics" not in args:
            args += ["--format", "full"]  # what a terminal gets
        old = os.getcwd()
        os.chdir(REPO)
        try:
            result = CliRunner().invoke(cli, args, catch_exceptions=False)
        finally:
            os.chdir(old)
        assert result.output == expected
