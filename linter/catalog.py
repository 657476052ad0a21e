"""The Fortnox catalog: scopes, licences, resources and endpoint path templates (data/scopes.yaml)."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from linter import yamlpos
from linter.errors import LintError
from linter.resources import data_dir

CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}
WILDCARD = "{}"  # a path segment only known at run time


@dataclass(frozen=True)
class Licence:
    id: str
    english: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scope:
    id: str
    name: str
    aliases: tuple[str, ...]
    licence_table_name: str | None
    licences: tuple[str, ...] | None  # any-of licence ids; None means no licence needed ("Any")
    verified: bool = True
    note: str | None = None

    @property
    def needs_licence(self) -> bool:
        return self.licences is not None

    def licence_text(self) -> str:
        return "no licence" if self.licences is None else " or ".join(self.licences)


@dataclass(frozen=True)
class Endpoint:
    path: str
    methods: tuple[str, ...]
    resource: str
    scope: str
    alternative_scopes: tuple[str, ...]
    confidence: str
    basis: str
    deprecated: bool
    in_openapi: bool
    note: str | None = None
    segments: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def accepted_scopes(self) -> tuple[str, ...]:
        return (self.scope,) + self.alternative_scopes


@dataclass(frozen=True)
class Module:
    """A Fortnox add-on module whose calls need scopes beyond each endpoint's own (warehouse)."""

    id: str
    name: str
    faq: str
    requirements: tuple[tuple[str, tuple[str, ...]], ...]  # (path prefix, scopes) pairs
    note: str | None = None

    def scopes_for(self, path: str) -> tuple[str, ...]:
        """The scopes a call to ``path`` needs because it belongs to this module (may be none)."""
        lowered = path.lower().rstrip("/") + "/"
        found: list[str] = []
        for prefix, scopes in self.requirements:
            if lowered.startswith(prefix.lower()):
                found += [s for s in scopes if s not in found]
        return tuple(found)


def split_path(path: str) -> tuple[str, ...]:
    return tuple(s for s in path.strip("/").split("/") if s)


