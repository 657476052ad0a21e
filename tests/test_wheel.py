"""The built wheel carries data/ and rules/: install it in a fresh venv and lint the example."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k != "FORTNOX_LINT_COMPILE"}  # the default build
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
                    str(REPO)], check=True, timeout=600, env=env)
    (wheel,) = (work / "dist").glob("fortnox_scope_lint-*.whl")
    assert wheel.name.endswith("-py3-none-any.whl")  # pure Python unless FORTNOX_LINT_COMPILE asks
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=600)
    return bindir


def _printed(installed: Path, code: str) -> str:
    """What ``code`` prints when the venv's Python runs it outside the checkout."""
    return subprocess.run([str(installed / "python"), "-c", code],
                          capture_output=True, text=True, check=True, cwd="/").stdout


def test_wheel_contains_data_and_rules(installed: Path):
    printed = _printed(installed, "import linter, pathlib; p = pathlib.Path(linter.__file__).parent; "
                                  "print(p); print(sorted(x.name for x in (p / '_data').iterdir())); "
                                  "print(len(list((p / '_rules').glob('*.yaml'))))")
    location, data, rule_count = printed.splitlines()
    assert location.startswith(str(installed.parent))  # imported from the venv, not the checkout
    assert {"scopes.yaml", "catalog.schema.json", "manifest.schema.json", "rule.schema.json"} <= set(eval(data))
    assert int(rule_count) >= 8


def test_wheel_carries_the_catalog_parsed_and_uses_it(installed: Path):
    # hatch_build.py parses data/scopes.yaml into the wheel: a run reads JSON, not the YAML
    printed = _printed(installed, "import json; from linter import cache; from linter.resources import data_dir; "
                                  "raw = (data_dir() / 'scopes.yaml').read_bytes(); "
                                  "print(json.dumps(cache.parsed_catalog_data(raw)))")
    assert json.loads(printed) == yaml.safe_load((REPO / "data" / "scopes.yaml").read_text(encoding="utf-8"))


def test_installed_tool_lints_the_example(installed: Path, tmp_path: Path):
    shutil.copytree(REPO / "examples" / "webshop", tmp_path / "webshop")
    run = subprocess.run([str(installed / "fortnox-lint"), "check", "--format", "text", "webshop"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 1, run.stderr
    assert run.stderr == ""
    assert ("webshop/fortnox.yaml:8:5: FNX003 [unknown-scope] 'noxfinanceinvoice' is not a Fortnox scope; "
            "did you mean 'noxfinansinvoice'?") in run.stdout
    assert "[missing-scope] POST /3/invoicepayments needs scope 'payment'" in run.stdout
    version = subprocess.run([str(installed / "fortnox-lint"), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("fortnox-lint 0.1.0 (catalog ")
    assert version.stdout.endswith("; pure Python)\n")  # the compiled build is asked for (test_compiled_build)
