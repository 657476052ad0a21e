"""``--statistics``: how many findings each rule produced, most frequent first (like ruff)."""

from __future__ import annotations

from collections import Counter

from linter.formatters.base import Report, json_text, summary_line


def rows(report: Report) -> list[dict]:
    counts = Counter((f.code, f.rule) for f in report.findings)
    severities: dict[str, set[str]] = {}
    for f in report.findings:
        severities.setdefault(f.code, set()).add(f.severity)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"code": code, "rule": rule, "count": count,
             "severities": [s for s in ("error", "warning", "info") if s in severities[code]]}
            for (code, rule), count in ordered]


def render_text(report: Report) -> str:
    table = rows(report)
    width = max((len(str(r["count"])) for r in table), default=1)
    name_width = max((len(r["rule"]) for r in table), default=0)
    lines = [f"{r['count']:>{width}}  {r['code']}  {r['rule']:<{name_width}}  {'/'.join(r['severities'])}"
             for r in table]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    return json_text(rows(report))
