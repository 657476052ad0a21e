"""github: workflow-command annotations, escaped the way @actions/core escapes them."""

from __future__ import annotations

from linter.finding import Finding
from linter.formatters import FORMATTERS
from linter.formatters.github_format import annotation, escape_data, escape_property

from sample_report import sample


def test_data_escapes_percent_cr_lf_only() -> None:
    assert escape_data("100%\r\nnext: a,b") == "100%25%0D%0Anext: a,b"


def test_properties_also_escape_colon_and_comma() -> None:
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"


def test_annotation_escapes_file_title_and_message_and_carries_the_end() -> None:
    finding = Finding("dir,x/a:b%.py", 3, 4, "FNX001", "missing-scope", "error", "50% done\x1b[0m",
                      fix="Add\nit.", end_line=3, end_column=9)
    assert annotation(finding) == (
        "::error file=dir%2Cx/a%3Ab%25.py,line=3,col=4,endLine=3,endColumn=9,title=FNX001 [missing-scope]"
        "::50%25 done\\x1b[0m%0A%0AFix: Add it.")


def test_severity_picks_the_command() -> None:
    base = dict(path="a.py", line=1, column=1, code="FNX002", rule="unused-scope", message="m")
    commands = [annotation(Finding(severity=s, **base)).split(" ")[0] for s in ("error", "warning", "info")]
    assert commands == ["::error", "::warning", "::notice"]


def test_clean_run_is_just_the_summary() -> None:
    assert FORMATTERS["github"](sample(findings=[])) == "All checks passed (3 files scanned).\n"
