"""What a formatter is given."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from linter.finding import Finding
from linter.ruledefs import RuleDef


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    rules: dict[str, RuleDef] = field(default_factory=dict)
    files_scanned: int = 0
    tool_version: str = ""
    catalog_version: str = ""
    notices: tuple[str, ...] = ()  # files skipped and why

    def counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)


def summary_line(report: Report) -> str:
    if not report.findings:
        return f"All checks passed ({report.files_scanned} files scanned)."
    counts = report.counts()
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
             for s in ("error", "warning", "info") if counts[s]]
    files = len({f.path for f in report.findings})
    total = len(report.findings)
    return (f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
            f"in {files} file{'s' if files != 1 else ''}.")
