"""The finding value object every rule produces and every formatter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place. Field order is the sort order: file, position, rule."""

    path: str
    line: int
    column: int
    code: str
    rule: str
    severity: str = field(compare=False)
    message: str = field(compare=False)
    fix: str = field(default="", compare=False)
    fortnox_error: str = field(default="", compare=False)
    end_line: int | None = field(default=None, compare=False)
    end_column: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix,
            "fortnox_error": self.fortnox_error,
        }
