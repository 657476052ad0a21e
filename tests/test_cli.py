"""The command line, end to end through click: exact output documents and exit codes."""

from __future__ import annotations

import importlib.machinery
import json
import os
from pathlib import Path

from click.testing import CliRunner

from conftest import write_project
from linter import __version__
from linter.cli import cli
from linter.compiled import COMPILED_MODULES, build_description

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT = {
    "fortnox.yaml": "scopes:\n  - customer\n  - article\nlicenses: [Kundfaktura]\n",
    "src/sync.py": (
        "import requests\n"
        "\n"
        "def sync(s):\n"
        "    s.get('https://api.fortnox.se/3/customers')\n"
        "    s.post(f'https://api.fortnox.se/3/invoices/{n}/bookkeep')\n"
    ),
}


def invoke(root: Path, *args: str, input: str | None = None):
    """Run the CLI in ``root`` as a user would from that folder."""
    old = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_check_text(tmp_path):
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "check", "--format", "text")
    assert result.exit_code == 1
    assert result.output == (
        "fortnox.yaml:3:5: FNX002 [unused-scope] scope 'article' is requested but no scanned code calls "
        "an endpoint that needs it; every extra scope is more the customer must consent to and more "
        "licences they may need\n"
        "src/sync.py:5:12: FNX001 [missing-scope] POST /3/invoices/{}/bookkeep needs scope 'invoice', "
        "which fortnox.yaml does not request; Fortnox will answer \"Missing rights\" at run time\n"
        "Found 2 problems (1 error, 1 warning) in 2 files.\n"
    )


def test_check_json(tmp_path):
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "check", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["summary"] == {"total": 2, "error": 1, "warning": 1, "info": 0, "files_scanned": 2}
    assert document["tool"]["name"] == "fortnox-scope-lint"
    assert document["findings"][1] == {
        "code": "FNX001", "rule": "missing-scope", "severity": "error",
        "message": "POST /3/invoices/{}/bookkeep needs scope 'invoice', which fortnox.yaml does not "
                   "request; Fortnox will answer \"Missing rights\" at run time",
        "path": "src/sync.py", "line": 5, "column": 12, "end_line": None, "end_column": None,
        "fix": "Add invoice to scopes in fortnox.yaml and tick it in the Fortnox Developer Portal; "
               "existing connections must authorize again.",
        "fortnox_error": "Missing rights to list/create order/invoice/quote etc.",
    }


def test_clean_project_exits_zero(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [customer]\n",
                             "a.go": 'const u = "https://api.fortnox.se/3/customers"\n'})
    result = invoke(tmp_path, "check", "--format", "text")
    assert (result.exit_code, result.output) == (0, "All checks passed (2 files scanned).\n")


def test_select_and_ignore(tmp_path):
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "check", "--format", "text", "--select", "FNX002")
    assert [line.split(" ")[1] for line in result.output.splitlines()[:-1]] == ["FNX002"]
    result = invoke(tmp_path, "check", "--format", "text", "--ignore", "unused-scope,missing-scope")
    assert (result.exit_code, result.output) == (0, "All checks passed (2 files scanned).\n")
    result = invoke(tmp_path, "check", "--ignore", "no-such-rule")
    assert result.exit_code == 2
    assert "unknown rule 'no-such-rule'" in result.output


def test_missing_manifest_is_exit_2(tmp_path):
    write_project(tmp_path, {"a.py": "x = 1\n"})
    result = invoke(tmp_path, "check")
    assert result.exit_code == 2
    assert result.output == (
        "fortnox-lint: error: no fortnox.yaml found in . or any folder above it; create one (see the "
        "README's manifest reference) or pass --manifest\n")


def test_nonexistent_path_is_exit_2(tmp_path):
    write_project(tmp_path, PROJECT)
    result = invoke(tmp_path, "check", "nope/")
    assert (result.exit_code, result.output) == (2, "fortnox-lint: error: nope: no such file or folder\n")


