"""Fact extractor: Fortnox OAuth URLs and the parameters of the authorization (activation) request.

Two kinds of fact:

* ``oauth-url`` - a Fortnox OAuth URL written in the source (``https://apps.fortnox.se/oauth-v1/auth``,
  a token URL, or a wrong variant such as ``/oauth-v1/authorize`` or a host other than apps).
  Data: ``url`` (scheme, host and path only), ``host``, ``path``, ``role`` (auth, token, revoke,
  migrate or other).
* ``auth-request`` - one per file that writes an authorization URL or a ``response_type``
  parameter: every authorization parameter the file sets, however it is written (in the URL's
  query, concatenated, in a dict/params object, by a URL builder). Data: ``params``, a list of
  {name, value, raw, encoded, line, column}, and ``complete``: whether the file shows the whole
  query, so that a parameter it lacks is really missing.

A parameter's ``value`` is what Fortnox receives after decoding. ``encoded`` is true when it was
written inside a query string (so ``%20`` and ``+`` are spaces) and false when a builder will
encode it (so a ``+`` arrives as a plus sign). Run-time parts are ``{}``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from urllib.parse import unquote, unquote_plus

from linter.scanner.facts import FileView
from linter.scanner.facts.exprs import JOINS_A_STRING, UNKNOWN, Value
from linter.scanner.uses import Fact

OAUTH_PARAMS = ("client_id", "response_type", "state", "scope", "redirect_uri", "access_type",
                "account_type")
OAUTH_PATHS = {"/oauth-v1/auth": "auth", "/oauth-v1/token": "token", "/oauth-v1/revoke": "revoke",
               "/oauth-v1/migrate": "migrate"}
AUTH_HOST = "apps.fortnox.se"

_URL = re.compile(r"https?://([A-Za-z0-9.-]{1,253})(?::[0-9]{1,5})?(/[^\s?#\"'<>\\{}`]*)?", re.I)
_QUERY_START = re.compile(r"(?:^|[?&])(?:" + "|".join(OAUTH_PARAMS) + r")=")
_QUERY_END = re.compile(r"[\s#\"'<>`]")
# Whitespace that does not end a query: more of a value, then another authorization parameter
# ("scope=invoice customer&state=", what "&scope=" + " ".join(SCOPES) + "&state=" builds). Bounded
# (every scope Fortnox has, joined, is shorter), so that no search through it can take quadratic time.
_QUERY_GOES_ON = re.compile(r"\s[^#\"'<>`=&]{0,1000}&(?:" + "|".join(OAUTH_PARAMS) + r")=")
# Calls of OAuth client libraries that add client_id, response_type and state to the
# authorization URL themselves (requests-oauthlib, Authlib, simple-oauth2, openid-client,
# golang.org/x/oauth2, league/oauth2-client and ScribeJava, the oauth2 gem and Elixir's OAuth2).
_LIBRARY_CALLS = frozenset({"OAuth2Session", "authorization_url", "create_authorization_url", "authorize_redirect",
                            "authorizeURL", "authorizationUrl", "AuthCodeURL", "getAuthorizationUrl",
                            "authorize_url"})
_PRECHECK = re.compile(r"fortnox\.se|(?:" + "|".join(OAUTH_PARAMS) + r")=", re.I)
# What every _PRECHECK match is, once folded (see _fold).
_NEEDLES = ("fortnox.se", *(name + "=" for name in OAUTH_PARAMS))


def oauth_url(host: str, path: str | None) -> dict | None:
    """Data for an ``oauth-url`` fact, or None when the URL is not a Fortnox OAuth URL."""
    host = host.lower()
    path = path or ""
    if not (host == "fortnox.se" or host.endswith(".fortnox.se")) or "oauth" not in path.lower():
        return None
    trimmed = path.rstrip("/").lower() or "/"
    kind = OAUTH_PATHS.get(trimmed)
    if kind is None:
        last = trimmed.rsplit("/", 1)[-1]
        kind = next((k for k in ("auth", "token", "revoke", "migrate") if last.startswith(k)), "other")
    return {"url": f"https://{host}{path}", "host": host, "path": path, "role": kind}


def _trim(path: str | None, end: int, text: str) -> str | None:
    """A URL's path without the sentence punctuation after it ("... at /oauth-v1/token.")."""
    if path is None or (end < len(text) and text[end] == "?"):
        return path
    return path.rstrip(".,;:!)") or None


def _param(view: FileView, name: str, value: str, raw: str, encoded: bool, offset: int) -> dict:
    line, column = view.index.position(offset)
    return {"name": name, "value": value, "raw": raw, "encoded": encoded, "line": line, "column": column}


def _decode(raw: str) -> str:
    return unquote_plus(raw) if UNKNOWN not in raw else unquote_plus(raw.replace(UNKNOWN, "\0")).replace("\0", UNKNOWN)


