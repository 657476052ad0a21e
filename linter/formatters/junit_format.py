"""JUnit XML: one test suite, one failed test case per finding (one passing case when clean)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from linter.formatters.base import Report, clean, one_line, summary_line

SUITE = "fortnox-scope-lint"


def _text(value: str) -> str:
    # XML 1.0 cannot carry most control characters at all; clean() makes them visible escapes.
    return clean(value)


def render(report: Report) -> str:
    total = max(len(report.findings), 1)
    failures = len(report.findings)
    root = ET.Element("testsuites", name=SUITE, tests=str(total), failures=str(failures), errors="0")
    suite = ET.SubElement(root, "testsuite", name=SUITE, tests=str(total), failures=str(failures),
                          errors="0", skipped="0")
    if not report.findings:
        ET.SubElement(suite, "testcase", name=summary_line(report), classname=SUITE)
    for finding in report.findings:
        where = f"{finding.path}:{finding.line}:{finding.column}"
        case = ET.SubElement(suite, "testcase", name=_text(f"{finding.code} [{finding.rule}] {where}"),
                             classname=_text(finding.path), file=_text(finding.path), line=str(finding.line))
        failure = ET.SubElement(case, "failure", message=_text(finding.message), type=finding.severity)
        body = f"{where}: {finding.code} [{finding.rule}] {finding.message}"
        failure.text = _text(body) + (f"\nFix: {_text(one_line(finding.fix))}" if finding.fix else "")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
