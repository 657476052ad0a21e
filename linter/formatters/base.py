"""What a formatter is given, and the small helpers several formatters share."""

from __future__ import annotations

import re
from collections import Counter
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from linter.finding import Finding
from linter.ruledefs import RuleDef
from linter.wording import counted


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    rules: dict[str, RuleDef] = field(default_factory=dict)
    files_scanned: int = 0
    tool_version: str = ""
    catalog_version: str = ""
    notices: tuple[str, ...] = ()  # files skipped and why
    # path -> its lines, for files with findings only (read by the runner; formatters never read files)
    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)
    color: bool = False  # ANSI colour, for formats meant for people on a terminal

    def counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    def line_of(self, finding: Finding) -> str | None:
        """The source line a finding points at, when the runner could read it."""
        lines = self.sources.get(finding.path)
        if lines is None or not 1 <= finding.line <= len(lines):
            return None
        return lines[finding.line - 1]


def summary_line(report: Report) -> str:
    if not report.findings:
        return f"All checks passed ({counted(report.files_scanned, 'file')} scanned)."
    counts = report.counts()
    parts = [f"{counted(counts[s], s)}"
             for s in ("error", "warning", "info") if counts[s]]
    files = len({f.path for f in report.findings})
    total = len(report.findings)
    return (f"Found {counted(total, 'problem')} ({', '.join(parts)}) "
            f"in {counted(files, 'file')}.")


# C0 controls but tab, DEL, C1 controls, bidi overrides/isolates, lone surrogates, non-characters.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Text safe to show on a terminal: control characters become visible ``\\x1b``-style escapes."""
    return _UNSAFE.sub(_escape, text)


def encodable(text: str) -> str:
    """Text that encodes as UTF-8 (for machine formats, whose own escaping handles controls)."""
    return _SURROGATE.sub(_escape, text)


def one_line(text: str) -> str:
    """Multi-line text (a rule's fix) folded onto one line."""
    return " ".join(text.split())


def json_text(document: object) -> str:
    """Indented UTF-8 JSON; an undecodable file-name byte shows as a literal ``\\xNN``."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: "\\" + _escape(m), text) + "\n"
