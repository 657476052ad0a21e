"""Identities for findings that survive unrelated edits (for SARIF and GitLab).

A finding is identified by its rule, its file and the content of its line (with the finding's
offset inside the stripped line), never by its line number, so adding lines above it keeps the
identity. Identical findings in one file are told apart by their order of occurrence.
When the line cannot be read, the message stands in for the content.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from linter.formatters.base import Report


def fingerprints(report: Report) -> list[tuple[str, int]]:
    """(hex digest, occurrence number from 1) for each finding, in report order."""
    seen: Counter[str] = Counter()
    out = []
    for finding in report.findings:
        line = report.line_of(finding)
        if line is None:
            anchor = "message\0" + finding.message
        else:
            indent = len(line) - len(line.lstrip())
            anchor = f"line\0{line.strip()}\0{finding.column - 1 - indent}"
        key = f"{finding.code}\0{finding.path}\0{anchor}".encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(key).hexdigest()
        seen[digest] += 1
        out.append((digest, seen[digest]))
    return out
