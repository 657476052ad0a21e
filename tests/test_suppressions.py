"""Inline suppressions (`fortnox-lint: ignore[rule] reason`); the rule that reports those that
suppress nothing, unused-suppression (FNX901), is tested in tests/rules/test_unused_suppression.py."""

from __future__ import annotations

from conftest import suppression_report as found
from linter.scanner.extract import scan_text
from linter.catalog import load_catalog

# customer is requested and used, so only what each test adds is reported.
MANIFEST = {"fortnox.yaml": "scopes: [customer]\n", "c.py": "get('https://api.fortnox.se/3/customers')\n"}
INVOICES = "https://api.fortnox.se/3/invoices"


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
