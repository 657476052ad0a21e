"""The README's rule table lists every rule with its current code, name and severity, and each
FAQ rule's row names its exact Fortnox error."""

from __future__ import annotations

from conftest import REPO
from linter.ruledefs import load_rules


def table_rows() -> dict[str, list[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Rules\n", 1)[1].split("\n## ", 1)[0]
    return {cells[0]: cells for cells in
            ([c.strip() for c in line.strip().strip("|").split("|")] for line in section.splitlines()
             if line.startswith("| FNX"))}


def test_readme_rule_table_matches_the_rule_files():
    rows = table_rows()
    rules = load_rules()
    assert set(rows) == {r.code for r in rules.values()}
    for rule in rules.values():
        code, name, severity, _catches, error = rows[rule.code]
        assert (name, severity) == (rule.name, rule.severity)
        if "01" <= rule.code[3:5] <= "04" and rule.fortnox_error:  # the FAQ rules, FNX1xx-FNX4xx
            assert rule.fortnox_error in error, rule.name
