"""The shipped example reports exactly its planted mistakes, core and FAQ rules alike."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE
from linter.engine import LintRequest, lint

EXPECTED = [
    ("legacy-auth", "admin/legacy_report.ts", 6, 7),
    ("legacy-auth", "admin/legacy_report.ts", 7, 7),
    ("unused-scope", "fortnox.yaml", 7, 5),
    ("license-not-covered", "fortnox.yaml", 7, 5),
    ("unknown-scope", "fortnox.yaml", 8, 5),
    ("redirect-uri-mismatch", "shop/fortnox_auth.py", 23, 25),
    ("auth-url-scope-missing", "shop/fortnox_auth.py", 24, 18),
    ("redirect-uri-mismatch", "shop/fortnox_auth.py", 38, 52),
    ("missing-scope", "shop/fortnox_client.py", 37, 38),
    ("unknown-endpoint", "shop/fortnox_client.py", 44, 33),
]


def test_example_findings():
    result = lint(LintRequest(cwd=EXAMPLE, paths=[Path(".")]))
    assert [(f.rule, f.path, f.line, f.column) for f in result.findings] == EXPECTED


def test_example_triggers_at_least_three_faq_rules():
    # FAQ rules have codes from FNX101 on; the core rules are FNX001-FNX008.
    findings = lint(LintRequest(cwd=EXAMPLE, paths=[Path(".")])).findings
    assert sorted({f.rule for f in findings if int(f.code[3:]) >= 100}) == [
        "auth-url-scope-missing", "legacy-auth", "redirect-uri-mismatch"]
