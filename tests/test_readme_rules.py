"""The README's rule table lists every rule, with its current code, name, severity and error."""

from __future__ import annotations

from conftest import REPO
from linter.ruledefs import load_rules


def table_rows() -> dict[str, list[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Rules\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| FNX"):
            rows[cells[0]] = cells
    return rows


def test_readme_rule_table_matches_the_rule_files():
    rows = table_rows()
    rules = load_rules()
    assert set(rows) == {r.code for r in rules.values()}
    for rule in rules.values():
        code, name, severity, summary, error = rows[rule.code]
        assert (name, severity, summary) == (f"`{rule.name}`", rule.severity, rule.summary)
        assert error == (f'"{rule.fortnox_error}"' if rule.fortnox_error else "—")
