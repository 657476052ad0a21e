"""Find Fortnox endpoint paths in one file's text."""

from __future__ import annotations

import re
from pathlib import Path

from linter.catalog import CONFIDENCE_RANK, Catalog, normalise_path
from linter.scanner.facts import EXTRACTORS, FileView
from linter.scanner.lexer import EXTENSIONS, LANGUAGES, LineIndex, Token, tokenize
from linter.scanner.uses import EndpointUse, FileScan

# A full URL on the API host. The path stops at quotes, whitespace and markup.
API_URL = re.compile(r"https?://api\.fortnox\.se(?::\d+)?(/[^\s'\"`<>\\)]*)?", re.I)
# A bare API path at the start of a string: /3/... or /api/<area>/...
API_PATH = re.compile(r"^\s*(/(?:3|api)/[^\s'\"`<>\\]*)")
# Cheap test before lexing: a file without any of these cannot name a Fortnox endpoint (nor hold
# a credential the fact extractors look for: those may sit in a config file that never says Fortnox).
PREFILTER = re.compile(r"fortnox|/3/|/api/|client.?secret|access.?token|refresh.?token|authorization.?code", re.I)
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_METHOD_IN_NAME = re.compile(r"(get|post|put|patch|delete)(?:async|json)?$|^(get|post|put|patch|delete)", re.I)


def language_of(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def scan_text(text: str, display: str, language: str | None, catalog: Catalog) -> FileScan:
    """Everything the rules need from one file, from a single pass over its tokens."""
    if not PREFILTER.search(text):
        return FileScan()
    index = LineIndex(text)
    if language is None or language not in LANGUAGES:
        found = FileScan(uses=_scan_plain(text, display, index, catalog))
        tokens = None
    else:
        tokens = tokenize(text, LANGUAGES[language])
        found = FileScan(uses=_endpoint_uses(tokens, display, index, catalog))
    view = FileView(text, display, language, tokens, index)
    for extractor in EXTRACTORS:
        found.facts.extend(extractor(view))
    return found


def _endpoint_uses(tokens: list[Token], display: str, index: LineIndex, catalog: Catalog) -> list[EndpointUse]:
    uses: list[EndpointUse] = []
    for position, token in enumerate(tokens):
        if token.kind != "str":
            continue
        found = _endpoint_in(token.value, catalog)
        if found is None:
            continue
        raw_path, how = found
        line, column = index.position(token.offset)
        uses.append(_make_use(catalog, display, line, column, raw_path, how,
                              _method_before(tokens, position)))
    return uses


def _scan_plain(text: str, display: str, index: LineIndex, catalog: Catalog) -> list[EndpointUse]:
    """A file in a language we cannot lex: only full API URLs count."""
    uses = []
    for match in API_URL.finditer(text):
        path = match.group(1) or ""
        if not _is_api_path(path, catalog):
            continue
        line, column = index.position(match.start())
        uses.append(_make_use(catalog, display, line, column, path, "url", None))
    return uses


def _endpoint_in(value: str, catalog: Catalog) -> tuple[str, str] | None:
    """(API path, how it was written) for a string literal that names an endpoint."""
    match = API_URL.search(value)
    if match:
        path = match.group(1) or ""
        return (path, "url") if _is_api_path(path, catalog) else None
    match = API_PATH.match(value)
    if match and _is_api_path(match.group(1), catalog):
        return match.group(1), "path"
    return None


def _is_api_path(path: str, catalog: Catalog) -> bool:
    """True for /3/<resource>... and /api/<known area>/... paths."""
    parts = [p for p in path.split("?")[0].split("/") if p]
    if len(parts) < 2:
        return False
    if parts[0] == "3":
        return bool(re.match(r"^[A-Za-z]", parts[1]))
    return parts[0] == "api" and parts[1].lower() in catalog.api_areas


def _make_use(catalog: Catalog, display: str, line: int, column: int, raw_path: str, how: str,
              method: str | None) -> EndpointUse:
    endpoint = normalise_path(raw_path)
    match = catalog.match(endpoint)
    confidence = "high"
    if match is not None and CONFIDENCE_RANK[match.confidence] < CONFIDENCE_RANK[confidence]:
        confidence = match.confidence
    return EndpointUse(
        path=display, line=line, column=column, endpoint=endpoint,
        template=match.path if match else None,
        resource=match.resource if match else None,
        scope=match.scope if match else None,
        method=method, how=how, confidence=confidence,
    )


def _method_before(tokens: list[Token], position: int) -> str | None:
    """The HTTP method the code shows just before a URL: requests.get(, axios.post(, "DELETE"."""
    for token in reversed(tokens[max(0, position - 8):position]):
        if token.kind == "punct" and token.value in (";", "{", "}"):
            break
        if token.kind == "str" and token.value.upper() in METHODS:
            return token.value.upper()
        if token.kind == "name":
            match = _METHOD_IN_NAME.search(token.value)
            if match:
                return (match.group(1) or match.group(2)).upper()
    return None
