"""Calls through well-known Fortnox client libraries, where no URL appears in the integration.

The mapping from SDK names to endpoints is data (data/sdk.yaml), not code: each SDK lists the
languages it serves, markers that show a file uses it (a namespace, a package), the shapes its
resource names take (``{}Connector``) and which resource each name stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from linter.catalog import Catalog
from linter.resources import data_dir
from linter.scanner.detect import Evidence, make_use
from linter.scanner.lexer import LineIndex, Token
from linter.scanner.methods import verb_of
from linter.scanner.uses import EndpointUse


@dataclass(frozen=True)
class Sdk:
    id: str
    title: str
    languages: tuple[str, ...]
    markers: tuple[str, ...]  # any of these in the file shows the SDK is in use
    names: dict[str, str]  # a name as it appears in code -> endpoint path
    actions: dict[str, tuple[str, str]]  # method name (lowercase, no Async) -> (HTTP method, path suffix)
    qualifier: str = ""  # a name only counts right after this (Repository::Customer)


@lru_cache(maxsize=1)
def load_sdks() -> tuple[Sdk, ...]:
    import yaml

    # libyaml when present, as for the catalog and rules: the same safe loader, six times faster,
    # and every process that lexes a file pays for this table once
    # (the loader written in the call, as elsewhere: the security test reads it there)
    raw = yaml.load((data_dir() / "sdk.yaml").read_text(encoding="utf-8"),
                    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    sdks = []
    for entry in raw.get("sdks", []):
        names: dict[str, str] = {}
        for resource, path in (entry.get("resources") or {}).items():
            for pattern in entry.get("patterns") or ["{}"]:
                names[pattern.replace("{}", resource)] = path
        names.update(entry.get("names") or {})
        actions = {key.lower(): (value[0], value[1]) for key, value in (entry.get("actions") or {}).items()}
        sdks.append(Sdk(entry["id"], entry.get("title", entry["id"]), tuple(entry.get("languages") or ()),
                        tuple(entry.get("markers") or ()), names, actions, entry.get("qualifier") or ""))
    return tuple(sdks)


def sdk_uses(tokens: list[Token], text: str, display: str, language: str, catalog: Catalog,
             index: LineIndex) -> list[EndpointUse]:
    uses: list[EndpointUse] = []
    for sdk in load_sdks():
        if language not in sdk.languages or not any(marker in text for marker in sdk.markers):
            continue
        for i, tok in enumerate(tokens):
            if tok.kind != "name" or tok.value not in sdk.names:
                continue
            if i >= 1 and tokens[i - 1].value in ("class", "interface", "struct"):
                continue  # the SDK's own declaration, vendored
            if _in_import(tokens, text, i):
                continue
            if sdk.qualifier and not (i >= 3 and tokens[i - 3].value == sdk.qualifier
                                      and tokens[i - 1].value in (":", ".")):
                continue
            path = sdk.names[tok.value]
            method, suffix = _action(tokens, i, sdk)
            endpoint = path + suffix if suffix and catalog.match(path + suffix) is not None else path
            line, column = index.position(tok.offset)
            uses.append(make_use(catalog, display, line, column, endpoint, method,
                                 Evidence("high", "sdk", f"{tok.value} of {sdk.title}")))
    return uses


_IMPORT_WORDS = frozenset({"use", "using", "import", "alias", "require", "from", "include"})


def _in_import(tokens: list[Token], text: str, i: int) -> bool:
    """``use FortnoxApi\\Api\\InvoicesResourceApi;``: naming a class is not calling it."""
    line_start = text.rfind("\n", 0, tokens[i].offset) + 1
    j = i
    while j > 0 and tokens[j - 1].offset >= line_start:
        j -= 1
    return tokens[j].value in _IMPORT_WORDS


def _action(tokens: list[Token], i: int, sdk: Sdk) -> tuple[str | None, str]:
    """The method called on the SDK object right after its name: .CreateAsync( -> POST."""
    j = i + 1
    # skip generic arguments and a `()` constructor call: new InvoiceConnector().Find()
    if j < len(tokens) and tokens[j].value == "(" and j + 1 < len(tokens) and tokens[j + 1].value == ")":
        j += 2
    if j + 1 < len(tokens) and tokens[j].value == "." and tokens[j + 1].value == "new":
        j += 2  # Ruby: Repository::Article.new.find(42)
        if j + 1 < len(tokens) and tokens[j].value == "(" and tokens[j + 1].value == ")":
            j += 2
    if j + 1 < len(tokens) and tokens[j].value in (".", ":", "-") and tokens[j + 1].kind == "name":
        name = tokens[j + 1].value
        key = re.sub(r"async$", "", name.lower())
        if key in sdk.actions:
            verb, suffix = sdk.actions[key]
            return verb, suffix
        return verb_of(name), ""
    return None, ""
