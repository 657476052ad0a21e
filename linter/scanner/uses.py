"""What the scanner reports about one file: endpoint uses and other facts rules need."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class EndpointUse:
    """One use of a Fortnox endpoint at one place in the source."""

    path: str  # file, as displayed
    line: int
    column: int
    endpoint: str  # the path as the code builds it, normalised: /3/invoices/{}
    template: str | None = field(default=None, compare=False)  # matched catalog template
    resource: str | None = field(default=None, compare=False)
    scope: str | None = field(default=None, compare=False)
    method: str | None = field(default=None, compare=False)
    how: str = field(default="literal", compare=False)  # how it was found
    confidence: str = field(default="high", compare=False)  # high | medium | low
    why: str = field(default="", compare=False)  # for low confidence: why we think it is Fortnox

    @property
    def call(self) -> str:
        """How messages name the call: "GET /3/invoices", or the endpoint when the method is unknown."""
        return f"{self.method} {self.endpoint}" if self.method else self.endpoint

    def to_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "method": self.method, "endpoint": self.endpoint, "template": self.template,
            "resource": self.resource, "scope": self.scope, "how": self.how,
            "confidence": self.confidence, "why": self.why,
        }


@dataclass(frozen=True, order=True)
class Fact:
    """Anything else a rule needs from the source (an auth URL, a header name, a secret...).

    Extractors produce facts while the file's tokens are at hand, so rules never re-read files.
    ``data`` holds JSON-friendly values only, so facts can be cached.
    """

    kind: str
    path: str
    line: int
    column: int
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class FileScan:
    """Everything found in one file. A pure function of the file's text, path and the catalog,
    and JSON-serialisable, so it can be cached by content."""

    uses: list[EndpointUse] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def to_json(self) -> dict:
        # A use's fields are all scalars: a copy of its __dict__ is what asdict gives, 50 times
        # faster (a cold check stores tens of thousands of uses). Facts nest: asdict copies deeply.
        return {"uses": [dict(u.__dict__) for u in self.uses],
                "facts": [asdict(f) for f in self.facts]}

    @classmethod
    def from_json(cls, data: dict) -> "FileScan":
        return cls(uses=[EndpointUse(**u) for u in data.get("uses", [])],
                   facts=[Fact(**f) for f in data.get("facts", [])])
