"""Applying inline suppressions to findings, and finding the ones that suppress nothing.

A suppression names its rules: ``fortnox-lint: ignore[missing-scope] reason``. There is no blanket
form; a marker without a rule list suppresses nothing and is reported, as are unknown rules and
rules that found nothing on the covered line. ``unused-suppression`` itself can only be silenced
by configuration, so a stale suppression cannot hide its own report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from linter.finding import Finding
from linter.manifest import Manifest
from linter.ruledefs import RuleDef, find_rule
from linter.scanner.facts import FileView
from linter.scanner.facts.suppression import KIND, extract
from linter.scanner.lexer import LineIndex
from linter.scanner.uses import Fact
from linter.suggest import hint

RULE = "unused-suppression"


@dataclass(frozen=True)
class Suppression:
    path: str
    line: int  # where the marker is
    column: int
    target: int  # the line it covers
    rules: tuple[str, ...] | None  # as written; None when the marker has no [rule, ...] list
    reason: str = ""

    @classmethod
    def from_fact(cls, fact: Fact) -> Suppression:
        rules = fact.data.get("rules")
        return cls(fact.path, fact.line, fact.column, fact.data["target"],
                   None if rules is None else tuple(rules), fact.data.get("reason", ""))


@dataclass(frozen=True)
class Unused:
    """A suppression (or one rule in it) that suppressed nothing, and why."""

    path: str
    line: int
    column: int
    message: str


def collect(facts: Iterable[Fact], manifest: Manifest | None) -> list[Suppression]:
    """Suppressions from the scan, plus the manifest's when the scan did not read it."""
    found = [Suppression.from_fact(f) for f in facts if f.kind == KIND]
    if manifest is not None and not any(s.path == manifest.display for s in found):
        try:
            text = manifest.path.read_bytes().decode("utf-8-sig", errors="replace")
        except OSError:
            return found  # it was readable a moment ago; the lint already reported on it
        view = FileView(text, manifest.display, None, None, LineIndex(text))
        found += [Suppression.from_fact(f) for f in extract(view)]
    return found


def apply(findings: list[Finding], suppressions: list[Suppression], rules: dict[str, RuleDef],
          active: set[str]) -> tuple[list[Finding], list[Unused]]:
    """(findings no suppression covers, suppressions that did nothing)."""
    resolved = {s: _resolve(s, rules) for s in suppressions}
    covering: dict[tuple[str, int], list[Suppression]] = {}
    for suppression in suppressions:
        covering.setdefault((suppression.path, suppression.target), []).append(suppression)
    used: set[tuple[Suppression, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        hits = [s for s in covering.get((finding.path, finding.line), ())
                if finding.rule in resolved[s] and finding.rule != RULE]
        used.update((s, finding.rule) for s in hits)
        if not hits:
            kept.append(finding)
    return kept, _unused(suppressions, resolved, used, rules, active)


def _resolve(suppression: Suppression, rules: dict[str, RuleDef]) -> set[str]:
    found = (find_rule(rules, item) for item in suppression.rules or ())
    return {rule.name for rule in found if rule is not None}


def _unused(suppressions: list[Suppression], resolved: dict[Suppression, set[str]],
            used: set[tuple[Suppression, str]], rules: dict[str, RuleDef], active: set[str]) -> list[Unused]:
    choices = sorted(rules) + sorted(r.code for r in rules.values())
    out: list[Unused] = []
    for s in suppressions:
        def report(message: str, s: Suppression = s) -> None:
            out.append(Unused(s.path, s.line, s.column, message))

        if not s.rules:
            report("suppression names no rule, so it suppresses nothing; write "
                   "'fortnox-lint: ignore[rule-name] reason' (there is no blanket ignore)")
            continue
        for item in s.rules:
            rule = find_rule(rules, item)
            if rule is None:
                report(f"suppression names unknown rule '{item}'{hint(item, choices)}")
            elif rule.name == RULE:
                report(f"{RULE} cannot be suppressed inline; ignore it in the configuration "
                       "(ignore or per-path-ignores) instead")
            elif rule.name in active and (s, rule.name) not in used:
                report(f"suppression of {rule.name} suppresses nothing: no {rule.name} finding "
                       f"on line {s.target}")
    return out
