import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write_project
from linter.cli import cli
from linter.engine import LintRequest, lint
from linter.errors import LintError

RULE = "scope-added-needs-reauthorization"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=root,
                   check=True, capture_output=True)


def committed(root: Path, files: dict[str, str]) -> Path:
    write_project(root, files)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "baseline")
    return root


def test_lock_file_baseline(project, tmp_path):
    files = {"fortnox.yaml": "scopes:\n  - invoice\n  - payment\n  - order\n",
             "fortnox.lock": "authorized_scopes: [invoice]\n"}
    assert project(files, RULE) == [(RULE, "fortnox.yaml", 3, 5)]
    finding = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == RULE][0]
    assert finding.message.startswith(
        "scopes added since fortnox.lock: 'order', 'payment'. A connection's tokens carry the scopes "
        "the app had when the customer authorized it")
    assert finding.severity == "warning"


def test_silent_without_a_baseline_or_without_additions(project):
    assert project({"fortnox.yaml": "scopes: [invoice, payment]\n"}, RULE) == []
    assert project({"fortnox.yaml": "scopes: [invoice]\n",
                    "fortnox.lock": "authorized_scopes: [invoice, payment]\n"}, RULE) == []


def test_since_a_git_ref(tmp_path):
    root = committed(tmp_path, {"fortnox.yaml": "scopes: [invoice]\n"})
    (root / "fortnox.yaml").write_text("scopes: [invoice, customer]\n", encoding="utf-8")
    findings = lint(LintRequest(cwd=root, since="HEAD")).findings
    assert [(f.rule, f.path, f.line, f.column) for f in findings if f.rule == RULE] == [
        (RULE, "fortnox.yaml", 1, 19)]
    assert [f.message.split(". A ")[0] for f in findings if f.rule == RULE] == [
        "scope added since fortnox.yaml at HEAD: 'customer'"]


def test_since_wins_over_the_lock_file_and_reads_the_manifest_in_a_subfolder(tmp_path):
    root = committed(tmp_path, {"app/fortnox.yaml": "scopes: [invoice, customer]\n"})
    write_project(root, {"app/fortnox.yaml": "scopes: [invoice, customer, order]\n",
                         "app/fortnox.lock": "authorized_scopes: [invoice]\n"})
    findings = lint(LintRequest(cwd=root, paths=[Path("app")], since="HEAD")).findings
    assert [(f.path, f.line, f.column) for f in findings if f.rule == RULE] == [("app/fortnox.yaml", 1, 29)]


def test_a_manifest_new_since_the_ref_has_no_baseline(tmp_path):
    root = committed(tmp_path, {"README.md": "shop\n"})
    write_project(root, {"fortnox.yaml": "scopes: [invoice]\n"})
    assert [f for f in lint(LintRequest(cwd=root, since="HEAD")).findings if f.rule == RULE] == []


@pytest.mark.parametrize("ref,message", [
    ("no-such-ref", "--since no-such-ref: no such commit"),
    ("--output=/tmp/x", "--since: '--output=/tmp/x' is not a git revision"),
])
def test_bad_refs_stop_linting(tmp_path, ref, message):
    root = committed(tmp_path, {"fortnox.yaml": "scopes: [invoice]\n"})
    with pytest.raises(LintError) as caught:
        lint(LintRequest(cwd=root, since=ref))
    assert str(caught.value).startswith(message)


def test_missing_git_or_repository_is_a_clear_error(tmp_path, monkeypatch):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [invoice]\n"})
    with pytest.raises(LintError, match="not a git repository"):
        lint(LintRequest(cwd=tmp_path, since="HEAD"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(LintError, match="--since needs git, which is not installed or not on PATH"):
        lint(LintRequest(cwd=tmp_path, since="HEAD"))


def test_cli_since_exits_2_on_a_bad_ref(tmp_path, monkeypatch):
    root = committed(tmp_path, {"fortnox.yaml": "scopes: [invoice]\n"})
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "--since", "nope"])
    assert result.exit_code == 2
    assert "fortnox-lint: error: --since nope: no such commit" in result.output


def test_a_broken_lock_file_is_an_error_not_a_traceback(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [invoice]\n", "fortnox.lock": "authorized_scopes: invoice\n"})
    with pytest.raises(LintError, match="expected 'authorized_scopes:' with a list of scope names"):
        lint(LintRequest(cwd=tmp_path))
    # the baseline is only read when the rule runs
    assert [f.rule for f in lint(LintRequest(cwd=tmp_path, ignore={RULE})).findings] == ["unused-scope"]


def test_lock_command_writes_the_baseline(tmp_path, monkeypatch):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [order, invoice]\n"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lock"])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / 'fortnox.lock'}: 2 authorized scopes (invoice, order)\n"
    assert (tmp_path / "fortnox.lock").read_text(encoding="utf-8").endswith(
        "authorized_scopes:\n  - invoice\n  - order\n")
    (tmp_path / "fortnox.yaml").write_text("scopes: [order, invoice, customer]\n", encoding="utf-8")
    assert [(f.rule, f.line, f.column) for f in lint(LintRequest(cwd=tmp_path)).findings
            if f.rule == RULE] == [(RULE, 1, 26)]


def test_lock_command_refuses_an_invalid_manifest(tmp_path, monkeypatch):
    write_project(tmp_path, {"fortnox.yaml": "scopes: invoice\n"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lock"])
    assert result.exit_code == 2
    assert result.output == ("fortnox-lint: error: fortnox.yaml: does not follow its schema; "
                             "run `fortnox-lint check` first\n")
    assert not (tmp_path / "fortnox.lock").exists()
