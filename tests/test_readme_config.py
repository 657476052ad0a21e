"""The README's Configuration, Suppressing findings and auth-url snippets are real."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, write_project
from linter.engine import LintRequest, lint
from test_cli import invoke

README = (REPO / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def blocks(text: str, language: str) -> list[str]:
    """The bodies of the fenced blocks opened with ```language (exactly)."""
    found, body = [], None
    for line in text.splitlines(keepends=True):
        if body is None and line.startswith("```"):
            body = [] if line.strip() == f"```{language}" else ["<other>"]
        elif body is not None and line.startswith("```"):
            if body[:1] != ["<other>"]:
                found.append("".join(body))
            body = None
        elif body is not None:
            body.append(line)
    return found


def test_configuration_examples_load_as_documented(tmp_path: Path):
    toml, = blocks(section("Configuration"), "toml")
    yaml, = blocks(section("Configuration"), "yaml")
    write_project(tmp_path, {"pyproject.toml": toml, "fortnox.yaml": yaml})
    config = lint(LintRequest(cwd=tmp_path)).config
    assert config.select == {"missing-scope", "unused-scope", "unknown-scope"}
    assert config.ignore == {"deprecated-endpoint"}  # fortnox.yaml's ignore replaces pyproject's
    assert config.severity == {"unused-scope": "error", "unknown-endpoint": "info"}
    assert config.per_path_ignores == [("legacy/**", frozenset({"missing-scope", "unknown-endpoint"}))]
    assert config.exclude == ["scripts/**"]


def test_configuration_error_example_is_the_real_message(tmp_path: Path):
    shown = next(line for line in section("Configuration").splitlines() if line.startswith("fortnox-lint: error:"))
    write_project(tmp_path, {"fortnox.yaml": "scopes: []\n",
                             "pyproject.toml": '[project]\nname = "x"\n\n[tool.fortnox-lint]\nselct = []\n'})
    assert invoke(tmp_path, "check").output == shown + "\n"


def test_suppression_examples_suppress(tmp_path: Path):
    python, = blocks(section("Suppressing findings"), "python")
    yaml, = blocks(section("Suppressing findings"), "yaml")
    write_project(tmp_path, {"fortnox.yaml": yaml, "sync.py": 'requests.get("https://api.fortnox.se/3/customers")\n'
                                                           + python})
    result = lint(LintRequest(cwd=tmp_path))
    assert [(f.rule, f.line) for f in result.findings] == []
    # Without the comments, each example line is a finding: the markers are what silence them.
    write_project(tmp_path, {"sync.py": re.sub(r"#.*", "", 'requests.get("https://api.fortnox.se/3/customers")\n'
                                                           + python),
                             "fortnox.yaml": re.sub(r"#.*", "", yaml)})
    assert sorted(f.rule for f in lint(LintRequest(cwd=tmp_path)).findings) == [
        "missing-scope", "unknown-endpoint", "unused-scope"]


def test_auth_url_example_is_the_real_output(tmp_path: Path):
    example, = [b for b in blocks(section("The authorization URL"), "") if "auth-url" in b]
    lines = example.splitlines()
    manifest = "\n".join(lines[1:lines.index(next(l for l in lines if l.startswith("$ fortnox-lint")))]) + "\n"
    command = next(l for l in lines if l.startswith("$ fortnox-lint")).split()[2:]
    write_project(tmp_path, {"fortnox.yaml": manifest})
    assert invoke(tmp_path, *command).output == lines[-1] + "\n"
