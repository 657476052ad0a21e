"""--statistics: findings counted per rule, most frequent first."""

from __future__ import annotations

import json

from linter.finding import Finding
from linter.formatters import statistics

from sample_report import sample


def test_text_table() -> None:
    assert statistics.render_text(sample()) == (
        "2  FNX001  missing-scope        error\n"
        "1  FNX002  unused-scope         warning\n"
        "1  FNX008  deprecated-endpoint  info\n"
        "Found 4 problems (2 errors, 1 warning, 1 info) in 2 files.\n")


def test_json_rows_list_every_severity_a_rule_reported() -> None:
    extra = Finding("b.py", 1, 1, "FNX001", "missing-scope", "warning", "low confidence")
    report = sample(findings=sample().findings + [extra])
    assert json.loads(statistics.render_json(report)) == [
        {"code": "FNX001", "rule": "missing-scope", "count": 3, "severities": ["error", "warning"]},
        {"code": "FNX002", "rule": "unused-scope", "count": 1, "severities": ["warning"]},
        {"code": "FNX008", "rule": "deprecated-endpoint", "count": 1, "severities": ["info"]},
    ]


def test_clean_run() -> None:
    assert statistics.render_text(sample(findings=[])) == "All checks passed (3 files scanned).\n"
    assert statistics.render_json(sample(findings=[])) == "[]\n"
