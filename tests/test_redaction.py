"""Secrets never leave the scanner: facts keep a redacted prefix, so no output format can print one."""

from __future__ import annotations

import json

import pytest

from conftest import write_project
from linter.engine import LintRequest, lint
from linter.formatters import FORMATTERS
from click.testing import CliRunner

from linter.cli import cli
from linter.redact import mask_secrets, redact

SECRET = "Zr4TqP8vNcW2"
JWT = ("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRJZCI6OTg3NjUsImNsaWVudGlkIjoiYWJjIn0."
       "bm90LWEtcmVhbC1zaWduYXR1cmUtYnV0LWxvbmctZW5vdWdo")
REFRESH = "9f86d081884c7d659a2feaa0c55ad015"


def test_redact_shows_a_short_prefix_and_the_length():
    assert redact(JWT) == f"eyJhbG…(redacted, {len(JWT)} chars)"
    assert redact(SECRET) == "Zr4…(redacted, 12 chars)"  # at most a quarter of a short secret
    assert redact("abc") == "…(redacted, 3 chars)"


@pytest.fixture
def leaky_project(tmp_path):
    write_project(tmp_path, {
        "fortnox.yaml": "scopes: [invoice]\n",
        "settings.py": f'FORTNOX_CLIENT_SECRET = "{SECRET}"\nREFRESH_TOKEN = "{REFRESH}"\n',
        "client.ts": f'const headers = {{ "Access-Token": "{JWT}", "Client-Secret": "{SECRET}" }};\n'
                     'fetch("https://api.fortnox.se/3/invoices", { headers });\n',
        "auth.html": f'<a href="https://apps.fortnox.se/oauth-v1/auth?client_id=x&client_secret={SECRET}'
                     f'&scope=invoice&state=s&response_type=code">go</a>\n',
        ".env": f"FORTNOX_ACCESS_TOKEN={JWT}\n",
    })
    return tmp_path


def test_the_project_does_report_its_secrets(leaky_project):
    found = [(f.path, f.line, f.column) for f in lint(LintRequest(cwd=leaky_project)).findings
             if f.rule == "hardcoded-credential"]
    assert found == [(".env", 1, 22), ("auth.html", 1, 74), ("client.ts", 1, 35), ("client.ts", 1, 189),
                     ("settings.py", 1, 25), ("settings.py", 2, 17)]


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_no_output_format_prints_a_secret(leaky_project, monkeypatch, name):
    # Through the command line, so formats that show or hash source lines get them, as users do.
    monkeypatch.chdir(leaky_project)
    result = CliRunner().invoke(cli, ["check", "--format", name], catch_exceptions=False)
    assert result.exit_code == 1
    assert "FNX202" in result.output or "hardcoded-credential" in result.output
    for secret in (SECRET, JWT, REFRESH, JWT[:20], SECRET[:6]):
        assert secret not in result.output, f"{name} output contains {secret[:4]}..."


def test_snippets_mask_secrets_even_for_other_findings_and_suppressed_ones(tmp_path, monkeypatch):
    write_project(tmp_path, {
        "fortnox.yaml": "scopes: [invoice]\n",
        "legacy.py": (f'headers = {{"Client-Secret": "{SECRET}"}}  # fortnox-lint: ignore[FNX202] rotated\n'
                      'requests.get("https://api.fortnox.se/3/invoices", headers=headers)\n')})
    monkeypatch.chdir(tmp_path)
    output = CliRunner().invoke(cli, ["check", "--format", "full", "--select", "legacy-auth"]).output
    assert '    1 | headers = {"Client-Secret": "************"}  # fortnox-lint: ignore[FNX202] rotated' in output
    assert SECRET not in output


def test_mask_keeps_quotes_and_width():
    from linter.scanner.uses import Fact
    facts = [Fact("credential", "a.py", 1, 5, {"end_line": 1, "end_column": 13}),
             Fact("credential", "a.py", 1, 15, {"end_line": 1, "end_column": 21}),
             Fact("credential", "b.py", 1, 1, {"end_line": 1, "end_column": 3}),
             Fact("credential", "c.env", 1, 7, {})]  # no end known: to the end of the line
    assert mask_secrets({"a.py": ('x = "abcdef", f"xyz"', "next"), "c.env": ("TOKEN=abc123",)}, facts) == {
        "a.py": ('x = "******", f"***"', "next"), "c.env": ("TOKEN=******",)}


def test_no_fact_or_finding_holds_a_secret(leaky_project):
    result = lint(LintRequest(cwd=leaky_project))
    dumped = json.dumps([f.to_dict() for f in result.findings]) + repr(result.scan.facts)
    for secret in (SECRET, JWT, REFRESH):
        assert secret not in dumped
