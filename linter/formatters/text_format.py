"""One line per finding, ``path:line:col: CODE [name] message``, then a summary line."""

from __future__ import annotations

from linter.escape import printable
from linter.formatters.base import Report, summary_line


def render(report: Report) -> str:
    # Paths and messages carry text from the scanned repository: never print it raw.
    lines = [f"{printable(f.path)}:{f.line}:{f.column}: {f.code} [{f.rule}] {printable(f.message)}"
             for f in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
