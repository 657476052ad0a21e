"""Each format renders the sample report to exactly the reviewed document in golden/."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.formatters import FORMATTERS

from sample_report import sample

GOLDEN = Path(__file__).parent / "golden"
FILES = {"text": "sample.text.txt", "full": "sample.full.txt", "github": "sample.github.txt",
         "gitlab": "sample.gitlab.json", "junit": "sample.junit.xml", "markdown": "sample.markdown.md",
         "sarif": "sample.sarif.sarif"}


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_sample_report_renders_to_the_golden_document(fmt: str) -> None:
    expected = (GOLDEN / FILES[fmt]).read_text(encoding="utf-8")
    assert FORMATTERS[fmt](sample()) == expected


def test_every_format_but_json_has_a_golden_document() -> None:
    # json's document is the finding's own to_dict (tested with the finding); the rest are ours.
    assert set(FORMATTERS) - {"json"} == set(FILES)
