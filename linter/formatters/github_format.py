"""GitHub Actions workflow commands: one ``::error file=…,line=…::message`` annotation per finding.

Escaping follows @actions/core: in the message ``%``, CR and LF are percent-encoded; property
values also encode ``:`` and ``,``. The summary line follows as plain log text.
"""

from __future__ import annotations

from linter.finding import Finding
from linter.formatters.base import Report, clean, one_line, summary_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    props = [("file", finding.path), ("line", str(finding.line)), ("col", str(finding.column))]
    if finding.end_line is not None:
        props.append(("endLine", str(finding.end_line)))
    if finding.end_column is not None:
        props.append(("endColumn", str(finding.end_column)))
    props.append(("title", f"{finding.code} [{finding.rule}]"))
    message = clean(finding.message)
    if finding.fix:
        message += "\n\nFix: " + clean(one_line(finding.fix))
    properties = ",".join(f"{key}={escape_property(clean(value))}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {properties}::{escape_data(message)}"


def render(report: Report) -> str:
    lines = [annotation(f) for f in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
