"""What every check sees: the catalog, the manifest and what the scanner found."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from linter.authorized import Authorized
from linter.catalog import Catalog, Endpoint
from linter.manifest import Manifest
from linter.scanner import EndpointUse, Fact


@dataclass
class Context:
    catalog: Catalog
    manifest: Manifest | None
    uses: list[EndpointUse] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # False when only part of the project was scanned: project-wide rules (unused-scope) stay quiet.
    whole_project: bool = True
    # Scopes existing connections have authorized (fortnox.lock or --since); None when unknown.
    authorized: Authorized | None = None
    # Filled by the engine once suppressions are applied: linter.suppressions.Unused records.
    unused_suppressions: list = field(default_factory=list)

    @cached_property
    def declared_scopes(self) -> set[str]:
        return {entry.value for entry in self.manifest.scopes} if self.manifest else set()

    @cached_property
    def templates(self) -> dict[str, Endpoint]:
        return {endpoint.path: endpoint for endpoint in self.catalog.endpoints}

    def accepted_scopes(self, use: EndpointUse) -> tuple[str, ...]:
        """The scopes any one of which lets ``use`` through (some paths have two documented)."""
        endpoint = self.templates.get(use.template or "")
        if endpoint is not None:
            return endpoint.accepted_scopes
        return (use.scope,) if use.scope else ()

    def module_scopes(self, use: EndpointUse) -> tuple[str, ...]:
        """Scopes ``use`` needs because its endpoint belongs to a module (warehouse needs article)."""
        found: list[str] = []
        for _module, scopes in self.catalog.module_scopes(use.template or use.endpoint):
            found += [s for s in scopes if s not in found]
        return tuple(found)

    @cached_property
    def needed_scopes(self) -> set[str]:
        """Scopes the scanned code needs, counting any documented alternative as satisfying,
        plus the scopes the modules it uses require (data/scopes.yaml `modules`)."""
        needed: set[str] = set()
        for use in self.uses:
            accepted = self.accepted_scopes(use)
            if accepted and not (set(accepted) & needed):
                declared = [s for s in accepted if s in self.declared_scopes]
                needed.add(declared[0] if declared else accepted[0])
        for use in self.uses:
            needed.update(self.module_scopes(use))
        return needed

    def facts_of(self, kind: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.kind == kind]
