"""Random manifests and findings: never a crash, and every output document stays well-formed."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fnx_strategies import FAST, findings, manifest_text
from linter.engine import LintRequest, lint
from linter.errors import LintError
from linter.formatters import FORMATTERS
from linter.formatters.base import Report
from linter.ruledefs import load_rules
from linter.runner import report_for, run

SARIF_SCHEMA = json.loads((Path(__file__).parent.parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
SARIF = jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA)
RULES = load_rules()
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # tab and newline aside
ANNOTATION = re.compile(r"::(error|warning|notice) file=[^:,\r\n]*,line=\d+,col=\d+(,endLine=\d+)?"
                        r"(,endColumn=\d+)?,title=FNX\d{3} \[[a-z-]+\]::[^\r\n]*")


def check_document(fmt: str, text: str, expected: list) -> None:
    """``text`` is a well-formed ``fmt`` document reporting ``expected`` findings."""
    text.encode("utf-8")  # writable as UTF-8
    if fmt == "json":
        assert json.loads(text)["findings"] == [f.to_dict() for f in expected]
    elif fmt == "sarif":
        document = json.loads(text)
        assert sorted(f"{e.json_path}: {e.message}" for e in SARIF.iter_errors(document)) == []
        assert len(document["runs"][0]["results"]) == len(expected)
    elif fmt == "gitlab":
        assert len(json.loads(text)) == len(expected)
    elif fmt == "junit":
        ElementTree.fromstring(text)
    elif fmt == "github":
        lines = text.split("\n")
        assert lines[-1] == "" and len(lines) == len(expected) + 2
        assert all(ANNOTATION.fullmatch(line) for line in lines[:len(expected)]), lines
    elif fmt == "text":
        assert len(text.split("\n")) == len(expected) + 2
    if fmt in ("text", "full", "github", "markdown"):  # meant for terminals and logs
        assert CONTROL.search(text) is None


def test_every_format_is_checked():
    assert set(FORMATTERS) == {"text", "full", "json", "sarif", "github", "gitlab", "junit", "markdown"}


@FAST
@given(st.lists(findings, max_size=5))
def test_every_format_renders_any_findings_as_a_valid_document(found):
    found = sorted(found)
    report = Report(findings=found, rules=RULES, files_scanned=3, tool_version="1", catalog_version="2")
    for fmt in FORMATTERS:
        check_document(fmt, FORMATTERS[fmt](report), found)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "fortnox.yaml").write_text("scopes: [invoice]\n")
    (root / "app.py").write_text('import requests\nrequests.get("https://api.fortnox.se/3/customers")\n'
                                 'requests.post(f"https://api.fortnox.se/3/invoices/{n}/bookkeep")\n'
                                 'x = "/3/companysettings"\n')
    return root


@FAST
@given(manifest_text)
def test_random_manifests_never_crash_and_every_format_stays_valid(project, text):
    request = LintRequest(cwd=project, overrides={Path("fortnox.yaml"): text})
    try:
        result = lint(request)
    except LintError as exc:
        assert exc.path == "fortnox.yaml"
        return
    report = report_for(result)
    for fmt in FORMATTERS:
        check_document(fmt, FORMATTERS[fmt](report), result.findings)


@FAST
@given(manifest_text)
def test_the_runner_turns_any_manifest_into_an_exit_code(project, text):
    out, err = io.StringIO(), io.StringIO()
    code = run(LintRequest(cwd=project, overrides={Path("fortnox.yaml"): text}), "json", out, err)
    if code == 2:
        assert out.getvalue() == "" and err.getvalue().count("\n") == 1
        assert err.getvalue().startswith("fortnox-lint: error: fortnox.yaml")
    else:
        assert code in (0, 1)
        assert (code == 1) == bool(json.loads(out.getvalue())["findings"])