def _query_params(view: FileView, query: str, base: int, value: Value | None) -> tuple[list[dict], bool]:
    """Authorization parameters in a query string starting at ``text[base]``; and whether part of
    the query is only known at run time (``?{}`` or ``&{}``)."""
    params: list[dict] = []
    is_open = False
    index = base
    for segment in query.split("&"):
        start = index
        index += len(segment) + 1
        if segment.startswith("amp;"):  # &amp; in HTML
            segment, start = segment[4:], start + 4
        if "=" not in segment:
            is_open |= UNKNOWN in segment
            continue
        key, raw = segment.split("=", 1)
        if UNKNOWN in key:
            is_open = True
            continue
        key = unquote(key)
        if key in OAUTH_PARAMS:
            offset = value.offset_of(start) if value is not None else start
            params.append(_param(view, key, _decode(raw), raw, True, offset))
    return params, is_open


class _Found:
    """What one file holds: OAuth URLs written in it, and query strings (with whether each belongs
    to an authorization URL and whether it is fully visible)."""

    def __init__(self) -> None:
        self.urls: list[Fact] = []
        self.has_auth_url = False
        self.queries: list[tuple[list[dict], bool, bool]] = []  # (params, is_auth, is_open)


def _scan_string(view: FileView, text: str, value: Value | None, offset: int, found: _Found) -> None:
    """URLs and query parameters in one string (``value`` maps its characters to file offsets)."""
    where = (lambda i: value.offset_of(i)) if value is not None else (lambda i: offset + i)
    query_from, is_auth, foreign = None, False, False
    for match in _URL.finditer(text):
        data = oauth_url(match.group(1), _trim(match.group(2), match.end(), text))
        if data is None:  # another URL: its query (another provider's client_id...) is not ours
            foreign |= match.end() < len(text) and text[match.end()] == "?"
            continue
        at = where(match.start())
        # A URL that opens its string literal is reported at the literal, as endpoint calls are.
        start = at if value is None or not value.starts_piece(match.start()) \
            else value.piece_offset(match.start())
        # Only a URL written here is reported here; one that came from a constant is reported
        # where the constant is written.
        if view.text.startswith(match.group(0), at) or \
                match.group(0) in view.text[start:start + len(match.group(0)) + 6]:
            found.urls.append(view.fact("oauth-url", start, **data))
        found.has_auth_url |= data["role"] == "auth"
        if match.end() < len(text) and text[match.end()] == "?" and query_from is None:
            query_from, is_auth = match.end() + 1, data["role"] == "auth"
    if query_from is None:
        if foreign or value is None:
            return  # in unlexed text (prose, reports) only a Fortnox OAuth URL's own query counts
        start = _QUERY_START.search(text)
        if start is None:
            return
        query_from = start.start() + (1 if text[start.start()] in "?&" else 0)
    query = text[query_from:_query_end(text, query_from)]
    if value is None:
        params, is_open = _query_params(view, query, offset + query_from, None)
    else:
        params, is_open = _query_params(view, query, query_from, value)
    is_auth |= any(p["name"] == "response_type" for p in params)
    found.queries.append((params, is_auth, is_open))


def _query_end(text: str, start: int) -> int:
    """Where the query that starts at ``text[start]`` ends: at whitespace, a quote or a fragment,
    but not at whitespace inside a value that another authorization parameter follows."""
    at = start
    while True:
        stop = _QUERY_END.search(text, at)
        if stop is None:
            return len(text)
        goes_on = _QUERY_GOES_ON.match(text, stop.start()) if text[stop.start()].isspace() else None
        if goes_on is None:
            return stop.start()
        at = goes_on.end()


def extract(view: FileView) -> list[Fact]:
    found = _Found()
    builder: list[dict] = []
    if view.tokens is None:
        if not _PRECHECK.search(view.text):
            return []
        # Unlexed files (HTML, YAML, shell): URLs with their query, as written.
        for match in re.finditer(r"[^\s\"'<>`]+", view.text):
            if _PRECHECK.search(match.group()):
                _scan_string(view, match.group(), None, match.start(), found)
    else:
        reader = view.reader
        tokens = view.tokens
        after = 0  # strings before this index were read as part of an earlier expression
        for k in _worth_reading(view):
            if k < after:
                continue
            if reader.lone_string(k):
                # Build the Value (offsets of its parts) only for the few strings that may match.
                after = k + 1
                if not _PRECHECK.search(reader.interpolate(tokens[k])):
                    continue
            value, stop = reader.string_expr(k)
            if value.kind == "str" and _PRECHECK.search(value.text):
                _scan_string(view, value.text, value, value.offset, found)
            after = max(stop, k + 1)
        for pair in reader.pairs(lambda key: key in OAUTH_PARAMS):
            builder.append(_builder_param(view, pair.key, pair.key_offset, pair.value))
    return found.urls + _auth_request(view, found, builder)


