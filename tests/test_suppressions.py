"""Inline suppressions (`fortnox-lint: ignore[rule] reason`) and unused-suppression (FNX901)."""

from __future__ import annotations

from pathlib import Path

from conftest import write_project
from linter.engine import LintRequest, lint
from linter.scanner.extract import scan_text
from linter.catalog import load_catalog

# customer is requested and used, so only what each test adds is reported.
MANIFEST = {"fortnox.yaml": "scopes: [customer]\n", "c.py": "get('https://api.fortnox.se/3/customers')\n"}
INVOICES = "https://api.fortnox.se/3/invoices"


def found(root: Path, files: dict[str, str], **request) -> list[tuple]:
    write_project(root, files)
    return [(f.rule, f.path, f.line, f.column, f.message) if f.rule == "unused-suppression"
            else (f.rule, f.path, f.line) for f in lint(LintRequest(cwd=root, **request)).findings]


def test_trailing_comment_covers_its_own_line_only(tmp_path):
    code = (f"get('{INVOICES}')  # fortnox-lint: ignore[missing-scope] read through a partner token\n"
            f"get('{INVOICES}')\n")
    assert found(tmp_path, dict(MANIFEST, **{"a.py": code})) == [("missing-scope", "a.py", 2)]


def test_comment_alone_on_a_line_covers_the_next_line(tmp_path):
    code = (f"// fortnox-lint: ignore[FNX001] legacy report, removed in v3\n"
            f"fetch('{INVOICES}');\n"
            f"fetch('{INVOICES}');\n")
    assert found(tmp_path, dict(MANIFEST, **{"a.js": code})) == [("missing-scope", "a.js", 3)]


def test_block_comment_and_several_rules(tmp_path):
    code = (f"/* fortnox-lint: ignore[missing-scope, unknown-endpoint] migrating */\n"
            f"var a = \"{INVOICES}\";\n")
    assert found(tmp_path, dict(MANIFEST, **{"A.java": code})) == [
        ("unused-suppression", "A.java", 1, 4,
         "suppression of unknown-endpoint suppresses nothing: no unknown-endpoint finding on line 2"),
    ]


def test_marker_inside_a_string_is_not_a_suppression(tmp_path):
    code = f"x = ['{INVOICES}', 'fortnox-lint: ignore[missing-scope]']\n"
    assert found(tmp_path, dict(MANIFEST, **{"a.py": code})) == [("missing-scope", "a.py", 1)]


def test_manifest_comment_suppresses_unused_scope(tmp_path):
    files = {"fortnox.yaml": ("scopes:\n"
                              "  - customer\n"
                              "  - article   # fortnox-lint: ignore[unused-scope] the nightly job uses it\n"),
             "a.py": "get('https://api.fortnox.se/3/customers')\n"}
    assert found(tmp_path, files) == []


def test_manifest_excluded_from_the_scan_still_counts(tmp_path):
    files = {"fortnox.yaml": ("scopes: [customer, article]  # fortnox-lint: ignore[unused-scope] cron\n"
                              "exclude: ['*.yaml']\n"),
             "src/a.py": "get('https://api.fortnox.se/3/customers')\n"}
    assert found(tmp_path, files) == []


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


def test_extracted_fact_is_json_friendly_with_reason_and_target():
    text = "x = 1\n  /* fortnox-lint: ignore[FNX001 , unused-scope] partner token */\ny = 2\n"
    facts = scan_text(text, "a.js", "javascript", load_catalog()).facts
    assert [(f.kind, f.line, f.column, f.data) for f in facts] == [
        ("suppression", 2, 6, {"rules": ["FNX001", "unused-scope"], "reason": "partner token", "target": 3}),
    ]


def test_unlexed_files_quoting_the_syntax_do_not_suppress(tmp_path):
    # A SARIF report or README in the project quotes the syntax; only a real comment counts.
    from linter.scanner.facts import FileView
    from linter.scanner.facts.suppression import extract
    from linter.scanner.lexer import LineIndex

    def facts(name: str, text: str) -> list[tuple[int, int]]:
        view = FileView(text, name, None, None, LineIndex(text))
        return [(f.line, f.data["target"]) for f in extract(view)]

    quoted = 'Add `# fortnox-lint: ignore[missing-scope] reason` on the line.\n'
    assert facts("results.sarif", '{"text": "# fortnox-lint: ignore[missing-scope] x"}\n') == []
    assert facts("README.md", quoted) == []
    assert facts("settings.ini", "url = x  # fortnox-lint: ignore[unknown-endpoint] old\n") == [(1, 1)]
    assert facts("config.toml", "# fortnox-lint: ignore[unknown-endpoint] old\nurl = 1\n") == [(1, 2)]