def test_broken_manifest_is_exit_2_with_position(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [invoice\n"})
    result = invoke(tmp_path, "check")
    assert result.exit_code == 2
    assert result.output == ("fortnox-lint: error: fortnox.yaml:2:1: invalid YAML: expected ',' or ']', "
                             "but got '<stream end>'\n")


def test_explicit_manifest(tmp_path):
    write_project(tmp_path, dict(PROJECT, **{"config/app.yaml": "scopes: [customer, invoice]\n"}))
    result = invoke(tmp_path, "check", "--format", "text", "--manifest", "config/app.yaml", "src")
    assert (result.exit_code, result.output) == (0, "All checks passed (2 files scanned).\n")


def test_scopes_json(tmp_path):
    write_project(tmp_path, {"a.py": "x = 'https://api.fortnox.se/3/supplierinvoices'\n",
                             "b.js": "axios.get('/3/orders/' + id)\n"})
    result = invoke(tmp_path, "scopes", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output) == {
        "uses": [
            {"path": "a.py", "line": 1, "column": 5, "method": None, "endpoint": "/3/supplierinvoices",
             "template": "/3/supplierinvoices", "resource": "Supplier Invoices", "scope": "supplierinvoice",
             "how": "url", "confidence": "high", "why": "the URL or API path is written in full"},
            {"path": "b.js", "line": 1, "column": 11, "method": "GET", "endpoint": "/3/orders/{}",
             "template": "/3/orders/{DocumentNumber}", "resource": "Orders", "scope": "order",
             "how": "concatenation", "confidence": "high", "why": "built from parts: /3/orders/{}"},
        ],
        "scopes": ["order", "supplierinvoice"],
        "license_options": [["Bokföring", "Order"]],
        "unknown_endpoints": [],
    }


def test_scopes_text(tmp_path):
    write_project(tmp_path, {"a.py": "x = 'https://api.fortnox.se/3/supplierinvoices'\n"})
    result = invoke(tmp_path, "scopes", "--explain")
    assert result.exit_code == 0
    assert result.output == (
        "Scopes the code needs (least privilege):\n"
        "  supplierinvoice  Supplier Invoice       licence: Bokföring                          1 call site\n"
        "      a.py:1:5  /3/supplierinvoices  [url, high]\n"
        "\n"
        "Licence combinations that cover them (any one is enough):\n"
        "  Bokföring\n"
        "\n"
        "For fortnox.yaml:  scopes: [supplierinvoice]\n")


def test_rules_and_rule(tmp_path):
    result = invoke(tmp_path, "rules")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].split() == ["FNX001", "missing-scope", "error", "The", "code",
                                                     "calls", "a", "Fortnox", "endpoint", "whose", "scope",
                                                     "the", "manifest", "does", "not", "request."]
    by_code = invoke(tmp_path, "rule", "FNX003")
    by_name = invoke(tmp_path, "rule", "unknown-scope")
    assert by_code.output == by_name.output
    assert by_name.output.startswith("FNX003 unknown-scope (error)\n\nThe manifest names a scope")
    assert 'Fortnox error it prevents: "An unsupported scope was requested"' in by_name.output
    missing = invoke(tmp_path, "rule", "nope")
    assert missing.exit_code == 2


def test_version(tmp_path):
    result = invoke(tmp_path, "--version")
    assert result.output == f"fortnox-lint {__version__} (catalog 2026.11.21; {build_description()})\n"


def test_version_says_which_modules_run_compiled(tmp_path):
    scanner = tmp_path / "linter" / "scanner"
    scanner.mkdir(parents=True)
    assert build_description(tmp_path) == "pure Python"
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (scanner / f"lexer{suffix}").write_bytes(b"")
    assert build_description(tmp_path) == "partly compiled: lexer"
    for module in COMPILED_MODULES:
        (tmp_path.joinpath(*module.split(".")).with_suffix(suffix)).write_bytes(b"")
    assert build_description(tmp_path) == "compiled"


def test_catalog_diff(tmp_path):
    result = invoke(tmp_path, "catalog", "diff", str(FIXTURES / "mini-openapi.json"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:2] == ["Paths in the OpenAPI document the catalog does not map (1):", "  /3/brandnewthings"]
    assert lines[2].startswith("Catalog paths the OpenAPI document lacks (")
    assert "  /3/orders" in lines
    assert "  /3/customers" not in lines  # a trailing slash is the same path


def test_catalog_diff_bad_document(tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    result = invoke(tmp_path, "catalog", "diff", "bad.json")
    assert (result.exit_code, result.output) == (
        2, "fortnox-lint: error: bad.json:1:2: not valid JSON: Expecting property name enclosed in double quotes\n")
