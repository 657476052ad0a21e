"""Detection accuracy on the annotated corpus under tests/corpus (see tests/corpus/score.py)."""

import importlib.util
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _score_module():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_corpus_precision_and_recall():
    score = _score_module()
    report = score.score(CORPUS)
    assert report.problems == []
    assert report.overall.precision >= 0.95, report.false
    assert report.overall.recall >= 0.95, report.misses
    languages = {"python", "javascript", "typescript", "php", "csharp", "java", "kotlin", "go", "ruby", "elixir",
                 "other"}
    assert set(report.languages) == languages
    for language, tally in report.languages.items():
        assert tally.tp + tally.fn >= 3, language  # every language has real expectations
        assert tally.precision >= 0.9 and tally.recall >= 0.9, (language, report.false, report.misses)
    assert set(report.styles) == set(score.STYLES)
    assert report.traps >= 50 and report.traps_hit == 0
    assert report.methods_right == report.methods_checked


def test_annotations_are_parsed_exactly():
    score = _score_module()
    report = score.Report()
    expected, traps, blank = score.parse(
        "a = 1  # fortnox: url GET /3/invoices invoice; path /3/orders order\n"
        "b = 2  // fortnox: none other-api\n", "x.py", report)
    assert [(e.line, e.style, e.method, e.endpoint, e.scope) for e in expected] == [
        (1, "url", "GET", "/3/invoices", "invoice"), (1, "path", None, "/3/orders", "order")]
    assert traps == {2}
    assert blank.split("\n")[0].rstrip() == "a = 1  #" and "fortnox" not in blank
    score.parse("c = 3  # fortnox: nonsense\n", "x.py", report)
    assert report.problems == ["x.py:1: cannot read annotation 'nonsense'"]


def test_readme_shows_the_current_table():
    score = _score_module()
    readme = (CORPUS.parent.parent / "README.md").read_text(encoding="utf-8")
    projects = [p for language in CORPUS.iterdir() if language.is_dir() for p in language.iterdir() if p.is_dir()]
    assert score.table(score.score(CORPUS)) in readme
    assert f"`tests/corpus/`: {len(projects)} small integrations" in readme