def _fold(text: str) -> str:
    """``text`` lowered, one character for one (only \u0130 lowers to two), with \u0130 and
    \u0131 (dotted and dotless I) as i and \u017f (long s) as s: the three characters that
    IGNORECASE matches to an ASCII letter which lower() does not turn them into. Where
    _PRECHECK matches ``text``, one of _NEEDLES is in the result at the same place."""
    return text.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s").lower()


def _worth_reading(view: FileView) -> list[int]:
    """The string tokens that the loop in extract has to read, in order. The others are lone
    strings (see Reader.lone_string) that are not interpolated and do not match _PRECHECK: the
    loop would only step over them. Their texts are folded and searched at once, joined by
    line breaks, which no needle holds; str.find is many times faster than _PRECHECK."""
    strings, values, kinds = view.strings, view.values, view.kinds
    texts = [values[k] for k in strings]
    folded = _fold("\n".join(texts))
    starts = [0, *accumulate(map((1).__add__, map(len, texts)))]  # where each text starts
    found: set[int] = set()
    for needle in _NEEDLES:
        at = folded.find(needle)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            found.add(strings[i])
            at = folded.find(needle, starts[i + 1])  # on from the next text
    tokens = view.tokens
    assert tokens is not None
    last = len(tokens) - 1
    # interpolated (the value is not the text), or not a lone string (as Reader.lone_string)
    found.update(k for k in strings if tokens[k].interpolated or (k < last and (
        kinds[k + 1] == "str" or (kinds[k + 1] == "punct" and values[k + 1] in JOINS_A_STRING))))
    return sorted(found)


def _builder_param(view: FileView, name: str, key_offset: int, value: Value | None) -> dict:
    if value is None:  # JavaScript shorthand {state}: set, but to a run-time value
        return _param(view, name, UNKNOWN, UNKNOWN, False, key_offset)
    text = value.text if value.kind == "str" or (value.kind == "list" and len(value.items) == 1) \
        else UNKNOWN
    return _param(view, name, text, text, False, value.offset)


def _library_completes(view: FileView) -> bool:
    """Whether the file calls an OAuth client library that adds parameters of its own to the
    authorization URL: then the file never shows the whole query."""
    if view.tokens is None:
        return False  # unlexed (HTML, YAML): no calls to read
    values = view.values
    if _LIBRARY_CALLS.isdisjoint(values):
        return False
    return any(value in _LIBRARY_CALLS and _library_call(values, k) for k, value in enumerate(values))


def _library_call(values: list[str], k: int) -> bool:
    """``values[k]`` is called as a library's method (``session.authorization_url(``,
    ``$provider->getAuthorizationUrl(``, Elixir's ``authorize_url!(``) or is the
    ``OAuth2Session(`` constructor; not a function of the file's own (``def authorization_url(``,
    ``self.authorization_url(``)."""
    if values[k + 1:k + 2] not in (["("], ["!"]):
        return False
    if values[k] == "OAuth2Session":
        return True
    if k >= 2 and values[k - 1] == ".":
        receiver = values[k - 2]
    elif k >= 3 and values[k - 1] == ">" and values[k - 2] == "-":
        receiver = values[k - 3]
    else:
        return False
    return receiver not in ("self", "this", "$this")


def _auth_request(view: FileView, found: _Found, builder: list[dict]) -> list[Fact]:
    literal = [p for params, _, _ in found.queries for p in params]
    params = sorted(literal + builder, key=lambda p: (p["line"], p["column"], p["name"]))
    if not found.has_auth_url and not (any(p["name"] == "response_type" for p in params)
                                       and view.mentions_fortnox):
        return []  # another provider's OAuth, or none at all
    auth_queries = [(ps, is_open) for ps, is_auth, is_open in found.queries if is_auth]
    built = {p["name"] for p in builder}
    # The whole query is visible when the authorization URL's own query string is, or when a
    # params object in the file sets the authorization-only parameters (a token request's body
    # sets client_id and redirect_uri too, never scope or response_type).
    complete = (any(ps and not is_open for ps, is_open in auth_queries)
                and not any(is_open for _, is_open in auth_queries)) \
        or (len(built) >= 2 and bool(built & {"scope", "response_type"}))
    complete = complete and not _library_completes(view)
    auth_urls = [u for u in found.urls if u.data["role"] == "auth"]
    first = auth_urls[0] if auth_urls else None
    if first is not None:
        line, column = first.line, first.column
    elif params:
        line, column = params[0]["line"], params[0]["column"]
    else:
        line, column = 1, 1
    return [Fact("auth-request", view.display, line, column, {"params": params, "complete": complete})]
