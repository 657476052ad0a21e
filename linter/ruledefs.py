"""Rule definitions: the declarative files in rules/, loaded and validated once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from linter.finding import Finding
from linter.resources import data_dir, rules_dir


@dataclass(frozen=True)
class RuleDef:
    code: str
    name: str
    severity: str
    summary: str
    rationale: str
    fortnox_error: str
    fix: str
    examples: tuple[dict, ...]
    faq: str = ""
    scope: str = "file"

    def at(self, path: str, line: int, column: int, message: str, *, severity: str | None = None,
           fix: str | None = None, end_line: int | None = None, end_column: int | None = None) -> Finding:
        """A finding of this rule at a place."""
        return Finding(path=path, line=line, column=column, code=self.code, rule=self.name,
                       severity=severity or self.severity, message=message,
                       fix=self.fix.strip() if fix is None else fix,
                       fortnox_error=self.fortnox_error,
                       end_line=end_line, end_column=end_column)


class RuleFileError(Exception):
    pass


@lru_cache(maxsize=None)
def load_rules(folder: Path | None = None, validate: bool | None = None) -> dict[str, RuleDef]:
    """Every rule definition by name, validated against data/rule.schema.json.

    The shipped rules are validated by the test suite, not on every run (importing jsonschema
    alone costs more than the rest of a small check); other folders are validated by default.
    """
    if validate is None:
        validate = folder is not None
    folder = folder or rules_dir()
    validator = None
    if validate:
        import jsonschema

        schema = json.loads((data_dir() / "rule.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
    rules: dict[str, RuleDef] = {}
    codes: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        # libyaml when present: the same safe loader, ten times faster on every run
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        error = next(iter(validator.iter_errors(raw)), None) if validator else None
        if error is not None:
            raise RuleFileError(f"{path.name}: {error.message} at {list(error.absolute_path)}")
        if raw["name"] != path.stem:
            raise RuleFileError(f"{path.name}: name {raw['name']!r} must match the file name")
        if raw["code"] in codes:
            raise RuleFileError(f"{path.name}: code {raw['code']} already used by {codes[raw['code']]}")
        codes[raw["code"]] = raw["name"]
        raw["examples"] = tuple(raw["examples"])
        rules[raw["name"]] = RuleDef(**raw)
    return rules


def find_rule(rules: dict[str, RuleDef], name_or_code: str) -> RuleDef | None:
    key = name_or_code.strip()
    if key in rules:
        return rules[key]
    for rule in rules.values():
        if rule.code.lower() == key.lower():
            return rule
    return None
