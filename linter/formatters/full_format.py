"""For people: findings grouped by file, each with its source line, a caret and the fix.

Colour (ANSI) only when the report says so; the runner decides (a terminal, NO_COLOR unset).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby

from linter.finding import Finding
from linter.formatters.base import Report, clean, one_line, summary_line

STYLES = {"error": "1;31", "warning": "1;33", "info": "1;36", "path": "1", "gutter": "34", "fix": "36",
          "summary": "1"}
MAX_SHOWN = 120  # longer lines (minified code) are cut to a window around the finding
_WORD = re.compile(r"[\w./{}:$@-]+")


def paint(text: str, style: str, on: bool) -> str:
    return f"\x1b[{STYLES[style]}m{text}\x1b[0m" if on else text


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _span(line: str, start: int, finding: Finding) -> int:
    """Exclusive end of what to underline: the given end, else the string or word at ``start``."""
    if finding.end_line == finding.line and finding.end_column and finding.end_column - 1 > start:
        return min(finding.end_column - 1, len(line))
    if start >= len(line):
        return start
    if line[start] in "\"'`":
        close = line.find(line[start], start + 1)
        return close + 1 if close != -1 else start + 1
    word = _WORD.match(line, start)
    return word.end() if word else start + 1


def snippet(line: str, finding: Finding) -> tuple[str, str]:
    """The source line as shown and the caret line that goes under it."""
    line = line.rstrip("\r\n")
    start = min(max(finding.column - 1, 0), len(line))
    end = _span(line, start, finding)
    first, last, head, tail = 0, len(line), "", ""
    if len(line) > MAX_SHOWN:
        first = max(0, min(start - 40, len(line) - MAX_SHOWN))
        last = first + MAX_SHOWN
        head, tail = ("…" if first else ""), ("…" if last < len(line) else "")
        end = min(end, last)
    before, marked = clean(line[first:start]), clean(line[start:end])
    shown = head + before + marked + clean(line[end:last]) + tail
    pad = "".join("\t" if c == "\t" else " " * _width(c) for c in head + before)
    return shown, pad + "^" * max(1, _width(marked))


def _finding(f: Finding, report: Report, gutter: int) -> list[str]:
    color = report.color
    lines = [f"  {f.line}:{f.column}  {paint(f.severity, f.severity, color)}  "
             f"{clean(f'{f.code} [{f.rule}]')} {clean(f.message)}"]
    bar = paint("|", "gutter", color)
    blank = " " * (gutter + 4)
    source = report.line_of(f)
    if source is not None:
        shown, carets = snippet(source, f)
        lines.append(f"    {paint(str(f.line).rjust(gutter), 'gutter', color)} {bar} {shown}".rstrip())
        lines.append(f"{blank} {bar} {paint(carets, f.severity, color)}")
    if f.fix:
        lines.append(f"{blank} {paint('= fix:', 'fix', color)} {clean(one_line(f.fix))}")
    return lines


def render(report: Report) -> str:
    out: list[str] = []
    for path, group in groupby(report.findings, key=lambda f: f.path):
        findings = list(group)
        gutter = len(str(max(f.line for f in findings)))
        out.append(paint(clean(path), "path", report.color))
        for f in findings:
            out += _finding(f, report, gutter) + [""]
    out.append(paint(summary_line(report), "summary", report.color))
    return "\n".join(out) + "\n"
