"""The FAQ rules through the command line: listed, explained, and reported."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import write_project
from linter.checks import CHECKS
from linter.cli import cli
from linter.ruledefs import load_rules

FAQ_RULES = {
    "FNX101": ("auth-url-scope-not-declared", "Error: An unsupported scope was requested"),
    "FNX102": ("auth-url-scope-missing", "Missing rights to list/create order/invoice/quote etc."),
    "FNX103": ("redirect-uri-mismatch", "RedirectURI is missing or mismatch"),
    "FNX104": ("service-account-not-allowed", "Error: Client does not allow service account"),
    "FNX105": ("oauth2-not-enabled", "Error: Auth code or ClientID supplied is invalid"),
    "FNX106": ("invalid-auth-url", "Error: An unsupported scope was requested"),
    "FNX201": ("legacy-auth", "Why can’t the customer find my connection in the list in Manage Users?"),
    "FNX202": ("hardcoded-credential", "Error: Invalid refresh token"),
    "FNX301": ("warehouse-scopes", "Error: Missing rights (Warehouse)"),
    "FNX302": ("purchasable-not-published", "Error: Resource owner does not have enough licenses"),
    "FNX401": ("scope-added-needs-reauthorization",
               "Why do I have access to more scopes on one of my connections than to the other?"),
}


def test_rules_lists_every_faq_rule_with_its_faq_question():
    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    listed = {r["code"]: (r["name"], r["faq"]) for r in json.loads(result.output)}
    assert {code: listed[code] for code in FAQ_RULES} == FAQ_RULES
    assert set(CHECKS) >= {name for name, _ in FAQ_RULES.values()}


@pytest.mark.parametrize("code", sorted(FAQ_RULES))
def test_rule_explains_where_it_comes_from(code):
    name, faq = FAQ_RULES[code]
    result = CliRunner().invoke(cli, ["rule", name])
    assert result.exit_code == 0
    assert result.output.startswith(f"{code} {name} (")
    assert f'From the Fortnox FAQ: "{faq}"' in result.output
    rule = load_rules()[name]
    if rule.fortnox_error:
        assert f'Fortnox error it prevents: "{rule.fortnox_error}"' in result.output
        # the rationale quotes the exact error text (line breaks in the YAML aside)
        assert f'"{rule.fortnox_error}"' in " ".join(rule.rationale.split())


def test_check_json_carries_the_fortnox_error(tmp_path, monkeypatch):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [invoice]\noauth2: false\n",
                             "a.py": 'A = "https://apps.fortnox.se/oauth-v1/auth"\n'})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "FNX105"])
    assert result.exit_code == 1
    [finding] = json.loads(result.output)["findings"]
    assert (finding["code"], finding["path"], finding["line"], finding["column"]) == ("FNX105", "a.py", 1, 5)
    assert finding["fortnox_error"] == "Auth code or ClientID supplied is invalid"


def test_broken_lock_file_exits_2_without_a_traceback(tmp_path, monkeypatch):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [invoice]\n", "fortnox.lock": "authorized_scopes: [a\n"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.startswith("fortnox-lint: error: fortnox.lock:")