def _is_var(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


class Catalog:
    def __init__(self, raw: dict, source: str) -> None:
        self.source = source
        self.version: str = str(raw["catalog_version"])
        self.licences = {
            lid: Licence(lid, body.get("english", ""), tuple(body.get("aliases") or ()))
            for lid, body in raw["licences"].items()
        }
        self.scopes = {
            sid: Scope(
                id=sid,
                name=body["name"],
                aliases=tuple(body.get("aliases") or ()),
                licence_table_name=body.get("licence_table_name"),
                licences=None if body["licence"] == "any" else tuple(
                    dict.fromkeys(self.licence_id(n) or n for n in body["licence"]["any_of"])),
                verified=body.get("verified", True),
                note=body.get("note"),
            )
            for sid, body in raw["scopes"].items()
        }
        self.resources: list[dict] = list(raw["resources"])
        self.endpoints = [
            Endpoint(
                path=e["path"], methods=tuple(e["methods"]), resource=e["resource"],
                scope=e["scope"], alternative_scopes=tuple(e.get("alternative_scopes") or ()),
                confidence=e["confidence"], basis=e["basis"], deprecated=e.get("deprecated", False),
                in_openapi=e.get("in_openapi", True), note=e.get("note"),
                segments=split_path(e["path"]),
            )
            for e in raw["endpoints"]
        ]
        self.modules = {
            mid: Module(mid, body["name"], body["faq"],
                        tuple((r["path_prefix"], tuple(r["scopes"])) for r in body["requirements"]),
                        body.get("note"))
            for mid, body in (raw.get("modules") or {}).items()
        }
        self._by_prefix: dict[tuple[str, str], list[Endpoint]] = {}
        self._module_scopes: dict[str, tuple[tuple[Module, tuple[str, ...]], ...]] = {}
        for endpoint in self.endpoints:
            key = tuple(s.lower() for s in endpoint.segments[:2])
            self._by_prefix.setdefault(key, []).append(endpoint)

    # -- names ---------------------------------------------------------------------------------
    def licence_id(self, name: str) -> str | None:
        """The licence id for a name as Fortnox spells it (its id or a listed alias), else None."""
        if name in self.licences:
            return name
        for licence in self.licences.values():
            if name in licence.aliases:
                return licence.id
        return None

    def scope_named(self, name: str) -> Scope | None:
        """The scope whose display name or alias is ``name`` (any case and spacing), e.g. Payments."""
        key = re.sub(r"[\s_-]+", "", name).lower()
        for scope in self.scopes.values():
            spellings = (scope.name, *scope.aliases, scope.licence_table_name or "")
            if any(re.sub(r"[\s_-]+", "", s).lower() == key for s in spellings if s):
                return scope
        return None

    @cached_property
    def licence_names(self) -> list[str]:
        return [n for lic in self.licences.values() for n in (lic.id, *lic.aliases)]

    @cached_property
    def api_areas(self) -> frozenset[str]:
        """Second segments of /api/ paths (warehouse, fileattachments, time, ...)."""
        return frozenset(e.segments[1].lower() for e in self.endpoints
                         if e.segments[0] == "api" and len(e.segments) > 1)

    @cached_property
    def v3_resources(self) -> frozenset[str]:
        """First segments after /3/ (invoices, customers, ...)."""
        return frozenset(e.segments[1].lower() for e in self.endpoints
                         if e.segments[0] == "3" and len(e.segments) > 1)

    # -- paths ---------------------------------------------------------------------------------
    def module_scopes(self, path: str) -> tuple[tuple[Module, tuple[str, ...]], ...]:
        """(module, scopes it needs) for every module a call to ``path`` belongs to. Remembered per
        path: the checks ask for each of a project's uses, and thousands share a few paths."""
        found = self._module_scopes.get(path)
        if found is None:
            found = self._module_scopes[path] = tuple(
                (module, scopes) for module in self.modules.values() if (scopes := module.scopes_for(path)))
        return found

    def match(self, path: str) -> Endpoint | None:
        """The template that best matches a normalised path such as ``/3/invoices/{}/bookkeep``."""
        segments = split_path(path)
        if len(segments) < 2:
            return None
        candidates = self._by_prefix.get((segments[0].lower(), segments[1].lower()), [])
        best, best_score = None, -1.0
        for endpoint in candidates:
            score = _score(endpoint.segments, segments)
            if score > best_score:
                best, best_score = endpoint, score
        return best

    def licence_options(self, scopes: list[str]) -> list[list[str]]:
        """Minimal sets of licences that satisfy every scope's any-of requirement."""
        needs = [set(self.scopes[s].licences) for s in scopes
                 if s in self.scopes and self.scopes[s].licences is not None]
        if not needs:
            return [[]]
        pool = sorted(set().union(*needs))
        found: list[frozenset[str]] = []
        for size in range(1, len(pool) + 1):
            for combo in itertools.combinations(pool, size):
                chosen = frozenset(combo)
                if any(prior <= chosen for prior in found):
                    continue
                if all(chosen & need for need in needs):
                    found.append(chosen)
        return sorted((sorted(c) for c in found), key=lambda c: (len(c), c))


def _score(template: tuple[str, ...], segments: tuple[str, ...]) -> float:
    """How well ``segments`` fit ``template``; -1 when they cannot. Literal hits weigh most."""
    if len(template) != len(segments):
        return -1
    score = 0.0
    for want, got in zip(template, segments):
        if _is_var(want):
            score += 1
        elif got == WILDCARD:
            score += 0.5  # a run-time value could be this literal segment, but it is a weaker fit
        elif want.lower() == got.lower():
            score += 2
        else:
            return -1
    return score


_NORMALISE_VAR = re.compile(r"\{[^/{}]*\}")


def normalise_path(raw: str) -> str:
    """Strip host, query and fragment; unify run-time segments as ``{}``; drop trailing slash."""
    path = re.sub(r"^[a-z]+://[^/]+", "", raw, flags=re.I)
    path = re.split(r"[?#]", path, maxsplit=1)[0]
    path = re.sub(r"/{2,}", "/", path)
    path = _NORMALISE_VAR.sub(WILDCARD, path)
    if len(path) > 1:
        path = path.rstrip("/")
    return path


def load_catalog(path: Path | None = None) -> Catalog:
    """Load and validate a catalog; the shipped one when ``path`` is None."""
    import jsonschema  # deferred: only needed when a catalog is actually loaded

    target = path or data_dir() / "scopes.yaml"
    shown = str(target)
    try:
        text = Path(target).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LintError(f"cannot read catalog: {exc}", shown) from None
    located = yamlpos.load(text, shown)
    schema = json.loads((data_dir() / "catalog.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(located.data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        line, col = located.where(tuple(first.absolute_path))
        where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise LintError(f"catalog does not match its schema at {where}: {first.message}{more}",
                        shown, line, col)
    problem = _cross_reference_problem(located.data)
    if problem:
        where, message = problem
        line, col = located.where(where)
        raise LintError(f"catalog is inconsistent: {message}", shown, line, col)
    return Catalog(located.data, shown)


def _cross_reference_problem(raw: dict) -> tuple[tuple, str] | None:
    """The first reference to a scope, licence or resource the catalog does not define."""
    scopes, licences = raw["scopes"], raw["licences"]
    licence_names = set(licences) | {a for body in licences.values() for a in body.get("aliases") or ()}
    resources = {r["name"] for r in raw["resources"]}
    for sid, body in scopes.items():
        if body["licence"] != "any":
            for name in body["licence"]["any_of"]:
                if name not in licence_names:
                    return ("scopes", sid), f"scope {sid} needs unknown licence {name!r}"
    for i, resource in enumerate(raw["resources"]):
        if resource["scope"] not in scopes:
            return ("resources", i), f"resource {resource['name']!r} has unknown scope {resource['scope']!r}"
    seen: set[str] = set()
    for i, endpoint in enumerate(raw["endpoints"]):
        for scope in (endpoint["scope"], *(endpoint.get("alternative_scopes") or ())):
            if scope not in scopes:
                return ("endpoints", i), f"endpoint {endpoint['path']} has unknown scope {scope!r}"
        if endpoint["resource"] not in resources:
            return ("endpoints", i), f"endpoint {endpoint['path']} has unknown resource {endpoint['resource']!r}"
        if endpoint["path"] in seen:
            return ("endpoints", i), f"endpoint {endpoint['path']} is listed twice"
        seen.add(endpoint["path"])
    for mid, module in (raw.get("modules") or {}).items():
        for requirement in module["requirements"]:
            for scope in requirement["scopes"]:
                if scope not in scopes:
                    return ("modules", mid), f"module {mid} needs unknown scope {scope!r}"
    return None
