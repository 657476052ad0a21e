"""unused-suppression (FNX901): a suppression comment that suppresses nothing."""

from __future__ import annotations

from conftest import suppression_report as found

# customer is requested and used, so only what each test adds is reported.
MANIFEST = {"fortnox.yaml": "scopes: [customer]\n", "c.py": "get('https://api.fortnox.se/3/customers')\n"}
INVOICES = "https://api.fortnox.se/3/invoices"


def test_unused_suppression_is_reported_with_position(tmp_path):
    code = ("import requests\n"
            "    # fortnox-lint: ignore[missing-scope] was needed before the refactor\n"
            "requests.get('https://api.fortnox.se/3/customers')\n")
    assert found(tmp_path, dict(MANIFEST, **{"a.py": code})) == [
        ("unused-suppression", "a.py", 2, 7,
         "suppression of missing-scope suppresses nothing: no missing-scope finding on line 3"),
    ]


def test_blanket_ignore_is_not_supported_and_reported(tmp_path):
    code = f"get('{INVOICES}')  # fortnox-lint: ignore\n"
    assert found(tmp_path, dict(MANIFEST, **{"a.py": code})) == [
        ("missing-scope", "a.py", 1),
        ("unused-suppression", "a.py", 1, 45,
         "suppression names no rule, so it suppresses nothing; write "
         "'fortnox-lint: ignore[rule-name] reason' (there is no blanket ignore)"),
    ]


def test_unknown_rule_gets_a_suggestion(tmp_path):
    code = f"get('{INVOICES}')  # fortnox-lint: ignore[mising-scope]\n"
    assert found(tmp_path, dict(MANIFEST, **{"a.py": code})) == [
        ("missing-scope", "a.py", 1),
        ("unused-suppression", "a.py", 1, 45,
         "suppression names unknown rule 'mising-scope'; did you mean 'missing-scope'?"),
    ]


def test_unused_suppression_cannot_be_suppressed_inline(tmp_path):
    code = ("# fortnox-lint: ignore[unused-suppression]\n"
            "# fortnox-lint: ignore[missing-scope]\n"
            "get('https://api.fortnox.se/3/customers')\n")
    assert found(tmp_path, dict(MANIFEST, **{"a.py": code})) == [
        ("unused-suppression", "a.py", 1, 3,
         "unused-suppression cannot be suppressed inline; ignore it in the configuration "
         "(ignore or per-path-ignores) instead"),
        ("unused-suppression", "a.py", 2, 3,
         "suppression of missing-scope suppresses nothing: no missing-scope finding on line 3"),
    ]


def test_unused_suppression_can_be_ignored_by_configuration(tmp_path):
    code = "# fortnox-lint: ignore[missing-scope]\nget('https://api.fortnox.se/3/customers')\n"
    files = {"fortnox.yaml": "scopes: [customer]\nlint:\n  per-path-ignores: {'legacy/*': [FNX901]}\n",
             "legacy/a.py": code, "b.py": code}
    assert [f[:3] for f in found(tmp_path, files)] == [("unused-suppression", "b.py", 1)]


def test_rules_that_did_not_run_are_not_judged(tmp_path):
    code = "# fortnox-lint: ignore[missing-scope]\nget('https://api.fortnox.se/3/customers')\n"
    files = dict(MANIFEST, **{"a.py": code})
    assert found(tmp_path, files, ignore={"missing-scope"}) == []
