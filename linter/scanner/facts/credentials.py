"""Fact extractor: Fortnox credentials written as literals (client secrets, access and refresh tokens).

Emits ``credential`` facts with data ``what`` (client secret, access token, ...), ``key`` (the
variable or key it was assigned to, if any), ``redacted`` (see linter.redact) and
``fortnox_file`` (whether the file itself mentions Fortnox). The secret itself is never stored.

What counts: a string literal assigned to a credential-named key or variable (client_secret,
access_token, refresh_token, Authorization-Code, or any key naming Fortnox with secret/token/
password), and any JSON Web Token (Fortnox access tokens are JWTs) in a file that mentions
Fortnox. Placeholders, environment-variable names, interpolations and short or plain words are
not secrets.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.redact import redact
from linter.scanner.facts import FileView
from linter.scanner.facts.exprs import Value
from linter.scanner.uses import Fact

_GENERIC_KEYS = {"clientsecret": "client secret", "accesstoken": "access token",
                 "refreshtoken": "refresh token", "authorizationcode": "authorization code"}
_PLACEHOLDER_WORDS = ("your", "xxx", "example", "changeme", "change_me", "placeholder", "dummy",
                      "fake", "sample", "redacted", "insert", "replace", "todo", "secret",
                      "token", "...", "…", "***")
_PLACEHOLDER_CHARS = set("<>{}$%[]() ")
_ENV_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_.-]+")
# key [:=] value on one line of a config file (.env, YAML, JSON, INI, properties); matched after the
# line's indent, as a leading [ \t]* would be quadratic under search
_CONFIG_LINE = re.compile(
    r"""(?:export[ \t]+)?["']?([A-Za-z_][A-Za-z0-9_.-]{0,100})["']?[ \t]*[:=][ \t]*(["']?)([^\s"',#;]{1,4096})""")
# a credential in a query string or form body: ...&client_secret=VALUE&...
_QUERY_PAIR = re.compile(r"(?:^|[?&])(client_secret|access_token|refresh_token)=([^&\s\"'#<>]{1,4096})")
MAX_LINE = 10_000


@lru_cache(maxsize=1 << 14)  # asked of every name and string in a file
def credential_kind(key: str) -> str | None:
    """What a key or variable name says it holds, when that is a Fortnox credential."""
    normal = re.sub(r"[^a-z0-9]", "", key.lower())
    bare = normal.replace("fortnox", "")
    if bare in _GENERIC_KEYS:
        return _GENERIC_KEYS[bare]
    if "fortnox" in normal:
        for word, what in (("secret", "client secret"), ("refresh", "refresh token"),
                           ("token", "access token"), ("password", "password")):
            if word in normal:
                return what
    return None


def is_jwt(value: str) -> bool:
    parts = value.split(".")
    return (len(parts) == 3 and parts[0].startswith("eyJ") and len(parts[0]) >= 10
            and len(parts[1]) >= 10 and len(parts[2]) >= 10)


def jwts(text: str) -> list[tuple[int, str]]:
    """(index, token) for every JWT-shaped run in ``text``; runs never overlap, so this is linear."""
    return [(m.start(), m.group()) for m in _TOKEN_RUN.finditer(text) if is_jwt(m.group())]


def looks_secret(value: str) -> bool:
    """A real credential rather than a placeholder, a name or a word."""
    value = value.strip()
    if value.lower().startswith("bearer "):
        value = value[7:].strip()
    if not 8 <= len(value) <= 4096 or any(c.isspace() for c in value):
        return False
    if is_jwt(value):
        return True
    lowered = value.lower()
    if any(word in lowered for word in _PLACEHOLDER_WORDS) or set(value) & _PLACEHOLDER_CHARS:
        return False
    if _ENV_NAME.fullmatch(value) or "://" in value or value.startswith(("/", "./", "~")):
        return False
    if len(set(value)) <= 2:
        return False
    has_digit = any(c.isdigit() for c in value)
    has_upper = any(c.isupper() for c in value)
    has_lower = any(c.islower() for c in value)
    return has_digit or (has_upper and has_lower)


def _what(key: str | None, value: str) -> str:
    if key is not None:
        kind = credential_kind(key)
        if kind:
            return kind
    return "access token" if is_jwt(value.split()[-1]) else "credential"


def extract(view: FileView) -> list[Fact]:
    fortnox_file = view.mentions_fortnox
    found: dict[int, Fact] = {}

    def add(offset: int, end: int, key: str | None, secret: str) -> None:
        """A credential whose source text runs from ``offset`` to ``end`` (the span output masks)."""
        if offset not in found:
            end_line, end_column = view.index.position(end)
            found[offset] = view.fact("credential", offset, what=_what(key, secret), key=key,
                                      redacted=redact(secret.strip()), fortnox_file=fortnox_file,
                                      end_line=end_line, end_column=end_column)

    if view.tokens is not None:
        reader = view.reader
        ends: dict[int, int] | None = None  # string token offset -> end, built at the first secret
        for pair in reader.pairs(lambda k: credential_kind(k) is not None, assignments=True):
            value = pair.value
            if _literal(value) and looks_secret(value.text):
                if ends is None:
                    ends = {view.tokens[k].offset: view.tokens[k].end for k in view.strings}
                add(value.offset, ends.get(value.offset, value.offset + 1), pair.key, _bare(value.text))
        for token in map(view.tokens.__getitem__, view.strings):
            if not token.interpolated:
                value = token.value
                if "=" in value:  # _in_query's own first test, made before building its callback
                    _in_query(value, lambda _i, _j, key, secret, t=token: add(t.offset, t.end, key, secret))
                if fortnox_file and "eyJ" in value:  # how every JWT starts (is_jwt)
                    for _index, jwt in jwts(value)[:1]:
                        add(token.offset, token.end, None, jwt)
    else:
        for line_start, line in _lines(view.text):
            _in_query(line, lambda i, j, key, secret, at=line_start: add(at + i, at + j, key, secret))
            match = _CONFIG_LINE.match(line, len(line) - len(line.lstrip(" \t")))
            if match and credential_kind(match.group(1)) and looks_secret(match.group(3)):
                closing = len(match.group(2)) if line[match.end():].startswith(match.group(2)) else 0
                add(line_start + match.start(2), line_start + match.end() + closing, match.group(1),
                    _bare(match.group(3)))
            elif fortnox_file:
                for index, jwt in jwts(line)[:1]:
                    add(line_start + index, line_start + index + len(jwt), None, jwt)
    return sorted(found.values())


def _in_query(text: str, report) -> None:
    """Credentials in query strings and form bodies: ``grant_type=refresh_token&refresh_token=...``."""
    if "=" not in text:
        return
    for match in _QUERY_PAIR.finditer(text):
        if looks_secret(match.group(2)):
            report(match.start(2), match.end(2), match.group(1), match.group(2))


def _literal(value: Value | None) -> bool:
    return value is not None and value.kind == "str" and value.known and len(value.parts) == 1


def _bare(secret: str) -> str:
    """The secret without a ``Bearer`` prefix, as it would be redacted."""
    secret = secret.strip()
    return secret[7:].strip() if secret.lower().startswith("bearer ") else secret


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        if len(line) <= MAX_LINE:
            yield start, line
        start += len(line) + 1
