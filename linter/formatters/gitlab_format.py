"""GitLab Code Quality report: a JSON array of issues with unique, line-independent fingerprints.

GitLab does not show ``check_name``, so the description starts with the rule code.
"""

from __future__ import annotations

import hashlib

from linter.formatters.base import Report, json_text
from linter.formatters.fingerprint import fingerprints

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report) -> str:
    issues = []
    for finding, (digest, occurrence) in zip(report.findings, fingerprints(report)):
        issues.append({
            "type": "issue",
            "check_name": finding.rule,
            "description": f"{finding.code} [{finding.rule}] {finding.message}",
            "categories": ["Bug Risk"],
            "severity": SEVERITIES[finding.severity],
            "fingerprint": hashlib.sha256(f"{digest}:{occurrence}".encode()).hexdigest(),
            "location": {"path": finding.path, "lines": {"begin": max(finding.line, 1)}},
        })
    return json_text(issues)
