"""`fortnox-lint check` output options end to end: formats, files, exit codes, statistics, colour."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write_project
from linter.cli import cli

PROJECT = {
    "fortnox.yaml": "scopes:\n  - customer\n  - article\n",
    "src/sync.py": ("import requests\n"
                    "requests.get('https://api.fortnox.se/3/customers')\n"
                    "requests.get('https://api.fortnox.se/3/invoices')\n"),
}
TEXT = (
    "fortnox.yaml:3:5: FNX002 [unused-scope] scope 'article' is requested but no scanned code calls an "
    "endpoint that needs it; every extra scope is more the customer must consent to and more licences "
    "they may need\n"
    "src/sync.py:3:14: FNX001 [missing-scope] GET /3/invoices needs scope 'invoice', which fortnox.yaml "
    "does not request; Fortnox will answer \"Missing rights\" at run time\n"
    "Found 2 problems (1 error, 1 warning) in 2 files.\n")
WARNING_ONLY = {"fortnox.yaml": "scopes: [customer, article]\n",
                "a.py": "requests.get('https://api.fortnox.se/3/customers')\n"}


def invoke(root: Path, *args: str, env: dict[str, str] | None = None):
    old = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, ["check", *args], env=env, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_default_is_text_when_stdout_is_not_a_terminal(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path)
    assert (result.exit_code, result.output) == (1, TEXT)


def test_default_is_github_annotations_inside_github_actions(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "--select", "missing-scope", env={"GITHUB_ACTIONS": "true"})
    assert (result.exit_code, result.output) == (1, (
        "::error file=src/sync.py,line=3,col=14,title=FNX001 [missing-scope]::GET /3/invoices needs scope "
        "'invoice', which fortnox.yaml does not request; Fortnox will answer \"Missing rights\" at run "
        "time%0A%0AFix: Add invoice to scopes in fortnox.yaml and tick it in the Fortnox Developer Portal; "
        "existing connections must authorize again.\n"
        "Found 1 problem (1 error) in 1 file.\n"))


def test_several_formats_in_one_run(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "--format", "text", "--format", "sarif:results.sarif",
                    "--format", "gitlab:gl-code-quality.json",
                    "--format", "junit:junit.xml")
    assert (result.exit_code, result.output) == (1, TEXT)
    sarif = json.loads((tmp_path / "results.sarif").read_text("utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["FNX002", "FNX001"]
    assert sarif == json.loads(invoke(tmp_path, "--format", "sarif").output)
    gitlab = json.loads((tmp_path / "gl-code-quality.json").read_text("utf-8"))
    assert [(i["check_name"], i["location"]) for i in gitlab] == [
        ("unused-scope", {"path": "fortnox.yaml", "lines": {"begin": 3}}),
        ("missing-scope", {"path": "src/sync.py", "lines": {"begin": 3}}),
    ]
    assert (tmp_path / "junit.xml").read_text("utf-8") == invoke(tmp_path, "--format", "junit").output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "fortnox.yaml", "gl-code-quality.json", "junit.xml", "results.sarif", "src"]  # no temp files left


def test_file_only_formats_leave_the_default_on_stdout(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "--format", "markdown:summary.md")
    assert (result.exit_code, result.output) == (1, TEXT)
    assert (tmp_path / "summary.md").read_text("utf-8").startswith(
        "### fortnox-scope-lint\n\nFound 2 problems (1 error, 1 warning) in 2 files.\n")


def test_output_sends_the_main_report_to_a_file(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "--output", "report.txt")
    assert (result.exit_code, result.output) == (1, "")
    assert (tmp_path / "report.txt").read_text("utf-8") == TEXT
    result = invoke(tmp_path, "-o", "report.json", "--format", "json")
    assert json.loads((tmp_path / "report.json").read_text("utf-8"))["summary"]["total"] == 2


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "nope"], "unknown format 'nope'; choose from full, github, gitlab, json, junit, markdown, "
                           "sarif, text"),
    (["--format", "sarif:"], "'sarif:' names no file after ':'"),
    (["--format", "text", "--format", "json"], "only one format can go to standard output; give the others "
                                               "a file, e.g. --format sarif:results.sarif"),
    (["--format", "sarif:x.out", "--format", "json:./x.out"], "x.out is named for two outputs"),
    (["-o", "x.out", "--format", "json:x.out"], "x.out is named for two outputs"),
    (["--statistics", "--format", "sarif"], "--statistics prints text or json, not sarif; send that format "
                                            "to a file (FORMAT:FILE)"),
])
def test_bad_output_options_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, *args)
    assert result.exit_code == 2
    assert f"Invalid value for --format: {message}" in result.output
    assert "Traceback" not in result.output


def test_unwritable_output_file_is_exit_2_after_the_main_report(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "--format", "sarif:missing/dir/r.sarif")
    assert result.exit_code == 2
    assert result.output == TEXT + (
        "fortnox-lint: error: cannot write missing/dir/r.sarif: No such file or directory\n")


def test_exit_zero_keeps_findings_from_failing_but_not_errors(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    assert invoke(tmp_path, "--exit-zero").exit_code == 0
    result = invoke(tmp_path, "--exit-zero", "no/such/dir")
    assert (result.exit_code, result.output) == (2, "fortnox-lint: error: no/such/dir: no such file or folder\n")


def test_fail_on_sets_the_lowest_failing_severity(tmp_path: Path) -> None:
    write_project(tmp_path, WARNING_ONLY)
    assert invoke(tmp_path).exit_code == 1  # default: warnings fail
    assert invoke(tmp_path, "--fail-on", "info").exit_code == 1
    assert invoke(tmp_path, "--fail-on", "error").exit_code == 0
    write_project(tmp_path, PROJECT)
    assert invoke(tmp_path, "--fail-on", "error").exit_code == 1
    assert invoke(tmp_path, "--fail-on", "fatal").exit_code == 2


def test_statistics_counts_per_rule(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "--statistics", "--format", "sarif:r.sarif")
    assert (result.exit_code, result.output) == (1, (
        "1  FNX001  missing-scope  error\n"
        "1  FNX002  unused-scope   warning\n"
        "Found 2 problems (1 error, 1 warning) in 2 files.\n"))
    assert len(json.loads((tmp_path / "r.sarif").read_text("utf-8"))["runs"][0]["results"]) == 2
    result = invoke(tmp_path, "--statistics", "--format", "json")
    assert json.loads(result.output) == [
        {"code": "FNX001", "rule": "missing-scope", "count": 1, "severities": ["error"]},
        {"code": "FNX002", "rule": "unused-scope", "count": 1, "severities": ["warning"]},
    ]


def test_full_format_colours_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    plain = invoke(tmp_path, "--format", "full", "--select", "missing-scope").output
    assert plain == (
        "src/sync.py\n"
        "  3:14  error  FNX001 [missing-scope] GET /3/invoices needs scope 'invoice', which fortnox.yaml "
        "does not request; Fortnox will answer \"Missing rights\" at run time\n"
        "    3 | requests.get('https://api.fortnox.se/3/invoices')\n"
        "      |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "      = fix: Add invoice to scopes in fortnox.yaml and tick it in the Fortnox Developer Portal; "
        "existing connections must authorize again.\n"
        "\n"
        "Found 1 problem (1 error) in 1 file.\n")
    coloured = invoke(tmp_path, "--format", "full", "--select", "missing-scope", "--color", "always").output
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert "\x1b" not in invoke(tmp_path, "--format", "full", "--color", "auto").output


def test_control_characters_in_user_input_are_escaped_in_errors(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "evil\x1b[2J")
    assert (result.exit_code, result.output) == (2, "fortnox-lint: error: evil\\x1b[2J: no such file or folder\n")


def test_full_format_shows_the_unsaved_buffer_not_the_file_on_disk(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    buffer = "import requests\n\n\nrequests.post('https://api.fortnox.se/3/invoices')  # unsaved\n"
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, ["check", "--stdin-filename", "src/sync.py", "--format", "full"],
                                    input=buffer, catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    assert result.output.splitlines()[:4] == [
        "src/sync.py",
        "  4:15  error  FNX001 [missing-scope] POST /3/invoices needs scope 'invoice', which fortnox.yaml "
        "does not request; Fortnox will answer \"Missing rights\" at run time",
        "    4 | requests.post('https://api.fortnox.se/3/invoices')  # unsaved",
        "      |               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    ]
