"""``sample()``: a small, hand-built report every formatter test renders: three rules, four
findings, two files.

Rules are built here rather than loaded from rules/, so wording changes there do not churn the
expected documents.
"""

from __future__ import annotations

from linter.finding import Finding
from linter.formatters.base import Report
from linter.ruledefs import RuleDef


def _rule(code: str, name: str, severity: str, summary: str, fortnox_error: str, fix: str) -> RuleDef:
    return RuleDef(code=code, name=name, severity=severity, summary=summary,
                   rationale=f"Why {name} matters.\nSecond line of the rationale.",
                   fortnox_error=fortnox_error, fix=fix, examples=())


RULES = {
    "missing-scope": _rule("FNX001", "missing-scope", "error", "A call needs a scope the manifest lacks.",
                           "Missing rights", "Add the scope\nto fortnox.yaml."),
    "unused-scope": _rule("FNX002", "unused-scope", "warning", "A requested scope is never used.",
                          "", "Remove the scope."),
    "deprecated-endpoint": _rule("FNX008", "deprecated-endpoint", "info", "A deprecated endpoint.",
                                 "", "Move to the new endpoint."),
}

SOURCES = {
    "fortnox.yaml": ("scopes:", "  - supplier", ""),
    "src/app.py": (
        "import requests",
        "",
        'requests.get("https://api.fortnox.se/3/invoices")',
        "",
        'requests.get("https://api.fortnox.se/3/invoices")',
        "",
        'old = "/3/oldthing"  # 50%, see: <docs> | `x`',
        "",
    ),
}

FINDINGS = [
    Finding("fortnox.yaml", 2, 5, "FNX002", "unused-scope", "warning",
            "scope 'supplier' is requested but never used", fix="Remove 'supplier' from scopes."),
    Finding("src/app.py", 3, 14, "FNX001", "missing-scope", "error",
            "GET /3/invoices needs scope 'invoice'", fix="Add invoice to scopes.",
            fortnox_error="Missing rights"),
    Finding("src/app.py", 5, 14, "FNX001", "missing-scope", "error",
            "GET /3/invoices needs scope 'invoice'", fix="Add invoice to scopes.",
            fortnox_error="Missing rights"),
    Finding("src/app.py", 7, 7, "FNX008", "deprecated-endpoint", "info",
            "/3/oldthing is deprecated: 50%, see <docs> | `x` *now*", fix=""),
]


def sample(**changes) -> Report:
    """The sample report, with any Report fields replaced."""
    fields = dict(findings=list(FINDINGS), rules=dict(RULES), files_scanned=3, tool_version="1.2.3",
                  catalog_version="2026.01.01", sources=SOURCES)
    fields.update(changes)
    return Report(**fields)

