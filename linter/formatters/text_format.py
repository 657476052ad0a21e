"""One line per finding, ``path:line:col: CODE [name] message``, then a summary line."""

from __future__ import annotations

from linter.formatters.base import Report, clean, summary_line


def render(report: Report) -> str:
    lines = [clean(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}") for f in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
