"""Finding -> Diagnostic: positions, token ends, severities, errors."""

from __future__ import annotations

import pytest
from lsprotocol import types

from linter.errors import LintError
from linter.finding import Finding
from linter.lsp.convert import error_diagnostic, finding_diagnostic, split_lines, token_end


def finding(line: int, column: int, severity: str = "error", **extra) -> Finding:
    return Finding(path="a.py", line=line, column=column, code="FNX001", rule="missing-scope",
                   severity=severity, message="m", **extra)


def span(diagnostic: types.Diagnostic) -> tuple[int, int, int, int]:
    r = diagnostic.range
    return r.start.line, r.start.character, r.end.line, r.end.character


@pytest.mark.parametrize(("line", "start", "end"), [
    ('get("https://x/3/a")', 4, 19),             # a double-quoted string, through its quote
    ("get('a\\'b', 1)", 4, 10),                 # an escaped quote does not end it
    ('get(f"/3/orders/{n}")', 4, 20),            # a prefixed string from its prefix
    ('x = """/3/a""" + y', 4, 14),               # a triple-quoted string
    ('x = "/3/unterminated   ', 4, 20),          # unterminated: to the end of the line's text
    ("  - supplier   # unused", 4, 12),          # a bare YAML value stops at the space
    ("licenses: [Order, Kundfaktura]", 11, 16),  # and at a comma
    ("scopes: [", 8, 9),                         # no token: to the end of the line's text
    ("", 0, 0),
])
def test_token_end(line: str, start: int, end: int):
    assert token_end(line, start) == end


def test_split_lines_counts_like_the_scanner():
    assert split_lines("a\r\nb\n\nc") == ["a", "b", "", "c"]


def test_finding_range_is_zero_based_and_covers_the_token():
    lines = ["import x", 'x.get("https://api.fortnox.se/3/a")']
    assert span(finding_diagnostic(finding(2, 7), lines)) == (1, 6, 1, 34)


def test_explicit_end_is_used_as_an_exclusive_1_based_column():
    lines = ["abcdef", "ghijkl"]
    assert span(finding_diagnostic(finding(1, 2, end_line=2, end_column=4), lines)) == (0, 1, 1, 3)


@pytest.mark.parametrize(("severity", "expected"), [
    ("error", types.DiagnosticSeverity.Error), ("warning", types.DiagnosticSeverity.Warning),
    ("info", types.DiagnosticSeverity.Information)])
def test_severity_code_and_source(severity: str, expected: types.DiagnosticSeverity):
    diagnostic = finding_diagnostic(finding(1, 1, severity), ["x"])
    assert (diagnostic.severity, diagnostic.code, diagnostic.source, diagnostic.message) == (
        expected, "FNX001", "fortnox-lint", "m")


def test_position_beyond_the_text_does_not_fail():
    assert span(finding_diagnostic(finding(9, 5), ["short"])) == (8, 0, 8, 0)


def test_manifest_error_sits_where_it_names():
    error = LintError("duplicate key 'scopes'", "fortnox.yaml", 2, 1)
    diagnostic = error_diagnostic(error, ["scopes: []", "scopes: [x]  "], True, "FNX007")
    assert (span(diagnostic), diagnostic.message, diagnostic.code) == ((1, 0, 1, 11), "duplicate key 'scopes'", "FNX007")


def test_other_errors_sit_on_line_one_and_name_their_file():
    error = LintError("cannot read catalog: gone", "/x/scopes.yaml")
    diagnostic = error_diagnostic(error, ["scopes: [customer]"], False, "FNX007")
    assert (span(diagnostic), diagnostic.message, diagnostic.code) == (
        (0, 0, 0, 18), "/x/scopes.yaml: cannot read catalog: gone", None)
