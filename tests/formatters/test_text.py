"""text: the stable one-line-per-finding format editors and scripts parse."""

from __future__ import annotations

from linter.finding import Finding
from linter.formatters import FORMATTERS

from sample_report import sample


def test_control_characters_in_paths_and_messages_are_escaped() -> None:
    finding = Finding("evil\x1b[2J.py", 1, 2, "FNX001", "missing-scope", "error", "bad\rnews\x07")
    assert FORMATTERS["text"](sample(findings=[finding])) == (
        "evil\\x1b[2J.py:1:2: FNX001 [missing-scope] bad\\x0dnews\\x07\n"
        "Found 1 problem (1 error) in 1 file.\n")


def test_clean_run_prints_only_the_summary() -> None:
    assert FORMATTERS["text"](sample(findings=[])) == "All checks passed (3 files scanned).\n"
