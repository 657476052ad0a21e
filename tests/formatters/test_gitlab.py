"""gitlab: a Code Quality report whose fingerprints are unique and ignore line numbers."""

from __future__ import annotations

import json
from dataclasses import replace

from linter.formatters import FORMATTERS

from sample_report import SOURCES, sample


def _issues(report) -> list[dict]:
    return json.loads(FORMATTERS["gitlab"](report))


def test_fingerprints_are_unique_even_for_identical_findings() -> None:
    issues = _issues(sample())
    assert issues[1]["description"] == issues[2]["description"]
    assert len({issue["fingerprint"] for issue in issues}) == 4


def test_fingerprints_survive_lines_added_above() -> None:
    moved = sample(findings=[replace(f, line=f.line + 2) for f in sample().findings],
                   sources={path: ("", "") + lines for path, lines in SOURCES.items()})
    assert [i["fingerprint"] for i in _issues(moved)] == [i["fingerprint"] for i in _issues(sample())]
    assert [i["location"]["lines"]["begin"] for i in _issues(moved)] == [4, 5, 7, 9]


def test_without_sources_the_message_identifies_the_finding() -> None:
    issues = _issues(sample(sources={}))
    assert len({issue["fingerprint"] for issue in issues}) == 4
    assert [i["fingerprint"] for i in issues] != [i["fingerprint"] for i in _issues(sample())]


def test_severities_map_to_code_quality_levels() -> None:
    assert [i["severity"] for i in _issues(sample())] == ["minor", "major", "major", "info"]


def test_clean_run_is_an_empty_array() -> None:
    assert FORMATTERS["gitlab"](sample(findings=[])) == "[]\n"
