"""The integration manifest, ``fortnox.yaml``: what the app is registered with in Fortnox."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter import yamlpos
from linter.errors import LintError
from linter.quickschema import certainly_valid
from linter.resources import data_dir
from linter.suggest import hint

MANIFEST_NAMES = ("fortnox.yaml", "fortnox.yml")
MAX_MANIFEST_BYTES = 1_000_000  # a manifest is a screenful; anything this big is a mistake


@dataclass(frozen=True)
class Entry:
    """A string in the manifest with where it stands."""

    value: str
    line: int
    column: int


@dataclass(frozen=True)
class SchemaProblem:
    message: str
    line: int
    column: int


@dataclass
class Manifest:
    path: Path
    display: str  # the path as shown in findings
    located: yamlpos.Located
    problems: list[SchemaProblem] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        return self.located.data if isinstance(self.located.data, dict) else {}

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def valid(self) -> bool:
        return not self.problems

    def entries(self, key: str) -> list[Entry] | None:
        """The list under ``key`` with positions; None when the key is absent."""
        values = self.data.get(key)
        if not isinstance(values, list):
            return None
        return [Entry(v, *self.located.where((key, i))) for i, v in enumerate(values)
                if isinstance(v, str)]

    @property
    def scopes(self) -> list[Entry]:
        return self.entries("scopes") or []

    @property
    def licenses(self) -> list[Entry] | None:
        return self.entries("licenses")

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def key_position(self, key: str) -> tuple[int, int]:
        return self.located.key_where((key,)) if key in self.data else (1, 1)


def find_manifest(start: Path) -> Path | None:
    """Look for fortnox.yaml in ``start`` and its parents, as tools find pyproject.toml."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate_dir in (folder, *folder.parents):
        for name in MANIFEST_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file():
                return candidate
    return None


def _schema() -> dict:
    return json.loads((data_dir() / "manifest.schema.json").read_text(encoding="utf-8"))


def parse_manifest(text: str, path: Path, display: str,
                   validator: Callable[[yamlpos.Located], list[SchemaProblem]] | None = None) -> Manifest:
    """``validator`` replaces ``validate`` (the cache passes one that remembers its answers)."""
    located = yamlpos.load(text, display)
    manifest = Manifest(path=path, display=display, located=located)
    if located.data is None:
        manifest.problems.append(SchemaProblem(
            "the manifest is empty; it needs at least a 'scopes' list", 1, 1))
        return manifest
    manifest.problems.extend((validator or validate)(located))
    return manifest


def load_manifest(path: Path, display: str | None = None,
                  validator: Callable[[yamlpos.Located], list[SchemaProblem]] | None = None) -> Manifest:
    display = display or str(path)
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise LintError(f"manifest is larger than {MAX_MANIFEST_BYTES // 1_000_000} MB; "
                            "is this the right file?", display)
        raw = path.read_bytes()
    except OSError as exc:
        raise LintError(f"cannot read manifest: {exc.strerror or exc}", display) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LintError(f"manifest is not valid UTF-8 (byte {exc.start})", display) from None
    return parse_manifest(text, path, display, validator)


def validate(located: yamlpos.Located, schema: dict | None = None) -> list[SchemaProblem]:
    """Schema problems, each placed at the offending key or value, saying what was expected.

    ``schema`` defaults to the manifest's; the configuration section reuses this with its own.
    """
    schema = schema or _schema()
    if certainly_valid(located.data, schema):
        return []  # the usual case, known without importing jsonschema (see linter.quickschema)
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    problems: list[SchemaProblem] = []
    for error in validator.iter_errors(located.data):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = list(error.schema.get("properties", {}))
            allowed = set(known)
            for key in error.instance:
                if key not in allowed:
                    line, col = located.key_where(path + (key,))
                    problems.append(SchemaProblem(
                        f"unknown key '{key}'{hint(str(key), known)} "
                        f"(known keys: {', '.join(known)})", line, col))
            continue
        line, col = located.where(path)
        where = ".".join(str(p) for p in path) or "the manifest"
        problems.append(SchemaProblem(f"{where}: {_explain(error)}", line, col))
    return sorted(problems, key=lambda p: (p.line, p.column, p.message))


def _explain(error: Any) -> str:
    kind = error.validator
    if kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        expected = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        return f"expected {expected}, got {_yaml_type(error.instance)}"
    if kind == "enum":
        options = ", ".join(repr(v) for v in error.validator_value)
        return f"expected one of {options}, got {error.instance!r}"
    if kind == "required":
        return error.message.replace("is a required property", "is required")
    if kind == "uniqueItems":
        return "contains a duplicate entry"
    if kind == "minLength":
        return "must not be empty"
    return error.message


_TYPE_WORDS = {"array": "a list", "object": "a mapping", "string": "a string",
               "boolean": "true or false", "integer": "a whole number", "number": "a number"}


def _yaml_type(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "nothing (null)"}.get(type(value), "a value")
