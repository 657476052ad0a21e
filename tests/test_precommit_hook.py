"""The pre-commit hook: its `files` pattern, and the real `pre-commit try-repo` blocking a commit.

The end-to-end tests build a throwaway git repository holding this project's package (so they
work from a fresh clone, an sdist, or a working tree with uncommitted changes) and lint a small
integration in another throwaway repository. pre-commit installs the hook into a virtualenv,
which needs PyPI (hatchling, pyyaml, jsonschema, click). try-repo always installs into a fresh
temporary store, so it runs twice; the installed-hook test shares a private PRE_COMMIT_HOME.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, write_project

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
HOOK = HOOKS[0]
PACKAGE_FILES = ["linter", "data", "rules", "pyproject.toml", "hatch_build.py", "README.md", ".pre-commit-hooks.yaml"]


def test_hook_lints_the_whole_project() -> None:
    assert [h["id"] for h in HOOKS] == ["fortnox-lint"]
    assert HOOK["entry"] == "fortnox-lint check"
    assert HOOK["language"] == "python"
    assert HOOK["pass_filenames"] is False
    assert HOOK["require_serial"] is True


@pytest.mark.parametrize("path", [
    "fortnox.yaml", "fortnox.yml", "deploy/FORTNOX.YAML",
    "app.py", "src/sync.pyw", "web/a.js", "a.mjs", "a.cjs", "ui/App.jsx", "a.ts", "ui/App.tsx", "a.mts",
    "a.cts", "index.php", "Client.cs", "Client.java", "Sync.kt", "build.gradle.kts", "main.go", "sync.rb",
    "tasks/sync.rake", "lib/sync.ex", "test/sync_test.exs", "src/App.vue", "src/Invoice.svelte",
    "templates/connect.html", "public/index.htm", "scripts/sync.sh", "bin/deploy.bash",
    ".env", "config/.env.production", "prod.env", "config/settings.json", "config.yml", "pyproject.toml",
    "setup.cfg", "app.ini", "nginx.conf", "application.properties", "pom.xml",
])
def test_files_pattern_matches_manifest_source_and_config(path: str) -> None:
    assert re.search(HOOK["files"], path)


@pytest.mark.parametrize("path", [
    "README.md", "docs/guide.rst", "logo.png", "Makefile", "Dockerfile", "LICENSE", "envfile", ".envrc",
    "fortnox.yaml.bak", "app.py.orig", "style.css", "data.csv", "src/pyfile", "page.html.orig",
])
def test_files_pattern_skips_everything_else(path: str) -> None:
    assert not re.search(HOOK["files"], path)


# --- the real pre-commit ---------------------------------------------------------------------

INTEGRATION = {
    "fortnox.yaml": "scopes: [customer]\n",
    "sync.py": ("import requests\n"
                "requests.get('https://api.fortnox.se/3/customers')\n"
                "requests.get('https://api.fortnox.se/3/invoices')\n"),
}


def _git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    (home / "gitconfig").touch()
    env.update(GIT_CONFIG_GLOBAL=str(home / "gitconfig"), GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com",
               PRE_COMMIT_HOME=str(home / "pre-commit"), PRE_COMMIT_COLOR="never")
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _git(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    done = _run(["git", *args], cwd, env)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """(hook repository, its commit, environment) shared by the module: pre-commit installs once."""
    home = tmp_path_factory.mktemp("precommit-home")
    env = _git_env(home)
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in PACKAGE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, repo / name)
    _git(repo, env, "init", "-q")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "hook")
    rev = _git(repo, env, "rev-parse", "HEAD").stdout.strip()
    return repo, rev, env


def _integration(root: Path, env: dict[str, str]) -> Path:
    write_project(root, INTEGRATION)
    _git(root, env, "init", "-q")
    _git(root, env, "add", "-A")
    return root


def _try_repo(root: Path, hook_repo: tuple[Path, str, dict[str, str]]) -> subprocess.CompletedProcess:
    repo, rev, env = hook_repo
    return _run([sys.executable, "-m", "pre_commit", "try-repo", str(repo), "fortnox-lint", "--ref", rev],
                root, env)


def test_try_repo_blocks_while_a_scope_is_missing_and_passes_once_added(tmp_path: Path, hook_repo) -> None:
    env = hook_repo[2]
    root = _integration(tmp_path, env)
    blocked = _try_repo(root, hook_repo)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert re.search(r"^fortnox-lint \(Fortnox scopes and licences\)\.+Failed$", blocked.stdout, re.M)
    assert ("sync.py:3:14: FNX001 [missing-scope] GET /3/invoices needs scope 'invoice', which fortnox.yaml "
            "does not request; Fortnox will answer \"Missing rights\" at run time\n"
            "Found 1 problem (1 error) in 1 file.\n") in blocked.stdout

    write_project(root, {"fortnox.yaml": "scopes: [customer, invoice]\n"})
    _git(root, env, "add", "fortnox.yaml")
    passed = _try_repo(root, hook_repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^fortnox-lint \(Fortnox scopes and licences\)\.+Passed$", passed.stdout, re.M)


def _commit(root: Path, env: dict[str, str], message: str) -> tuple[int, str]:
    """Exit code and the hook's report (git hands a hook's output to stderr)."""
    done = _run(["git", "commit", "-m", message], root, env)
    return done.returncode, done.stdout + done.stderr


def test_installed_hook_runs_only_for_relevant_files_and_blocks_the_commit(tmp_path: Path, hook_repo) -> None:
    repo, rev, env = hook_repo  # pre-commit's own store (PRE_COMMIT_HOME): one install for this test
    root = _integration(tmp_path, env)
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: fortnox-lint\n",
        encoding="utf-8")
    _git(root, env, "add", "-A")
    _git(root, env, "commit", "-q", "--no-verify", "-m", "start: invoices without their scope")
    installed = _run([sys.executable, "-m", "pre_commit", "install"], root, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    write_project(root, {"README.md": "# shop\n"})
    _git(root, env, "add", "README.md")
    code, output = _commit(root, env, "docs")
    assert code == 0, output
    assert re.search(r"^fortnox-lint \(Fortnox scopes and licences\)\.+\(no files to check\)Skipped$",
                     output, re.M)

    write_project(root, {"sync.py": INTEGRATION["sync.py"] + "# fetch both\n"})
    _git(root, env, "add", "sync.py")
    code, output = _commit(root, env, "comment")
    assert code == 1, output
    assert "sync.py:3:14: FNX001 [missing-scope]" in output
    assert _git(root, env, "log", "--format=%s").stdout == "docs\nstart: invoices without their scope\n"

    write_project(root, {"fortnox.yaml": "scopes: [customer, invoice]\n"})
    _git(root, env, "add", "fortnox.yaml")
    code, output = _commit(root, env, "request the invoice scope")
    assert code == 0, output
    assert re.search(r"^fortnox-lint \(Fortnox scopes and licences\)\.+Passed$", output, re.M)
