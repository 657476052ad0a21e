"""full: findings grouped by file, the source line with a caret under the finding, the fix."""

from __future__ import annotations

from linter.finding import Finding
from linter.formatters import FORMATTERS
from linter.formatters.full_format import snippet

from sample_report import sample


def _at(line: int, column: int, **extra) -> Finding:
    return Finding("a.py", line, column, "FNX001", "missing-scope", "error", "msg", **extra)


def test_colour_is_ansi_only_when_the_report_asks() -> None:
    finding = Finding("a.py", 1, 5, "FNX001", "missing-scope", "error", "msg", fix="Add it.")
    report = sample(findings=[finding], sources={"a.py": ['x = "/3/invoices"']}, color=True)
    assert FORMATTERS["full"](report) == (
        "\x1b[1ma.py\x1b[0m\n"
        "  1:5  \x1b[1;31merror\x1b[0m  FNX001 [missing-scope] msg\n"
        '    \x1b[34m1\x1b[0m \x1b[34m|\x1b[0m x = "/3/invoices"\n'
        "      \x1b[34m|\x1b[0m \x1b[1;31m    ^^^^^^^^^^^^^\x1b[0m\n"
        "      \x1b[36m= fix:\x1b[0m Add it.\n"
        "\n"
        "\x1b[1mFound 1 problem (1 error) in 1 file.\x1b[0m\n")
    assert "\x1b" not in FORMATTERS["full"](sample(findings=[finding], sources={"a.py": ["x"]}))


def test_without_the_source_line_the_finding_still_shows_with_its_fix() -> None:
    finding = Finding("gone.py", 9, 1, "FNX002", "unused-scope", "warning", "msg", fix="Fix\n it.")
    assert FORMATTERS["full"](sample(findings=[finding], sources={})) == (
        "gone.py\n"
        "  9:1  warning  FNX002 [unused-scope] msg\n"
        "      = fix: Fix it.\n"
        "\n"
        "Found 1 problem (1 warning) in 1 file.\n")


def test_gutter_fits_the_widest_line_number_of_the_file() -> None:
    lines = ["a"] * 10
    findings = [_at(9, 1), _at(10, 1)]
    assert FORMATTERS["full"](sample(findings=findings, sources={"a.py": lines})) == (
        "a.py\n"
        "  9:1  error  FNX001 [missing-scope] msg\n"
        "     9 | a\n"
        "       | ^\n"
        "\n"
        "  10:1  error  FNX001 [missing-scope] msg\n"
        "    10 | a\n"
        "       | ^\n"
        "\n"
        "Found 2 problems (2 errors) in 1 file.\n")


def test_caret_underlines_a_string_literal_or_a_word() -> None:
    assert snippet("get('/3/x', 1)", _at(1, 5)) == ("get('/3/x', 1)", "    ^^^^^^")
    assert snippet("  - supplier  # c", _at(1, 5)) == ("  - supplier  # c", "    ^^^^^^^^")
    assert snippet("f(x)", _at(1, 2)) == ("f(x)", " ^")
    assert snippet("(", _at(1, 1)) == ("(", "^")


def test_caret_uses_the_findings_end_column_when_on_the_same_line() -> None:
    assert snippet("abcdefgh", _at(1, 3, end_line=1, end_column=6)) == ("abcdefgh", "  ^^^")
    assert snippet("abcdefgh", _at(1, 3, end_line=2, end_column=1)) == ("abcdefgh", "  ^^^^^^")


def test_caret_keeps_tabs_so_it_lines_up() -> None:
    assert snippet("\t\turl = '/3/x'", _at(1, 9)) == ("\t\turl = '/3/x'", "\t\t      ^^^^^^")


def test_caret_counts_wide_characters_as_two_columns() -> None:
    assert snippet('名前 = "/3/x"', _at(1, 6)) == ('名前 = "/3/x"', '       ^^^^^^')


def test_control_characters_in_the_source_are_escaped_and_the_caret_follows() -> None:
    assert snippet("\x1b[2J x", _at(1, 7)) == ("\\x1b[2J x", "         ^")


def test_a_column_past_the_end_of_the_line_points_just_after_it() -> None:
    assert snippet("ab", _at(1, 9)) == ("ab", "  ^")


def test_long_lines_are_cut_to_a_window_around_the_finding() -> None:
    line = "x" * 200 + "'/3/invoices'" + "y" * 200
    shown, carets = snippet(line, _at(1, 201))
    assert shown == "…" + "x" * 40 + "'/3/invoices'" + "y" * 67 + "…"
    assert carets == " " * 41 + "^" * 13
    shown, carets = snippet("'/3/x'" + "z" * 200, _at(1, 1))
    assert (shown, carets) == ("'/3/x'" + "z" * 114 + "…", "^" * 6)
