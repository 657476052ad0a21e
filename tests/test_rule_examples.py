"""Every rule file's examples are executable: each is a tiny project the rule must (not) report on."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_project
from linter.checks import CHECKS
from linter.engine import LintRequest, lint
from linter.ruledefs import load_rules

RULES = load_rules()
EXAMPLES = [(rule.name, i, example) for rule in RULES.values() for i, example in enumerate(rule.examples)]


def test_registry_and_rule_files_name_the_same_rules():
    assert set(CHECKS) == set(RULES)


def test_every_rule_has_a_test_file_of_its_own():
    tests = Path(__file__).parent / "rules"
    assert {f"test_{name.replace('-', '_')}.py" for name in RULES} == {p.name for p in tests.glob("test_*.py")}


def test_every_rule_has_an_example_that_fires_and_one_that_does_not():
    for rule in RULES.values():
        assert {e["fires"] for e in rule.examples} == {True, False}, rule.name


@pytest.mark.parametrize("name,index,example", EXAMPLES, ids=[f"{n}-{i}" for n, i, _ in EXAMPLES])
def test_example(tmp_path: Path, name: str, index: int, example: dict):
    write_project(tmp_path, example["files"])
    findings = lint(LintRequest(cwd=tmp_path)).findings
    fired = [f for f in findings if f.rule == name]
    assert bool(fired) == example["fires"], [(f.rule, f.message) for f in findings]
