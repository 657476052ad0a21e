"""A JSON document: ``{"findings": [...], "summary": {...}, "tool": {...}}``."""

from __future__ import annotations

from linter.formatters.base import Report, json_text


def render(report: Report) -> str:
    counts = report.counts()
    document = {
        "findings": [f.to_dict() for f in report.findings],
        "summary": {
            "total": len(report.findings),
            "error": counts["error"], "warning": counts["warning"], "info": counts["info"],
            "files_scanned": report.files_scanned,
        },
        "tool": {"name": "fortnox-scope-lint", "version": report.tool_version,
                 "catalog_version": report.catalog_version},
    }
    return json_text(document)
