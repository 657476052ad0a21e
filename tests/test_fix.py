"""--fix and --diff: the manifest's scope list rewritten in place, nothing else touched."""

from __future__ import annotations

import pytest

from conftest import write_project
from linter.errors import LintError
from linter.fix import rewrite
from test_cli import invoke

# Calls customers, invoices (high confidence) and euvatlimitregulation (a low-confidence mapping).
CODE = ("import requests\n"
        "requests.get('https://api.fortnox.se/3/customers')\n"
        "requests.post('https://api.fortnox.se/3/invoices')\n")

BLOCK = """\
# Our Fortnox app.
scopes:
  - customer            # the sync reads customers
  - supplier            # left over from the purchase module
  - article   # prices
licenses: [Kundfaktura]   # what customers hold
"""
BLOCK_FIXED = """\
# Our Fortnox app.
scopes:
  - customer            # the sync reads customers
  - invoice
licenses: [Kundfaktura]   # what customers hold
"""


def test_fix_block_list_keeps_comments_order_and_layout(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": BLOCK, "sync.py": CODE})
    result = invoke(tmp_path, "check", "--fix")
    assert (tmp_path / "fortnox.yaml").read_text() == BLOCK_FIXED
    assert (tmp_path / "sync.py").read_text() == CODE
    assert result.exit_code == 0
    assert result.stderr == ("fortnox-lint: fixed fortnox.yaml: added invoice; removed supplier, article; "
                             "tick the same scopes in the Fortnox Developer Portal\n")
    assert result.stdout == "All checks passed (2 files scanned).\n"


def test_fix_flow_list(tmp_path):
    manifest = "scopes: [supplier, customer, article]  # ticked in the portal\nservice_account: false\n"
    write_project(tmp_path, {"fortnox.yaml": manifest, "sync.py": CODE})
    assert invoke(tmp_path, "check", "--fix").exit_code == 0
    assert (tmp_path / "fortnox.yaml").read_text() == (
        "scopes: [customer, invoice]  # ticked in the portal\nservice_account: false\n")


def test_diff_shows_the_change_and_writes_nothing(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": BLOCK, "sync.py": CODE})
    result = invoke(tmp_path, "check", "--diff")
    assert (tmp_path / "fortnox.yaml").read_text() == BLOCK
    assert result.exit_code == 1
    assert result.output == """\
--- a/fortnox.yaml
+++ b/fortnox.yaml
@@ -1,6 +1,5 @@
 # Our Fortnox app.
 scopes:
   - customer            # the sync reads customers
-  - supplier            # left over from the purchase module
-  - article   # prices
+  - invoice
 licenses: [Kundfaktura]   # what customers hold
"""


def test_nothing_to_fix(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [customer, invoice]\n", "sync.py": CODE})
    result = invoke(tmp_path, "check", "--diff")
    assert (result.exit_code, result.output) == (0, "")


def test_low_confidence_and_suppressed_findings_are_not_fixed(tmp_path):
    code = ("import requests\n"
            "requests.get('https://api.fortnox.se/3/customers')\n"
            "# fortnox-lint: ignore[missing-scope] called with a partner's token\n"
            "requests.post('https://api.fortnox.se/3/invoices')\n"
            "requests.get('https://api.fortnox.se/3/euvatlimitregulation')  # a guessed mapping\n")
    write_project(tmp_path, {"fortnox.yaml": "scopes: [customer]\n", "sync.py": code})
    result = invoke(tmp_path, "check", "--diff")
    assert (result.exit_code, result.output) == (0, "")


def test_invalid_manifest_is_not_fixed(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": "scopes: [customer]\nscops: []\n", "sync.py": CODE})
    result = invoke(tmp_path, "check", "--fix")
    assert result.exit_code == 2
    assert result.output == ("fortnox-lint: error: fortnox.yaml: not fixing: the manifest has schema "
                             "problems (see invalid-manifest); correct them first\n")
    assert (tmp_path / "fortnox.yaml").read_text() == "scopes: [customer]\nscops: []\n"


def test_crlf_and_bom_are_kept(tmp_path):
    (tmp_path / "fortnox.yaml").write_bytes(b"\xef\xbb\xbfscopes:\r\n  - customer\r\n  - article\r\n")
    (tmp_path / "sync.py").write_text(CODE)
    assert invoke(tmp_path, "check", "--fix").exit_code == 0
    assert (tmp_path / "fortnox.yaml").read_bytes() == b"\xef\xbb\xbfscopes:\r\n  - customer\r\n  - invoice\r\n"


@pytest.mark.parametrize("text,add,remove,expected", [
    ("scopes: [a1, b2, c3]\n", [], ["b2"], "scopes: [a1, c3]\n"),
    ("scopes: [a1, b2, c3]\n", [], ["b2", "c3"], "scopes: [a1]\n"),
    ("scopes: [a1, b2, c3]\n", [], ["a1", "b2"], "scopes: [c3]\n"),
    ("scopes: [a1, b2]\n", ["z9"], ["a1", "b2"], "scopes: [z9]\n"),
    ("scopes: [ a1 ,b2,]\n", [], ["a1", "b2"], "scopes: [ ]\n"),
    ("scopes: []\n", ["a1", "b2"], [], "scopes: [a1, b2]\n"),
    ("scopes: ['a1', \"b2\"]\n", ["c3"], ["a1"], "scopes: [\"b2\", c3]\n"),
    ("scopes:\n- a1\n- b2  # x", ["c3"], [], "scopes:\n- a1\n- b2  # x\n- c3\n"),
    ("scopes:  # ours\n  - a1\n  - b2\nother: 1\n", [], ["a1", "b2"], "scopes: []  # ours\nother: 1\n"),
    ("scopes: [\n  a1,  # one\n  b2,  # two\n  c3   # three\n]\n", ["d4", "e5"], ["b2"],
     "scopes: [\n  a1,  # one\n  c3,   # three\n  d4,\n  e5\n]\n"),
    ("scopes: [\n  a1,  # one\n  b2,  # two\n]\n", ["c3"], ["b2"], "scopes: [\n  a1,  # one\n  c3,\n]\n"),
    ("scopes: [\n  a1,\n  b2,\n]\n", [], ["a1", "b2"], "scopes: [\n]\n"),
])
def test_rewrite(text, add, remove, expected):
    assert rewrite(text, add, remove) == expected


def test_rewrite_refuses_a_list_it_cannot_place():
    with pytest.raises(LintError, match="scopes is not a list"):
        rewrite("scopes: invoice\n", ["customer"], [])
