"""The scopes existing customer connections have authorized: the baseline for
scope-added-needs-reauthorization.

Two sources, in order: the manifest at a git ref (``check --since REF``), or the lock file
``fortnox.lock`` committed next to the manifest (written by ``fortnox-lint lock``). Without either
the rule has no baseline and stays silent.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from linter import yamlpos
from linter.errors import LintError
from linter.manifest import Manifest

LOCK_NAME = "fortnox.lock"
GIT_TIMEOUT = 20  # seconds; `git show` of one small file never takes this long
LOCK_HEADER = """\
# Scopes that existing customer connections have authorized. Written by `fortnox-lint lock`;
# commit it. `fortnox-lint check` warns about scopes in fortnox.yaml that are not listed here:
# existing connections only get them after each customer authorizes the app again.
"""


@dataclass(frozen=True)
class Authorized:
    source: str  # shown in findings: "fortnox.lock" or "fortnox.yaml at origin/main"
    scopes: frozenset[str]


def load_authorized(manifest: Manifest, since: str | None) -> Authorized | None:
    if since is not None:
        return from_git(manifest, since)
    return from_lock(manifest)


def lock_path(manifest: Manifest) -> Path:
    return manifest.root / LOCK_NAME


def from_lock(manifest: Manifest) -> Authorized | None:
    path = lock_path(manifest)
    if not path.is_file():
        return None
    shown = str(Path(manifest.display).parent / LOCK_NAME) if "/" in manifest.display else LOCK_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LintError(f"cannot read the lock file: {exc}", shown) from None
    data = yamlpos.load(text, shown).data
    scopes = data.get("authorized_scopes") if isinstance(data, dict) else None
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise LintError("expected 'authorized_scopes:' with a list of scope names "
                        "(rewrite it with `fortnox-lint lock`)", shown)
    return Authorized(shown, frozenset(scopes))


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise LintError("--since needs git, which is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise LintError(f"--since: git did not answer within {GIT_TIMEOUT} seconds") from None
    except OSError as exc:
        raise LintError(f"--since: cannot run git: {exc}") from None


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "no output"


def from_git(manifest: Manifest, ref: str) -> Authorized | None:
    """The manifest's scopes at ``ref``; None when the manifest did not exist there yet."""
    if not ref or ref.startswith("-"):
        raise LintError(f"--since: {ref!r} is not a git revision")
    verified = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], manifest.root)
    if verified.returncode != 0:
        reason = _first_line(verified.stderr) if verified.stderr.strip() else "no such commit"
        raise LintError(f"--since {ref}: {reason} (in {manifest.root})")
    shown = f"{manifest.display} at {ref}"
    old = _git(["show", f"{ref}:./{manifest.path.name}"], manifest.root)
    if old.returncode != 0:
        return None  # the manifest is new since ref: there is no earlier authorization to compare
    data = yamlpos.load(old.stdout, shown).data
    scopes = data.get("scopes") if isinstance(data, dict) else None
    names = [s for s in scopes if isinstance(s, str)] if isinstance(scopes, list) else []
    return Authorized(shown, frozenset(names))


def write_lock(manifest: Manifest) -> tuple[Path, list[str]]:
    """Record the manifest's scopes as authorized; returns the file and the scopes written."""
    scopes = sorted(dict.fromkeys(entry.value for entry in manifest.scopes))
    body = "authorized_scopes:\n" + "".join(f"  - {s}\n" for s in scopes) if scopes \
        else "authorized_scopes: []\n"
    path = lock_path(manifest)
    try:
        path.write_text(LOCK_HEADER + body, encoding="utf-8")
    except OSError as exc:
        raise LintError(f"cannot write the lock file: {exc.strerror or exc}", str(path)) from None
    return path, scopes
