"""Helpers shared by the authorization-URL checks: reading ``auth-request`` facts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter.context import Context
from linter.scanner import Fact
from linter.scanner.facts.exprs import UNKNOWN

_SCOPE_SPLIT = re.compile(r"[\s,+]+")


@dataclass(frozen=True)
class Param:
    """One authorization parameter as the code sets it."""

    name: str
    value: str  # as Fortnox receives it; {} marks run-time parts
    raw: str  # as written
    encoded: bool  # written inside a query string (so %20 and + are already spaces)
    path: str
    line: int
    column: int

    @property
    def known(self) -> bool:
        return UNKNOWN not in self.value


def params(ctx: Context, name: str | None = None) -> Iterator[tuple[Fact, Param]]:
    """Every authorization parameter (optionally only those called ``name``) with its fact."""
    for fact in ctx.facts_of("auth-request"):
        for p in fact.data.get("params", []):
            if name is None or p["name"] == name:
                yield fact, Param(p["name"], p["value"], p["raw"], p["encoded"], fact.path,
                                  p["line"], p["column"])


def scope_names(param: Param) -> list[str]:
    """The scope names a scope parameter asks for, run-time parts left out. Commas and plus signs
    split names here even though Fortnox would not split them (invalid-auth-url says so)."""
    return [n for n in _SCOPE_SPLIT.split(param.value) if n and UNKNOWN not in n]


def quoted(names: list[str] | set[str]) -> str:
    return ", ".join(f"'{n}'" for n in sorted(names))
