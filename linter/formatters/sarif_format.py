"""SARIF 2.1.0, the subset GitHub code scanning reads (rules with help, results, fingerprints)."""

from __future__ import annotations

import re
from urllib.parse import quote

from linter.finding import Finding
from linter.formatters.base import Report, json_text, one_line
from linter.formatters.fingerprint import fingerprints
from linter.ruledefs import RuleDef

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/fortnox-scope-lint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays a relative URI reference; an absolute one becomes a file: URI."""
    if path.startswith("/") or re.match(r"[A-Za-z]:/", path):
        absolute = path if path.startswith("/") else "/" + path
        return "file://" + quote(absolute, safe="/:", errors="surrogateescape")
    return quote(path, safe="/", errors="surrogateescape")


def _rule(rule: RuleDef) -> dict:
    rationale = one_line(rule.rationale)
    fix = one_line(rule.fix)
    error_text = f"Fortnox error it prevents: \"{rule.fortnox_error}\"\n\n" if rule.fortnox_error else ""
    error_md = f"**Fortnox error it prevents:** `{rule.fortnox_error}`\n\n" if rule.fortnox_error else ""
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": one_line(rule.summary)},
        "fullDescription": {"text": rationale},
        "help": {
            "text": f"{rationale}\n\n{error_text}How to fix: {fix}",
            "markdown": f"{rationale}\n\n{error_md}**How to fix:** {fix}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["fortnox", "oauth-scopes", rule.name]},
    }


def _result(finding: Finding, index: int | None, fingerprint: tuple[str, int]) -> dict:
    region: dict = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    if finding.end_line is not None:
        region["endLine"] = finding.end_line
    if finding.end_column is not None:
        region["endColumn"] = finding.end_column
    result: dict = {"ruleId": finding.code}
    if index is not None:
        result["ruleIndex"] = index
    digest, occurrence = fingerprint
    result.update({
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(finding.path)},
            "region": region,
        }}],
        "partialFingerprints": {"primaryLocationLineHash": f"{digest[:16]}:{occurrence}"},
    })
    if finding.fix:
        result["properties"] = {"fix": one_line(finding.fix)}
    return result


def render(report: Report) -> str:
    rules = sorted(report.rules.values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    driver = {
        "name": "fortnox-scope-lint",
        "version": report.tool_version,
        "semanticVersion": report.tool_version,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(rule) for rule in rules],
    }
    results = [_result(f, index.get(f.code), fp) for f, fp in zip(report.findings, fingerprints(report))]
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json_text(document)
