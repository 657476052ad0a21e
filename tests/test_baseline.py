"""--write-baseline / --baseline: adopt the linter and fail only on new findings."""

from __future__ import annotations

import hashlib
import json

from conftest import write_project
from test_cli import invoke

MANIFEST = "scopes: [customer, article]\n"
CODE = ("import requests\n"
        "def sync(s):\n"
        "    s.get('https://api.fortnox.se/3/customers')\n"
        "    s.post('https://api.fortnox.se/3/invoices')\n"
        "    s.post('https://api.fortnox.se/3/invoices')\n")


def line_hash(stripped_line: str) -> str:
    return hashlib.sha256(stripped_line.encode()).hexdigest()[:16]


def test_write_baseline_document(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": MANIFEST, "src/sync.py": CODE})
    (tmp_path / "lint").mkdir()
    result = invoke(tmp_path, "check", "--write-baseline", "lint/baseline.json")
    assert (result.exit_code, result.stderr, result.stdout) == (
        0, "fortnox-lint: wrote lint/baseline.json (3 findings)\n", "")
    document = json.loads((tmp_path / "lint/baseline.json").read_text())
    assert document == {"tool": "fortnox-scope-lint", "version": 1, "findings": [
        {"rule": "missing-scope", "code": "FNX001", "path": "../src/sync.py",
         "fingerprint": line_hash("s.post('https://api.fortnox.se/3/invoices')"), "count": 2,
         "message": "POST /3/invoices needs scope 'invoice', which fortnox.yaml does not request; "
                    "Fortnox will answer \"Missing rights\" at run time"},
        {"rule": "unused-scope", "code": "FNX002", "path": "../fortnox.yaml",
         "fingerprint": line_hash("scopes: [customer, article]"), "count": 1,
         "message": "scope 'article' is requested but no scanned code calls an endpoint that needs it; "
                    "every extra scope is more the customer must consent to and more licences they may need"},
    ]}


def test_baseline_survives_unrelated_line_moves_and_reports_only_new(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": MANIFEST, "src/sync.py": CODE})
    assert invoke(tmp_path, "check", "--write-baseline", "baseline.json").exit_code == 0
    # Unrelated lines above every finding, in the code and in the manifest.
    write_project(tmp_path, {
        "fortnox.yaml": "# The app\n\n" + MANIFEST,
        "src/sync.py": "'''Sync.'''\n\nimport os\n" + CODE,
    })
    clean = invoke(tmp_path, "check", "--baseline", "baseline.json")
    assert (clean.exit_code, clean.stdout) == (0, "All checks passed (3 files scanned).\n")
    assert clean.stderr == "fortnox-lint: 3 findings hidden by the baseline baseline.json\n"
    # A new problem: a third identical call and an orders call. Only those are reported.
    (tmp_path / "src/sync.py").write_text("'''Sync.'''\n\nimport os\n" + CODE
                                          + "    s.post('https://api.fortnox.se/3/invoices')\n"
                                          + "    s.get('https://api.fortnox.se/3/orders')\n")
    new = invoke(tmp_path, "check", "--baseline", "baseline.json", "--format", "json")
    assert new.exit_code == 1
    assert [(f["rule"], f["path"], f["line"]) for f in json.loads(new.stdout)["findings"]] == [
        ("missing-scope", "src/sync.py", 9), ("missing-scope", "src/sync.py", 10)]


def test_editing_the_line_itself_makes_it_new_and_stale_entries_are_counted(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": MANIFEST, "src/sync.py": CODE})
    invoke(tmp_path, "check", "--write-baseline", "baseline.json")
    (tmp_path / "src/sync.py").write_text(CODE.replace("    s.get('https://api.fortnox.se/3/customers')\n", "")
                                          .replace("    s.post('https://api.fortnox.se/3/invoices')\n",
                                                   "    s.post('https://api.fortnox.se/3/invoices', json=body)\n", 1))
    (tmp_path / "fortnox.yaml").write_text("scopes: [customer, article]\n")
    result = invoke(tmp_path, "check", "--baseline", "baseline.json", "--select", "missing-scope")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("src/sync.py:3:12: FNX001 [missing-scope] POST /3/invoices")
    assert result.stderr == ("fortnox-lint: 1 finding hidden by the baseline baseline.json\n"
                             "fortnox-lint: 2 baseline entries no longer occur; rewrite the baseline with "
                             "--write-baseline\n")


def test_one_stale_entry_is_counted_in_the_singular(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": MANIFEST, "src/sync.py": CODE})
    invoke(tmp_path, "check", "--write-baseline", "baseline.json")
    (tmp_path / "src/sync.py").write_text(CODE.replace("    s.post('https://api.fortnox.se/3/invoices')\n",
                                                       "    s.post('https://api.fortnox.se/3/invoices', json=b)\n", 1))
    result = invoke(tmp_path, "check", "--baseline", "baseline.json")
    assert result.stderr.splitlines()[-1] == ("fortnox-lint: 1 baseline entry no longer occurs; rewrite the "
                                              "baseline with --write-baseline")


def test_baseline_paths_do_not_depend_on_the_working_folder(tmp_path):
    write_project(tmp_path, {"app/fortnox.yaml": MANIFEST, "app/src/sync.py": CODE})
    invoke(tmp_path / "app", "check", "--write-baseline", "baseline.json")
    result = invoke(tmp_path, "check", "app", "--baseline", "app/baseline.json")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (3 files scanned).\n")


def test_missing_and_broken_baselines_exit_2(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": MANIFEST, "src/sync.py": CODE,
                             "bad.json": '{\n "tool": ]',
                             "other.json": '{"tool": "eslint", "version": 1, "findings": []}'})
    assert invoke(tmp_path, "check", "--baseline", "none.json").output == (
        "fortnox-lint: error: none.json: baseline not found (create it with --write-baseline)\n")
    assert invoke(tmp_path, "check", "--baseline", "bad.json").output == (
        "fortnox-lint: error: bad.json:2:10: baseline is not valid JSON: Expecting value\n")
    result = invoke(tmp_path, "check", "--baseline", "other.json")
    assert (result.exit_code, result.output) == (
        2, "fortnox-lint: error: other.json: not a fortnox-lint baseline (tool: 'fortnox-scope-lint' was expected)\n")


def test_write_baseline_excludes_other_modes(tmp_path):
    write_project(tmp_path, {"fortnox.yaml": MANIFEST, "src/sync.py": CODE})
    result = invoke(tmp_path, "check", "--write-baseline", "b.json", "--fix")
    assert result.exit_code == 2
    assert "--write-baseline cannot be combined with --baseline, --fix or --diff" in result.output
    assert not (tmp_path / "b.json").exists()
