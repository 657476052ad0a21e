"""Shared test helpers: build a small project in a temp folder and lint it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from linter.engine import LintRequest, lint

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "webshop"


def write_project(root: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def findings_of(root: Path, files: dict[str, str], rule: str | None = None, **request) -> list[tuple]:
    """(rule, path, line, column) for every finding, optionally only one rule's."""
    write_project(root, files)
    result = lint(LintRequest(paths=[Path(".")], cwd=root, **request))
    return [(f.rule, f.path, f.line, f.column) for f in result.findings
            if rule is None or f.rule == rule]


def suppression_report(root: Path, files: dict[str, str], **request) -> list[tuple]:
    """Every finding as (rule, path, line), and unused-suppression's with its column and
    message, which say which suppression it is about and why."""
    write_project(root, files)
    return [(f.rule, f.path, f.line, f.column, f.message) if f.rule == "unused-suppression"
            else (f.rule, f.path, f.line) for f in lint(LintRequest(cwd=root, **request)).findings]


@pytest.fixture
def project(tmp_path: Path):
    """``project(files, rule=None)`` lints ``files`` written into a fresh folder."""

    def run(files: dict[str, str], rule: str | None = None, **request) -> list[tuple]:
        return findings_of(tmp_path, files, rule, **request)

    return run


@pytest.fixture(autouse=True)
def _plain_output_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the same default format anywhere: no GitHub Actions auto-format, no NO_COLOR."""
    for name in ("GITHUB_ACTIONS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


# -- the scanner's tests (tests/scanner) -----------------------------------------------------------
# tests/corpus holds sample integrations for tests/corpus/score.py, not tests: never collect them.
collect_ignore_glob = ["corpus/*"]


@pytest.fixture(scope="session")
def catalog():
    from linter.catalog import load_catalog

    return load_catalog()


@pytest.fixture
def uses(tmp_path: Path, catalog):
    """``uses(files, include_tests=False)`` -> [(path, line, column, method, endpoint, how, confidence)]."""
    from linter.scanner import scan

    def run(files: dict[str, str], include_tests: bool = False) -> list[tuple]:
        write_project(tmp_path, files)
        result = scan([tmp_path], catalog, tmp_path, include_tests=include_tests)
        return [(u.path, u.line, u.column, u.method, u.endpoint, u.how, u.confidence) for u in result.uses]

    return run
