"""Findings and lint errors as LSP diagnostics: 0-based lines, columns in the client's code units."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lsprotocol import types

from linter.errors import LintError
from linter.finding import Finding

SOURCE = "fortnox-lint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
Units = Callable[[str], int]  # how many client code units a string takes


def utf16_units(text: str) -> int:
    """LSP's default position encoding: characters beyond the BMP count twice."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def split_lines(text: str) -> list[str]:
    """Lines as the scanner counts them: split at \\n only, a trailing \\r dropped."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


_PREFIXED_QUOTE = re.compile(r"[A-Za-z@$]{0,3}(['\"`])")  # f"…", rb'…', @"…", u8"…"
_BARE_TOKEN = re.compile(r"[^\s,\[\]{}()#;]+")


def token_end(line: str, start: int) -> int:
    """Where the token at ``start`` ends: a string literal through its closing quote, else a run of
    non-space, non-bracket characters; the end of the line's text when neither is there."""
    quoted = _PREFIXED_QUOTE.match(line, start)
    if quoted:
        opening = quoted.start(1)
        fence = line[opening] * 3 if line.startswith(line[opening] * 3, opening) else line[opening]
        at = opening + len(fence)
        while at < len(line):
            if line.startswith(fence, at):
                return at + len(fence)
            at += 2 if line[at] == "\\" else 1
        return len(line.rstrip())
    bare = _BARE_TOKEN.match(line, start)
    if bare:
        return bare.end()
    return max(start, len(line.rstrip()))


def _line(lines: Sequence[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _range(lines: Sequence[str], units: Units, line: int, start: int, end_line: int, end: int) -> types.Range:
    return types.Range(start=types.Position(line=line, character=units(_line(lines, line)[:start])),
                       end=types.Position(line=end_line, character=units(_line(lines, end_line)[:end])))


def finding_diagnostic(finding: Finding, lines: Sequence[str], units: Units = utf16_units,
                       fix: tuple[str, str] | None = None) -> types.Diagnostic:
    """``end_line``/``end_column`` (1-based, the column just past the end, as in SARIF) give the end
    when a rule sets them; otherwise the range covers the token the finding points at. ``fix``
    (("add" or "remove", scope)) travels in the diagnostic's data, for the quick fix."""
    line, start = max(finding.line - 1, 0), max(finding.column - 1, 0)
    if finding.end_line is not None and finding.end_column is not None:
        end_line, end = finding.end_line - 1, finding.end_column - 1
    else:
        end_line, end = line, token_end(_line(lines, line), start)
    return types.Diagnostic(range=_range(lines, units, line, start, end_line, end),
                            message=finding.message, severity=SEVERITY[finding.severity],
                            code=finding.code, source=SOURCE,
                            data={"fix": fix[0], "scope": fix[1]} if fix is not None else None)


def document_range(text: str, units: Units = utf16_units) -> types.Range:
    """The whole of ``text``: from its start to just past its last character."""
    lines = text.split("\n")
    return types.Range(start=types.Position(line=0, character=0),
                       end=types.Position(line=len(lines) - 1, character=units(lines[-1])))


def error_diagnostic(error: LintError, lines: Sequence[str], in_manifest: bool, code: str | None,
                     units: Units = utf16_units) -> types.Diagnostic:
    """A lint that could not run, shown on the manifest. An error in the manifest itself (broken
    YAML) sits where it names, to the end of that line; any other (an unreadable catalog) on line 1,
    its message naming the file."""
    line, start = 0, 0
    if in_manifest:
        line, start = max((error.line or 1) - 1, 0), max((error.column or 1) - 1, 0)
    end = max(start, len(_line(lines, line).rstrip()))
    return types.Diagnostic(range=_range(lines, units, line, start, line, end),
                            message=error.message if in_manifest else str(error),
                            severity=types.DiagnosticSeverity.Error,
                            code=code if in_manifest else None, source=SOURCE)
