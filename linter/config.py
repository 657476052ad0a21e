"""Linter configuration: ``[tool.fortnox-lint]`` in pyproject.toml and ``lint:`` in fortnox.yaml.

Precedence, key by key: command line > ``lint:`` in fortnox.yaml > ``[tool.fortnox-lint]`` in the
nearest pyproject.toml (at the manifest's folder or above) that has that table > defaults.
Globs are relative to the file that holds them. Any error stops the run (exit 2) with the file,
line and key, because linting under a half-understood configuration reports the wrong things.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from linter import tomlpos
from linter.errors import LintError
from linter.finding import Finding
from linter.manifest import Manifest, validate
from linter.resources import data_dir
from linter.ruledefs import RuleDef, find_rule
from linter.scanner.files import _excluded as glob_matches  # the same glob semantics as `exclude`
from linter.scanner.files import display_path
from linter.suggest import hint
from linter.yamlpos import Located

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

TABLE = ("tool", "fortnox-lint")
# Only a pyproject.toml that mentions our table is parsed, so a broken unrelated one is no error.
_MENTIONS_TABLE = re.compile(r"""tool\s*\.\s*["']?fortnox-lint""")
KEYS = ("select", "ignore", "severity", "per-path-ignores", "exclude")


@dataclass
class Config:
    select: set[str] | None = None  # rule names; None = every rule
    ignore: set[str] = field(default_factory=set)
    severity: dict[str, str] = field(default_factory=dict)  # rule name -> severity
    per_path_ignores: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    root: Path | None = None  # the folder every glob above is relative to
    sources: tuple[str, ...] = ()  # the files the configuration came from, as displayed

    def active_rules(self, names: set[str], cli_select: set[str] | None, cli_ignore: set[str]) -> set[str]:
        """--select on the command line replaces select and ignore from config; --ignore adds."""
        if cli_select is not None:
            return set(cli_select) - cli_ignore
        chosen = set(names) if self.select is None else self.select
        return chosen - self.ignore - cli_ignore

    def ignored_at(self, finding: Finding, cwd: Path) -> bool:
        if not self.per_path_ignores or self.root is None:
            return False
        path = Path(os.path.abspath(cwd / finding.path))
        return any(finding.rule in rules and glob_matches(path, self.root, [glob])
                   for glob, rules in self.per_path_ignores)

    def adjust(self, findings: list[Finding], cwd: Path) -> list[Finding]:
        """Drop findings per-path-ignores covers and apply severity overrides."""
        out = []
        for finding in findings:
            if self.ignored_at(finding, cwd):
                continue
            wanted = self.severity.get(finding.rule)
            if wanted and wanted != finding.severity:
                finding = replace(finding, severity=wanted)
            out.append(finding)
        return out

    def scan_excludes(self, manifest_excludes: list[str], manifest_root: Path | None) -> tuple[Path | None, list[str]]:
        """One root and its patterns for the scanner: the manifest's `exclude` rebased onto ours."""
        if manifest_root is None:
            return self.root, list(self.exclude)
        if self.root is None:
            return manifest_root, list(manifest_excludes)
        prefix = display_path(manifest_root, self.root) if manifest_root != self.root else ""
        return self.root, [p for glob in manifest_excludes for p in rebase(glob, prefix)] + self.exclude


def rebase(glob: str, prefix: str) -> list[str]:
    """``glob`` (relative to a folder ``prefix`` below the root) as globs relative to the root."""
    glob = glob[2:] if glob.startswith("./") else glob
    if not prefix:
        return [glob]
    out = [f"{prefix}/{glob}"]
    if glob.startswith("**/"):  # "**/x" also matches "x" at the top of its folder
        out.append(f"{prefix}/{glob[3:]}")
    return out


@dataclass
class _Section:
    label: str  # how messages name the section
    display: str
    folder: Path
    data: dict[str, Any]
    located: Any  # Located, or the lint: subtree view of the manifest's
    text: str | None = None  # TOML text, to find list items by line

    def error(self, path: tuple, message: str, item: str | None = None, index: int | None = None) -> LintError:
        if self.text is None:
            line, col = self.located.where(path + (index,)) if index is not None else self.located.key_where(path)
        else:
            line, col = self.located.key_where(path)
            if item is not None:
                found = tomlpos.line_of(self.text, line, item)
                line, col = (found, None) if found else (line, col)
        return LintError(f"{self.label}: {message}", self.display, line, col)


