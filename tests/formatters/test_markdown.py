"""markdown: a job summary or pull-request comment; text from findings cannot inject markup."""

from __future__ import annotations

from dataclasses import replace

from linter.formatters import FORMATTERS
from linter.formatters.markdown_format import MAX_LISTED, md

from sample_report import sample


def test_md_neutralises_markdown_and_html() -> None:
    assert md("a|b `c` *d* _e_ [f](g) <img> & #h ~i~ \\") == (
        "a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) &lt;img&gt; &amp; \\#h \\~i\\~ \\\\")


def test_clean_run_is_heading_and_summary() -> None:
    assert FORMATTERS["markdown"](sample(findings=[])) == (
        "### fortnox-scope-lint\n\nAll checks passed (3 files scanned).\n")


def test_long_reports_list_the_first_findings_and_say_how_many_more() -> None:
    first = sample().findings[0]
    many = [replace(first, line=n) for n in range(1, MAX_LISTED + 6)]
    text = FORMATTERS["markdown"](sample(findings=many))
    assert text.count("\n- **warning**") == MAX_LISTED
    assert text.endswith("\n\n…and 5 more findings not listed here.\n")
    assert "| `FNX002` unused-scope | 0 | 205 | 0 |" in text
