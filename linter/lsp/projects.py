"""A Fortnox project as an editor sees it: open buffers over the files on disk, linted whole."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from linter.engine import LintRequest, lint
from linter.errors import LintError
from linter.finding import Finding
from linter.fix import ScopeFix, scope_fixes


def canonical(path: str | Path) -> Path:
    """An absolute path with its folder's symlinks resolved, as the scan of a project names files."""
    path = Path(os.path.abspath(path))
    return Path(os.path.realpath(path.parent)) / path.name


@dataclass
class ProjectLint:
    manifest: Path
    findings: dict[Path, list[Finding]] = field(default_factory=dict)  # only files with findings
    error: LintError | None = None  # the project could not be linted
    fixes: dict[Finding, ScopeFix] = field(default_factory=dict)  # the scope list edit settling a finding

    @property
    def error_in_manifest(self) -> bool:
        """The error is about the manifest itself (broken YAML), not, say, the catalog."""
        return self.error is not None and self.error.path == self.manifest.name


def lint_project(manifest: Path, buffers: dict[Path, str]) -> ProjectLint:
    """Lint the whole project of ``manifest``; ``buffers`` (open documents) win over the disk."""
    root = manifest.parent
    request = LintRequest(paths=[root], manifest=manifest, cwd=root, overrides=dict(buffers))
    try:
        result = lint(request)
    except LintError as exc:
        return ProjectLint(manifest, error=exc)
    found: dict[Path, list[Finding]] = {}
    for finding in result.findings:
        found.setdefault(canonical(root / finding.path), []).append(finding)
    return ProjectLint(manifest, found, fixes=scope_fixes(result))


class Published:
    """What each project last published per file, so that only changes are sent and a fixed
    file's diagnostics are cleared."""

    def __init__(self) -> None:
        self._by_project: dict[Path, dict[Path, list]] = {}

    def changes(self, manifest: Path, now: dict[Path, list]) -> dict[Path, list]:
        """Record ``now`` (files with diagnostics) for the project; return what to publish: files
        whose diagnostics differ from last time, and an empty list for each file that lost them."""
        before = self._by_project.get(manifest, {})
        self._by_project[manifest] = {path: items for path, items in now.items() if items}
        changed = {path: items for path, items in now.items() if items and before.get(path) != items}
        changed.update({path: [] for path in before if not now.get(path)})
        return changed
