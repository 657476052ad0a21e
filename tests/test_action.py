"""action.yml: a well-formed composite action whose lint step works as written."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO, write_project

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]


def _step(name: str) -> dict:
    return next(step for step in STEPS if step["name"] == name)


def test_composite_action_references_only_what_it_declares() -> None:
    assert ACTION["runs"]["using"] == "composite"
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    used_inputs = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used_inputs == set(ACTION["inputs"])
    step_ids = {step.get("id") for step in STEPS}
    assert set(re.findall(r"steps\.([\w-]+)\.", text)) <= step_ids
    for step in STEPS:
        if "run" in step:  # expressions only through env, never spliced into a script
            assert "${{" not in step["run"], step["name"]
            assert step["shell"] == "bash"


def test_cache_steps_keep_the_folder_the_lint_step_uses() -> None:
    restore, save = _step("Restore the lint cache"), _step("Save the lint cache")
    folder, key = "${{ runner.temp }}/fortnox-lint-cache", "fortnox-lint-${{ runner.os }}-${{ github.sha }}"
    assert restore["if"] == "inputs.cache == 'true'"
    assert restore["uses"].startswith("actions/cache/restore@")
    assert restore["with"] == {"path": folder, "key": key, "restore-keys": "fortnox-lint-${{ runner.os }}-"}
    assert '--cache-dir "$RUNNER_TEMP/fortnox-lint-cache"' in _step("Lint")["run"]
    # saved before the step that fails the job on findings (a post step would then be skipped)
    names = [step["name"] for step in STEPS]
    assert names.index("Lint") < names.index("Save the lint cache") < names.index("Fail on findings")
    assert save["uses"].startswith("actions/cache/save@")
    assert save["with"] == {"path": folder, "key": key}
    assert save["if"] == ("inputs.cache == 'true' && steps.lint.outputs.exit-code != '2' "
                          "&& steps.restore-cache.outputs.cache-hit != 'true'")  # entries are immutable


def test_upload_step_uses_the_sarif_file_input() -> None:
    upload = _step("Upload SARIF to code scanning")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"] == {"sarif_file": "${{ inputs.sarif-file }}", "category": "fortnox-scope-lint"}


def _run_step(name: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", _step(name)["run"]], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def _lint_env(tmp_path: Path, **inputs: str) -> dict[str, str]:
    """The Lint step's environment on a runner: a fortnox-lint on PATH, the runner's files, inputs."""
    bin_dir, runner_temp = tmp_path / "bin", tmp_path / "runner-temp"
    bin_dir.mkdir()
    runner_temp.mkdir()
    shim = bin_dir / "fortnox-lint"
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" -m linter "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    summary = tmp_path / "step-summary"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env['PATH']}", RUNNER_TEMP=str(runner_temp),
               GITHUB_OUTPUT=str(tmp_path / "github-output"), GITHUB_STEP_SUMMARY=str(summary),
               LINT_PATHS=".", LINT_ARGS="", SARIF_FILE="out.sarif", JOB_SUMMARY="true", USE_CACHE="true")
    env.update(inputs)
    return env


def test_lint_step_annotates_writes_sarif_and_summary_and_records_the_exit_code(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {
        "fortnox.yaml": "scopes: [customer]\n",
        "app.py": "requests.get('https://api.fortnox.se/3/customers')\nrequests.get('/3/invoices')\n",
    })
    env = _lint_env(tmp_path, LINT_ARGS="--select missing-scope")
    output, summary, runner_temp = tmp_path / "github-output", tmp_path / "step-summary", tmp_path / "runner-temp"

    done = _run_step("Lint", project, env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "::error file=app.py,line=2,col=14,title=FNX001 [missing-scope]::GET /3/invoices needs scope "
        "'invoice', which fortnox.yaml does not request; Fortnox will answer \"Missing rights\" at run "
        "time%0A%0AFix: Add invoice to scopes in fortnox.yaml and tick it in the Fortnox Developer Portal; "
        "existing connections must authorize again.\n"
        "Found 1 problem (1 error) in 1 file.\n")
    assert output.read_text(encoding="utf-8") == "exit-code=1\n"
    sarif = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["FNX001"]
    assert summary.read_text(encoding="utf-8").startswith(
        "earlier step\n### fortnox-scope-lint\n\nFound 1 problem (1 error) in 1 file.\n")
    # the cache lives where the restore step puts it, not in the checkout
    assert len(list((runner_temp / "fortnox-lint-cache").glob("scan-*.json"))) == 1
    assert not (project / ".fortnox-lint-cache").exists()

    env["EXIT_CODE"] = "1"
    assert _run_step("Fail on findings", project, env).returncode == 1


def test_without_the_cache_input_the_lint_step_uses_the_default_folder(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {"fortnox.yaml": "scopes: [customer]\n",
                                                   "app.py": "requests.get('https://api.fortnox.se/3/customers')\n"})
    done = _run_step("Lint", project, _lint_env(tmp_path, USE_CACHE="false"))
    assert (done.returncode, done.stdout) == (0, "All checks passed (2 files scanned).\n"), done.stderr
    assert (tmp_path / "github-output").read_text(encoding="utf-8") == "exit-code=0\n"
    assert not (tmp_path / "runner-temp" / "fortnox-lint-cache").exists()
    assert len(list((project / ".fortnox-lint-cache").glob("scan-*.json"))) == 1
