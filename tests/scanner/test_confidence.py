"""How sure each use is, and what the rules and `scopes --explain` say about it."""

import io
from pathlib import Path

from linter.engine import LintRequest, lint
from linter.runner import run_scopes


def test_low_confidence_call_is_a_warning_that_says_why(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [customer]\n",
             "a/settings.py": 'BASE_URL = "https://api.fortnox.se/3"\n',
             "b/job.py": "requests.get(BASE_URL + '/orders')\n"}
    project(files)
    [finding] = [f for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "missing-scope"]
    assert (finding.path, finding.line, finding.severity) == ("b/job.py", 1, "warning")
    assert finding.message.endswith(
        "(low confidence: BASE_URL is the Fortnox base https://api.fortnox.se/3 in a/settings.py:1; "
        "the name is common, so this is a guess)")


def test_medium_and_high_confidence_calls_are_errors(tmp_path, project):
    files = {"fortnox.yaml": "scopes: [customer]\n",
             "a.ts": 'fortnoxRequest("/orders");\nfetch("https://api.fortnox.se/3/offers");\n'}
    project(files)
    found = [(f.line, f.severity) for f in lint(LintRequest(cwd=tmp_path)).findings if f.rule == "missing-scope"]
    assert found == [(1, "error"), (2, "error")]


def test_scopes_explain_lists_each_call_site_with_how_and_why(tmp_path):
    (tmp_path / "a.ts").write_text('fortnoxRequest("/orders");\nfetch("https://api.fortnox.se/3/orders/1");\n')
    out, err = io.StringIO(), io.StringIO()
    assert run_scopes(LintRequest(paths=[Path(".")], cwd=tmp_path), "text", out, err, explain=True) == 0
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("  order  Order")
    assert lines[2:5] == [
        "      a.ts:1:16  /3/orders  [fortnox-helper, medium]",
        "          why: passed to fortnoxRequest(), whose name says Fortnox",
        "      a.ts:2:7  GET /3/orders/1  [url, high]",
    ]


def test_json_output_carries_how_confidence_and_why(tmp_path):
    import json

    (tmp_path / "a.ts").write_text('fortnoxRequest("/orders");\n')
    out = io.StringIO()
    run_scopes(LintRequest(paths=[Path(".")], cwd=tmp_path), "json", out, io.StringIO())
    [use] = json.loads(out.getvalue())["uses"]
    assert (use["how"], use["confidence"], use["why"]) == (
        "fortnox-helper", "medium", "passed to fortnoxRequest(), whose name says Fortnox")
