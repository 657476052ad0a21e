"""junit: one test suite, one failing test case per finding, always well-formed XML."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from linter.finding import Finding
from linter.formatters import FORMATTERS

from sample_report import sample


def test_clean_run_is_one_passing_case() -> None:
    assert FORMATTERS["junit"](sample(findings=[])) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="fortnox-scope-lint" tests="1" failures="0" errors="0">\n'
        '  <testsuite name="fortnox-scope-lint" tests="1" failures="0" errors="0" skipped="0">\n'
        '    <testcase name="All checks passed (3 files scanned)." classname="fortnox-scope-lint" />\n'
        '  </testsuite>\n'
        '</testsuites>\n')


def test_markup_and_control_characters_stay_well_formed() -> None:
    finding = Finding("a<&>\x1b.py", 1, 1, "FNX001", "missing-scope", "error", 'x "<y>" & \x00z', fix="f")
    root = ET.fromstring(FORMATTERS["junit"](sample(findings=[finding])).encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case.attrib == {"name": "FNX001 [missing-scope] a<&>\\x1b.py:1:1", "classname": "a<&>\\x1b.py",
                           "file": "a<&>\\x1b.py", "line": "1"}
    failure = case.find("failure")
    assert failure.attrib == {"message": 'x "<y>" & \\x00z', "type": "error"}
    assert failure.text == 'a<&>\\x1b.py:1:1: FNX001 [missing-scope] x "<y>" & \\x00z\nFix: f'
