"""Configuration: [tool.fortnox-lint] in pyproject.toml and lint: in fortnox.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_project
from linter.config import rebase
from linter.engine import LintRequest, lint
from linter.errors import LintError
from test_cli import invoke

# One missing-scope (invoice, app.py:3), one unused-scope (article) and a test file that calls
# /3/orders (missing-scope in tests/test_app.py:1).
PROJECT = {
    "fortnox.yaml": "scopes: [customer, article]\n",
    "app.py": ("import requests\n"
               "requests.get('https://api.fortnox.se/3/customers')\n"
               "requests.get('https://api.fortnox.se/3/invoices')\n"),
    "tests/test_app.py": "requests.get('https://api.fortnox.se/3/orders')\n",
}
ALL = [
    ("missing-scope", "error", "app.py", 3),
    ("unused-scope", "warning", "fortnox.yaml", 1),
    ("missing-scope", "error", "tests/test_app.py", 1),
]


def found(root: Path, files: dict[str, str], **request) -> list[tuple]:
    write_project(root, files)
    # PROJECT's tests/test_app.py is test code, which is only scanned on request.
    result = lint(LintRequest(cwd=root, **{"include_tests": True, **request}))
    return [(f.rule, f.severity, f.path, f.line) for f in result.findings]


def error_of(root: Path, files: dict[str, str], **request) -> str:
    write_project(root, files)
    with pytest.raises(LintError) as info:
        lint(LintRequest(cwd=root, **request))
    return str(info.value)


def test_no_configuration_reports_everything(tmp_path):
    assert found(tmp_path, PROJECT) == ALL


def test_pyproject_select_by_code_and_ignore_by_name(tmp_path):
    pyproject = '[tool.fortnox-lint]\nselect = ["FNX001", "unused-scope"]\nignore = ["unused-scope"]\n'
    assert found(tmp_path, dict(PROJECT, **{"pyproject.toml": pyproject})) == [ALL[0], ALL[2]]


def test_manifest_severity_override(tmp_path):
    manifest = "scopes: [customer, article]\nlint:\n  severity:\n    missing-scope: info\n    FNX002: error\n"
    assert found(tmp_path, dict(PROJECT, **{"fortnox.yaml": manifest})) == [
        ("missing-scope", "info", "app.py", 3),
        ("unused-scope", "error", "fortnox.yaml", 1),
        ("missing-scope", "info", "tests/test_app.py", 1),
    ]


def test_per_path_ignores(tmp_path):
    pyproject = ('[tool.fortnox-lint.per-path-ignores]\n'
                 '"tests/**" = ["missing-scope"]\n'
                 '"fortnox.yaml" = ["FNX002"]\n')
    assert found(tmp_path, dict(PROJECT, **{"pyproject.toml": pyproject})) == [ALL[0]]


def test_exclude_adds_to_the_manifest_exclude(tmp_path):
    manifest = "scopes: [customer, article]\nexclude: [nothing/**]\nlint:\n  exclude: [tests/**]\n"
    result = found(tmp_path, dict(PROJECT, **{"fortnox.yaml": manifest}))
    assert result == [("missing-scope", "error", "app.py", 3), ("unused-scope", "warning", "fortnox.yaml", 1)]


def test_manifest_section_wins_key_by_key_over_pyproject(tmp_path):
    pyproject = ('[tool.fortnox-lint]\nignore = ["unused-scope"]\n'
                 '[tool.fortnox-lint.severity]\nmissing-scope = "warning"\n')
    manifest = "scopes: [customer, article]\nlint:\n  severity: {missing-scope: info}\n"
    files = dict(PROJECT, **{"pyproject.toml": pyproject, "fortnox.yaml": manifest})
    # severity comes from fortnox.yaml; ignore, which fortnox.yaml does not set, from pyproject.toml.
    assert found(tmp_path, files) == [("missing-scope", "info", "app.py", 3),
                                      ("missing-scope", "info", "tests/test_app.py", 1)]
    write_project(tmp_path, files)
    assert lint(LintRequest(cwd=tmp_path)).config.sources == ("pyproject.toml", "fortnox.yaml")


def test_command_line_select_replaces_config_and_ignore_adds(tmp_path):
    pyproject = '[tool.fortnox-lint]\nselect = ["missing-scope"]\nignore = ["unused-scope"]\n'
    files = dict(PROJECT, **{"pyproject.toml": pyproject})
    assert found(tmp_path, files, select={"unused-scope"}) == [ALL[1]]
    assert found(tmp_path, files, ignore={"missing-scope"}) == []


def test_pyproject_above_the_manifest_globs_relative_to_itself(tmp_path):
    files = {f"svc/{name}": text for name, text in PROJECT.items()}
    files["svc/fortnox.yaml"] = "scopes: [customer, article]\nexclude: ['tests/**']\n"
    files["pyproject.toml"] = '[tool.fortnox-lint.per-path-ignores]\n"svc/app.py" = ["missing-scope"]\n'
    assert found(tmp_path, files, paths=[Path("svc")]) == [("unused-scope", "warning", "svc/fortnox.yaml", 1)]


def test_rebase_keeps_double_star_matching_the_top_folder():
    assert rebase("./tests/**", "") == ["tests/**"]
    assert rebase("**/gen.py", "svc") == ["svc/**/gen.py", "svc/gen.py"]


def test_pyproject_without_our_table_is_not_read(tmp_path):
    files = dict(PROJECT, **{"pyproject.toml": "[project\nname = 'broken, but not ours'\n"})
    assert found(tmp_path, files) == ALL


def test_unknown_key_in_pyproject_names_key_line_and_suggestion(tmp_path):
    pyproject = '[project]\nname = "x"\n\n[tool.fortnox-lint]\nselct = ["missing-scope"]\n'
    assert error_of(tmp_path, dict(PROJECT, **{"pyproject.toml": pyproject})) == (
        "pyproject.toml:5:1: [tool.fortnox-lint]: unknown key 'selct'; did you mean 'select'? "
        "(known keys: select, ignore, severity, per-path-ignores, exclude)")


def test_unknown_key_in_manifest_section(tmp_path):
    manifest = "scopes: [customer]\nlint:\n  per-file-ignores: {}\n"
    assert error_of(tmp_path, dict(PROJECT, **{"fortnox.yaml": manifest})) == (
        "fortnox.yaml:3:3: lint: unknown key 'per-file-ignores'; did you mean 'per-path-ignores'? "
        "(known keys: select, ignore, severity, per-path-ignores, exclude)")


def test_unknown_rule_in_manifest_list_points_at_the_item(tmp_path):
    manifest = "scopes: [customer]\nlint:\n  ignore: [unused-scope, mising-scope]\n"
    assert error_of(tmp_path, dict(PROJECT, **{"fortnox.yaml": manifest})) == (
        "fortnox.yaml:3:26: lint: ignore: unknown rule 'mising-scope'; did you mean 'missing-scope'? "
        "(see `fortnox-lint rules`)")


def test_unknown_rule_in_multiline_toml_list_names_its_line(tmp_path):
    pyproject = '[tool.fortnox-lint]\nselect = [\n  "missing-scope",\n  "FNX02",\n]\n'
    assert error_of(tmp_path, dict(PROJECT, **{"pyproject.toml": pyproject})) == (
        "pyproject.toml:4: [tool.fortnox-lint]: select: unknown rule 'FNX02'; did you mean 'FNX002'? "
        "(see `fortnox-lint rules`)")


def test_unknown_rule_as_a_severity_key(tmp_path):
    pyproject = '[tool.fortnox-lint]\nseverity = { missing-scope = "info", unused-scopes = "info" }\n'
    assert error_of(tmp_path, dict(PROJECT, **{"pyproject.toml": pyproject})) == (
        "pyproject.toml:2:38: [tool.fortnox-lint]: severity: unknown rule 'unused-scopes'; "
        "did you mean 'unused-scope'? (see `fortnox-lint rules`)")


def test_bad_severity_value(tmp_path):
    manifest = "scopes: [customer]\nlint:\n  severity:\n    missing-scope: fatal\n"
    assert error_of(tmp_path, dict(PROJECT, **{"fortnox.yaml": manifest})) == (
        "fortnox.yaml:4:20: lint: severity.missing-scope: expected one of 'error', 'warning', 'info', "
        "got 'fatal'")


def test_wrong_type_and_count_of_more_problems(tmp_path):
    pyproject = '[tool.fortnox-lint]\nselect = "missing-scope"\nexclude = "tests"\n'
    assert error_of(tmp_path, dict(PROJECT, **{"pyproject.toml": pyproject})) == (
        "pyproject.toml:2:10: [tool.fortnox-lint]: select: expected a list, got a string (and 1 more)")


def test_lint_section_must_be_a_mapping(tmp_path):
    manifest = "scopes: [customer]\nlint: [missing-scope]\n"
    assert error_of(tmp_path, dict(PROJECT, **{"fortnox.yaml": manifest})) == (
        "fortnox.yaml:2:7: lint: expected a mapping of configuration keys")


def test_invalid_toml_names_line_and_column(tmp_path):
    pyproject = '[tool.fortnox-lint]\nselect = ["missing-scope" "unused-scope"]\n'
    assert error_of(tmp_path, dict(PROJECT, **{"pyproject.toml": pyproject})) == (
        "pyproject.toml:2:27: invalid TOML: Unclosed array")


def test_config_error_exits_2_with_one_line(tmp_path):
    write_project(tmp_path, dict(PROJECT, **{"fortnox.yaml": "scopes: [customer]\nlint: {selct: []}\n"}))
    result = invoke(tmp_path, "check")
    assert (result.exit_code, result.output) == (
        2, "fortnox-lint: error: fortnox.yaml:2:8: lint: unknown key 'selct'; did you mean 'select'? "
           "(known keys: select, ignore, severity, per-path-ignores, exclude)\n")