class _Subtree:
    """The manifest's ``lint:`` mapping with positions looked up under ``("lint", ...)``."""

    def __init__(self, located: Located, data: dict) -> None:
        self.data, self._located = data, located

    def where(self, path: tuple) -> tuple[int, int]:
        return self._located.where(("lint",) + tuple(path))

    def key_where(self, path: tuple) -> tuple[int, int]:
        return self._located.key_where(("lint",) + tuple(path))


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at ``start`` or above that has a [tool.fortnox-lint] table."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate_dir in (folder, *folder.parents):
        candidate = candidate_dir / "pyproject.toml"
        if candidate.is_file() and _MENTIONS_TABLE.search(_read(candidate, str(candidate))):
            return candidate
    return None


def _read(path: Path, display: str) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise LintError(f"cannot read: {exc.strerror or exc}", display) from None
    except UnicodeDecodeError as exc:
        raise LintError(f"not valid UTF-8 (byte {exc.start})", display) from None


def _pyproject_section(path: Path, cwd: Path) -> _Section | None:
    display = display_path(path, cwd)
    text = _read(path, display)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, col = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        raise LintError(f"invalid TOML: {message}", display, line, col) from None
    table: Any = document
    for part in TABLE:
        table = table.get(part) if isinstance(table, dict) else None
    if table is None:
        return None
    label = "[tool.fortnox-lint]"
    if not isinstance(table, dict):
        raise LintError(f"{label} must be a table", display)
    return _Section(label, display, path.parent, table, tomlpos.locate(text, table, TABLE), text)


def _manifest_section(manifest: Manifest) -> _Section | None:
    if "lint" not in manifest.data:
        return None
    data = manifest.data["lint"]
    if not isinstance(data, dict):
        line, col = manifest.located.where(("lint",))
        raise LintError("lint: expected a mapping of configuration keys", manifest.display, line, col)
    return _Section("lint", manifest.display, manifest.root, data, _Subtree(manifest.located, data))


def _config_schema() -> dict:
    return json.loads((data_dir() / "config.schema.json").read_text(encoding="utf-8"))


def _check(section: _Section, rules: dict[str, RuleDef]) -> dict[str, Any]:
    """The section's settings with rule names resolved; raises on the first problem."""
    problems = validate(section.located, _config_schema())
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise LintError(f"{section.label}: {first.message}{more}", section.display, first.line,
                        first.column)
    choices = sorted(rules) + sorted(r.code for r in rules.values())

    def name(path: tuple, item: str, index: int | None = None, as_key: bool = False) -> str:
        rule = find_rule(rules, item)
        if rule is None:
            message = f"{path[0]}: unknown rule '{item}'{hint(item, choices)} (see `fortnox-lint rules`)"
            raise section.error(path, message, item=None if as_key else item, index=index)
        return rule.name

    data = section.data
    out: dict[str, Any] = {}
    for key in ("select", "ignore"):
        if key in data:
            out[key] = {name((key,), item, i) for i, item in enumerate(data[key])}
    if "severity" in data:
        out["severity"] = {name(("severity", rule), rule, as_key=True): level
                           for rule, level in data["severity"].items()}
    if "per-path-ignores" in data:
        out["per-path-ignores"] = [
            (glob, frozenset(name(("per-path-ignores", glob), item, i) for i, item in enumerate(items)))
            for glob, items in data["per-path-ignores"].items()]
    if "exclude" in data:
        out["exclude"] = list(data["exclude"])
    return out


def load_config(manifest: Manifest | None, start: Path, cwd: Path, rules: dict[str, RuleDef]) -> Config:
    """The merged configuration for a project whose manifest (or, without one, files) is given."""
    sections: list[_Section] = []
    pyproject = find_pyproject(manifest.root if manifest else start)
    if pyproject is not None:
        found = _pyproject_section(pyproject, cwd)
        if found is not None:
            sections.append(found)
    if manifest is not None:
        found = _manifest_section(manifest)
        if found is not None:
            sections.append(found)
    config = Config(root=sections[0].folder if sections else (manifest.root if manifest else None),
                    sources=tuple(s.display for s in sections))
    for section in sections:  # later sections win, key by key
        settings = _check(section, rules)
        prefix = display_path(section.folder, config.root) if section.folder != config.root else ""
        if "select" in settings:
            config.select = settings["select"]
        if "ignore" in settings:
            config.ignore = settings["ignore"]
        if "severity" in settings:
            config.severity = settings["severity"]
        if "per-path-ignores" in settings:
            config.per_path_ignores = [(g, rules_) for glob, rules_ in settings["per-path-ignores"]
                                       for g in rebase(glob, prefix)]
        if "exclude" in settings:
            config.exclude = [g for glob in settings["exclude"] for g in rebase(glob, prefix)]
    return config
