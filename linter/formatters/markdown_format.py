"""Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``: counts per rule, then findings by file."""

from __future__ import annotations

import re
from itertools import groupby

from linter.formatters.base import Report, clean, one_line, summary_line
from linter.wording import counted

MAX_LISTED = 200  # a job summary is capped at 1 MiB; the rest is in the other reports
_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def md(text: str) -> str:
    """Plain text made inert in Markdown (and in the HTML GitHub renders it to)."""
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def _table(report: Report) -> list[str]:
    rows: dict[tuple[str, str], dict[str, int]] = {}
    for f in report.findings:
        counts = rows.setdefault((f.code, f.rule), {"error": 0, "warning": 0, "info": 0})
        counts[f.severity] += 1
    lines = ["| Rule | Errors | Warnings | Info |", "| --- | ---: | ---: | ---: |"]
    for (code, rule), c in sorted(rows.items()):
        lines.append(f"| `{code}` {md(rule)} | {c['error']} | {c['warning']} | {c['info']} |")
    return lines


def render(report: Report) -> str:
    out = ["### fortnox-scope-lint", "", md(summary_line(report))]
    if report.findings:
        out += [""] + _table(report)
    listed = report.findings[:MAX_LISTED]
    for path, group in groupby(listed, key=lambda f: f.path):
        out += ["", f"#### {md(path)}", ""]
        for f in group:
            out.append(f"- **{f.severity}** `{f.code}` {md(f.rule)} at line {f.line}, column {f.column}: "
                       f"{md(f.message)}")
            if f.fix:
                out.append(f"  - Fix: {md(one_line(f.fix))}")
    hidden = len(report.findings) - len(listed)
    if hidden:
        out += ["", f"…and {counted(hidden, 'more finding')} not listed here."]
    return "\n".join(out) + "\n"
