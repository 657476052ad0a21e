"""The README's editor snippets stay valid: JSON parses, the problem matcher reads real output."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from linter.cli import cli
from lsp_support import REPO, workspace  # noqa: F401 - fixture

SECTION = (REPO / "README.md").read_text(encoding="utf-8").split("## Editors", 1)[1]
JSON_BLOCKS = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", SECTION, re.S)]


def test_vscode_generic_client_starts_the_lsp_subcommand():
    settings = JSON_BLOCKS[0]
    assert [settings["glspc.server.command"], *settings["glspc.server.commandArguments"]] == ["fortnox-lint", "lsp"]


def test_problem_matcher_reads_check_output(workspace, monkeypatch):
    (workspace / "app.py").write_text('requests.post("https://api.fortnox.se/3/orders")\n')
    monkeypatch.chdir(workspace)
    task = JSON_BLOCKS[1]["tasks"][0]
    program, *args = task["command"].split()
    assert program == "fortnox-lint"
    output = CliRunner().invoke(cli, args).stdout
    pattern = task["problemMatcher"]["pattern"]
    matches = [m.groups() for m in map(re.compile(pattern["regexp"]).match, output.splitlines()) if m]
    assert [(g[pattern["file"] - 1], g[pattern["line"] - 1], g[pattern["column"] - 1], g[pattern["code"] - 1])
            for g in matches] == [("app.py", "1", "15", "FNX001"), ("fortnox.yaml", "2", "5", "FNX002")]
