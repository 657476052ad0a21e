"""A check imports only what it needs; what runs skip at run time is checked here instead."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from linter import yamlpos
from linter.cache import trusted_catalog_data
from linter.catalog import load_catalog
from linter.resources import data_dir, rules_dir
from linter.ruledefs import load_rules
from lintrun import REPO

PROBE = """
import json, sys
sys.argv = ["fortnox-lint", *sys.argv[1:]]
from linter.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""

HEAVY = ("jsonschema", "pygls", "lsprotocol", "linter.lsp", "xml", "concurrent", "multiprocessing")


def imported_by_check(root: Path, *args: str) -> tuple[int, set[str]]:
    return imported_by(root, "check", *args)


def imported_by(root: Path, *argv: str) -> tuple[int, set[str]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))


def test_warm_check_imports_no_validator_no_language_server_no_workers(tmp_path):
    (tmp_path / "fortnox.yaml").write_text("scopes: [invoice]\n")
    (tmp_path / "app.py").write_text('u = "https://api.fortnox.se/3/invoices"\n')
    code, cold = imported_by_check(tmp_path, "--format", "text")
    assert code == 0
    # first sight of this manifest: validated, and certainly valid without jsonschema (quickschema)
    assert "jsonschema" not in cold
    code, warm = imported_by_check(tmp_path, "--format", "text")
    assert code == 0
    assert heavy(warm) == []
    assert sorted(m for m in warm if m.startswith("linter.formatters.") and m.endswith("_format")) == [
        "linter.formatters.text_format"]


def test_version_reads_the_catalog_as_a_check_does(tmp_path):
    # No validating load (jsonschema, positions): that made --version take half a second.
    code, modules = imported_by(tmp_path, "--version")
    assert code == 0
    assert heavy(modules) == []
    assert "linter.scanner.lexer" not in modules


def test_shipped_rules_pass_their_schema():
    # Runs load the shipped rules without jsonschema; this is where they are validated.
    assert load_rules(rules_dir(), validate=True) == load_rules()


def test_shipped_catalog_is_valid_and_the_trusted_parse_is_the_same_data():
    # Runs parse the shipped catalog without positions or checks; here it is fully validated.
    path = data_dir() / "scopes.yaml"
    validated = load_catalog(path)
    located = yamlpos.load(path.read_text(encoding="utf-8"), str(path))
    assert trusted_catalog_data(path.read_bytes()) == located.data
    assert len(validated.endpoints) == len(located.data["endpoints"])


def test_libyaml_reads_the_shipped_rules_exactly_as_safe_load_does():
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(rules_dir().glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=loader) == yaml.safe_load(text), path.name


SCANNER_AND_CHECKS = ("linter.scanner.lexer", "linter.scanner.detect", "linter.scanner.extract",
                      "linter.scanner.project", "linter.scanner.work", "linter.scanner.syntax",
                      "linter.scanner.symbols", "linter.suppressions", "linter.baseline", "hashlib")


def test_warm_check_of_an_unchanged_project_imports_neither_scanner_nor_suppressions(tmp_path):
    # The whole scan and the findings are remembered: nothing needs lexing, resolving or checking.
    (tmp_path / "fortnox.yaml").write_text("scopes: [customer]\n")
    (tmp_path / "app.py").write_text('u = "https://api.fortnox.se/3/invoices"\n')
    old = 1_600_000_000 * 10**9  # outside the "racily clean" window, so the stat index trusts it
    for name in ("fortnox.yaml", "app.py"):
        os.utime(tmp_path / name, ns=(old, old))
    code, cold = imported_by_check(tmp_path, "--format", "json")
    assert code == 1  # invoice is missing: a finding, remembered like the rest
    assert {"linter.scanner.lexer", "linter.suppressions"} <= cold
    code, warm = imported_by_check(tmp_path, "--format", "json")
    assert code == 1
    assert sorted(m for m in warm if m in SCANNER_AND_CHECKS) == []


def test_jsonschema_is_imported_only_to_word_a_manifest_problem(tmp_path):
    (tmp_path / "fortnox.yaml").write_text("scopes: [invoice]\nservice_account: 1\n")
    (tmp_path / "app.py").write_text('u = "https://api.fortnox.se/3/invoices"\n')
    code, modules = imported_by_check(tmp_path, "--format", "text", "--no-cache")
    assert code == 1  # invalid-manifest: service_account is not a boolean
    assert "jsonschema" in modules
    (tmp_path / "fortnox.yaml").write_text("scopes: [invoice]\nservice_account: false\n")
    code, modules = imported_by_check(tmp_path, "--format", "text", "--no-cache")
    assert code == 0
    assert "jsonschema" not in modules
