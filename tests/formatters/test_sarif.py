"""sarif: valid SARIF 2.1.0 (checked against the official OASIS schema) with what GitHub reads."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from linter.engine import LintRequest, lint
from linter.finding import Finding
from linter.formatters import FORMATTERS
from linter.formatters.sarif_format import artifact_uri
from linter.runner import load_sources, report_for

from conftest import EXAMPLE, write_project
from sample_report import sample

SCHEMA = json.loads((Path(__file__).parent.parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def assert_valid(document: dict) -> None:
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def sarif_of(root: Path, **request) -> dict:
    result = lint(LintRequest(cwd=root, **request))
    report = report_for(result, load_sources(result.findings, root))
    return json.loads(FORMATTERS["sarif"](report))


def test_schema_rejects_a_broken_document() -> None:
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    assert not validator.is_valid({"version": "2.1.0", "runs": [{"results": []}]})  # no tool


def test_sample_and_empty_reports_are_valid() -> None:
    assert_valid(json.loads(FORMATTERS["sarif"](sample())))
    empty = json.loads(FORMATTERS["sarif"](sample(findings=[])))
    assert_valid(empty)
    assert empty["runs"][0]["results"] == []


def test_a_real_run_is_valid_and_each_result_points_at_its_rule() -> None:
    document = sarif_of(EXAMPLE.parent.parent, paths=[Path("examples/webshop")])
    assert_valid(document)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert len(run["results"]) == 10  # the example's findings, tests/test_example.py
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert rule["help"]["text"] and rule["help"]["markdown"] and rule["shortDescription"]["text"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("examples/webshop/")


def test_region_carries_end_positions_when_known() -> None:
    finding = Finding("a.py", 2, 3, "FNX001", "missing-scope", "error", "m", end_line=2, end_column=9)
    result = json.loads(FORMATTERS["sarif"](sample(findings=[finding], sources={})))["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 9}
    assert "properties" not in result  # no fix given


PROJECT = {
    "fortnox.yaml": "scopes: [customer]\n",
    "app.py": ('import requests\n'
               'requests.get("https://api.fortnox.se/3/invoices")\n'
               'requests.get("https://api.fortnox.se/3/invoices")\n'
               'requests.get("https://api.fortnox.se/3/orders")\n'),
}


def _fingerprints(document: dict) -> list[tuple[int, str]]:
    return [(r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["partialFingerprints"]["primaryLocationLineHash"]) for r in document["runs"][0]["results"]]


def test_fingerprints_survive_lines_moving_and_tell_duplicates_apart(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    before = _fingerprints(sarif_of(tmp_path, select={"missing-scope"}))
    indented = "".join("    " + line for line in PROJECT["app.py"].splitlines(keepends=True))
    write_project(tmp_path, {"app.py": "# a comment\n\ndef sync():\n" + indented})
    after = _fingerprints(sarif_of(tmp_path, select={"missing-scope"}))
    assert [line for line, _ in before] == [2, 3, 4]
    assert [line for line, _ in after] == [5, 6, 7]
    assert [fp for _, fp in before] == [fp for _, fp in after]
    hashes = [fp for _, fp in before]
    assert hashes[0].split(":")[0] == hashes[1].split(":")[0]
    assert [h.split(":")[1] for h in hashes] == ["1", "2", "1"]
    assert len(set(hashes)) == 3


def test_fingerprint_changes_when_the_line_itself_changes(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT)
    before = _fingerprints(sarif_of(tmp_path, select={"missing-scope"}))
    changed = PROJECT["app.py"].replace('requests.get("https://api.fortnox.se/3/orders")',
                                        'orders = requests.get("/3/orders")')
    write_project(tmp_path, {"app.py": changed})
    after = _fingerprints(sarif_of(tmp_path, select={"missing-scope"}))
    assert before[:2] == after[:2]
    assert before[2] != after[2]


@pytest.mark.parametrize(("path", "uri"), [
    ("src/app.py", "src/app.py"),
    ("dir with space/ä.py", "dir%20with%20space/%C3%A4.py"),
    ("a:b#c?.py", "a%3Ab%23c%3F.py"),
    ("caf\udce9.py", "caf%E9.py"),
    ("/abs/x.py", "file:///abs/x.py"),
    ("C:/work/x.py", "file:///C:/work/x.py"),
])
def test_artifact_uris_are_relative_references_or_file_uris(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri
