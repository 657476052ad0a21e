"""Baselines: adopt the linter on an existing codebase and fail only on new findings.

An entry is (rule, path, fingerprint) with a count. The fingerprint hashes the text of the line the
finding is on, whitespace-normalised, so inserting or deleting unrelated lines does not disturb
it; editing the line itself makes its findings new. Paths are relative to the baseline file, so
it works from any working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from linter.atomic import write_atomic
from linter.errors import LintError
from linter.finding import Finding
from linter.resources import data_dir
from linter.scanner.files import read_text

VERSION = 1
TOOL = "fortnox-scope-lint"
Key = tuple[str, str, str]  # rule, path relative to the baseline's folder, fingerprint


class _Lines:
    """Source lines by file, each file read once."""

    def __init__(self, cwd: Path, overrides: dict[Path, str] | None = None) -> None:
        self.cwd = cwd
        self.overrides = overrides or {}  # unsaved buffers, keyed as the engine keys them
        self._files: dict[str, list[str]] = {}

    def text(self, display: str, line: int) -> str:
        if display not in self._files:
            absolute = Path(os.path.abspath(self.cwd / display))
            text = self.overrides.get(Path(os.path.realpath(absolute.parent)) / absolute.name)
            if text is None:
                text, _ = read_text(absolute)
            self._files[display] = (text or "").splitlines()
        lines = self._files[display]
        return lines[line - 1] if 0 < line <= len(lines) else ""


def fingerprint(line_text: str) -> str:
    return hashlib.sha256(" ".join(line_text.split()).encode("utf-8")).hexdigest()[:16]


def _relative(display: str, cwd: Path, folder: Path) -> str:
    absolute = os.path.abspath(cwd / display)
    try:
        return Path(os.path.relpath(absolute, folder)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()


def _keys(findings: list[Finding], baseline: Path, cwd: Path,
          overrides: dict[Path, str] | None = None) -> list[tuple[Key, Finding]]:
    lines = _Lines(cwd, overrides)
    folder = Path(os.path.abspath(cwd / baseline)).parent
    return [((f.rule, _relative(f.path, cwd, folder), fingerprint(lines.text(f.path, f.line))), f)
            for f in sorted(findings)]


def document(findings: list[Finding], baseline: Path, cwd: Path) -> dict:
    counts: Counter[Key] = Counter()
    first: dict[Key, Finding] = {}
    for key, finding in _keys(findings, baseline, cwd):
        counts[key] += 1
        first.setdefault(key, finding)
    entries = [{"rule": rule, "code": first[(rule, path, fp)].code, "path": path, "fingerprint": fp,
                "count": counts[(rule, path, fp)], "message": first[(rule, path, fp)].message}
               for rule, path, fp in sorted(counts)]
    return {"tool": TOOL, "version": VERSION, "findings": entries}


def write(findings: list[Finding], baseline: Path, cwd: Path) -> int:
    """Write the baseline atomically; the number of findings it holds."""
    text = json.dumps(document(findings, baseline, cwd), indent=2, ensure_ascii=False) + "\n"
    target = cwd / baseline
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise LintError(f"cannot write baseline: {exc.strerror or exc}", str(baseline)) from None
    return len(findings)


def load(baseline: Path, cwd: Path) -> Counter[Key]:
    import jsonschema

    shown = str(baseline)
    try:
        raw = (cwd / baseline).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise LintError("baseline not found (create it with --write-baseline)", shown) from None
    except OSError as exc:
        raise LintError(f"cannot read baseline: {exc.strerror or exc}", shown) from None
    except UnicodeDecodeError as exc:
        raise LintError(f"baseline is not valid UTF-8 (byte {exc.start})", shown) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LintError(f"baseline is not valid JSON: {exc.msg}", shown, exc.lineno, exc.colno) from None
    schema = json.loads((data_dir() / "baseline.schema.json").read_text(encoding="utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise LintError(f"not a fortnox-lint baseline ({where}: {error.message})", shown)
    counts: Counter[Key] = Counter()
    for entry in data["findings"]:
        counts[(entry["rule"], entry["path"], entry["fingerprint"])] += entry["count"]
    return counts


def apply(findings: list[Finding], baseline: Path, cwd: Path,
          overrides: dict[Path, str] | None = None) -> tuple[list[Finding], int, int]:
    """(findings not in the baseline, how many it hid, how many of its entries no longer occur)."""
    budget = load(baseline, cwd)
    kept: list[Finding] = []
    hidden = 0
    for key, finding in _keys(findings, baseline, cwd, overrides):
        if budget[key] > 0:
            budget[key] -= 1
            hidden += 1
        else:
            kept.append(finding)
    return kept, hidden, sum(budget.values())
