"""Recognise what a folded string is: a full Fortnox URL, an API path, a base URL, a resource path
relative to a base, or nothing Fortnox."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.catalog import Catalog, normalise_path
from linter.scanner.lexer import PLACEHOLDER

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
# A full URL on the API host. The path stops at quotes, whitespace and markup.
API_URL = re.compile(r"https?://api\.fortnox\.se(?::\d+)?(/[^\s'\"`<>\\)]*)?", re.I)
# Any http(s) URL at the start of a string, for bases of other services
OTHER_URL = re.compile(r"https?://([A-Za-z0-9.-]+)(?::\d+)?(/[^\s'\"`<>\\]*)?\s*$", re.I)
# An optional HTTP verb before a URL or path: "GET /invoices" (Feign @RequestLine, .http files)
# Applied after the leading blanks (match's pos): a leading \s* would be quadratic under search.
_VERB_PREFIX = re.compile(r"(GET|POST|PUT|PATCH|DELETE)\s+", re.I)
_PATH_CHARS = re.compile(r"[A-Za-z0-9_\-./{}?=&%:,+~@*!$;'()\[\]]*")
_VERSIONED = re.compile(r"-v\d+$")
_RESOURCE_LIKE = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True)
class Shape:
    kind: str  # "absolute" | "relative" | "base" | "other-base" | "none"
    endpoint: str = ""  # normalised: /3/invoices/{}
    at: int = 0  # offset in the text where the endpoint's path is written
    method: str | None = None  # a verb written in the string itself
    url: str = ""  # for bases: the base URL as written
    lead_unknown: bool = False  # relative: the string starts with a run-time value (a base)


NONE = Shape("none")


def classify(text: str, catalog: Catalog) -> Shape:
    """What ``text`` (a folded string, ``{}`` for run-time parts) says about a Fortnox call."""
    method = None
    offset = 0
    verb = _VERB_PREFIX.match(text, len(text) - len(text.lstrip()))
    if verb:
        method = verb.group(1).upper()
        offset = verb.end()
    body = text[offset:]
    stripped = body.lstrip()
    offset += len(body) - len(stripped)
    body = stripped.rstrip()
    if not body:
        return NONE
    url = API_URL.match(body)
    if url:
        if url.end() != len(body):
            return NONE  # prose around the URL: a message, not a call
        path = url.group(1) or ""
        start = offset + (url.start(1) if url.group(1) else url.end())
        return _absolute_or_base(path, start, method, catalog, body)
    if body.startswith(PLACEHOLDER):
        rest = body[len(PLACEHOLDER):]
        shape = _path_shape(rest, offset + len(PLACEHOLDER), method, catalog, relative_ok=True)
        if shape.kind == "relative":
            return Shape("relative", shape.endpoint, shape.at, shape.method, lead_unknown=True)
        return shape
    other = OTHER_URL.match(body)
    if other:
        return Shape("other-base", url=body) if _is_short(other.group(2) or "") else NONE
    return _path_shape(body, offset, method, catalog, relative_ok=True)


def _absolute_or_base(path: str, start: int, method: str | None, catalog: Catalog, url: str) -> Shape:
    clean = re.split(r"[?#]", path, maxsplit=1)[0].rstrip("/")
    parts = [p for p in clean.split("/") if p]
    if not parts or parts == ["3"] or (len(parts) == 2 and parts[0] == "api" and parts[1].lower() in catalog.api_areas):
        return Shape("base", url=url.rstrip("/"))
    if parts[0] == "api" and len(parts) == 1:
        return Shape("base", url=url.rstrip("/"))
    shape = _path_shape(path, start, method, catalog, relative_ok=False)
    return shape


def _path_shape(path: str, at: int, method: str | None, catalog: Catalog, relative_ok: bool) -> Shape:
    if not path or _PATH_CHARS.fullmatch(path) is None:
        return NONE
    lead = len(path) - len(path.lstrip("/"))
    trimmed = path[lead:]
    segments = re.split(r"[/?#]", trimmed)
    first = segments[0] if segments else ""
    if first == "3" and len(segments) > 1:
        endpoint = normalise_path("/" + trimmed)
        second = endpoint.split("/")[2] if endpoint.count("/") >= 2 else ""
        # /3/<word>: an unknown resource is still a Fortnox call (unknown-endpoint reports it);
        # "/3/x" in a formula is not
        if second in catalog.v3_resources or _RESOURCE_LIKE.fullmatch(second):
            return Shape("absolute", endpoint, at + lead + 2, method)
        return NONE
    if first == "api" and len(segments) > 2:
        endpoint = normalise_path("/" + trimmed)
        if _is_api(endpoint, catalog):
            return Shape("absolute", endpoint, at + lead, method)
        return NONE
    if not relative_ok:
        return _outside_v3(trimmed, segments, at + lead, method, catalog)
    if first not in catalog.v3_resources:
        for area in sorted(catalog.api_areas):  # "status-v1/stockbalance" under a /api/warehouse base
            endpoint = normalise_path(f"/api/{area}/{trimmed}")
            if _VERSIONED.search(first) and catalog.match(endpoint) is not None:
                return Shape("relative", endpoint, at + lead, method)
        return NONE
    endpoint = normalise_path("/3/" + trimmed)
    if not _is_v3(endpoint, catalog):
        return NONE
    return Shape("relative", endpoint, at + lead, method)


_VERSION_LIKE = re.compile(r"v?\d+(?:\.\d+)?", re.I)


def _outside_v3(trimmed: str, segments: list[str], at: int, method: str | None, catalog: Catalog) -> Shape:
    """A URL on the API host whose path names a Fortnox resource outside /3/ (https://api.fortnox.se/invoices,
    /v3/invoices, what urljoin makes of a base without its trailing slash): a call that fails with
    404, kept as written so that unknown-endpoint reports it. Any other path is not a call."""
    index = 1 if len(segments) > 1 and _VERSION_LIKE.fullmatch(segments[0]) else 0
    if segments[index] not in catalog.v3_resources:
        return NONE
    return Shape("absolute", normalise_path("/" + trimmed), at, method)


def _is_v3(endpoint: str, catalog: Catalog) -> bool:
    parts = [p for p in endpoint.split("/") if p]
    return len(parts) >= 2 and parts[0] == "3" and parts[1] in catalog.v3_resources


def _is_api(endpoint: str, catalog: Catalog) -> bool:
    """/api/<area>/... paths count when the catalog knows them or they carry a -vN segment."""
    parts = [p for p in endpoint.split("/") if p]
    if len(parts) < 3 or parts[0] != "api" or parts[1].lower() not in catalog.api_areas:
        return False
    return catalog.match(endpoint) is not None or any(_VERSIONED.search(p) for p in parts[2:])


def _is_short(path: str) -> bool:
    return len([p for p in path.split("/") if p]) <= 2


def base_prefix(url: str) -> str:
    """The API path a Fortnox base URL ends in: "" (host only), "/3", or "/api/<area>"."""
    match = API_URL.match(url.strip())
    path = (match.group(1) or "") if match else ""
    return path.rstrip("/")
