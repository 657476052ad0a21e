"""A byte-level form of the scanner's PREFILTER, so most files are never decoded or regex-searched.

``prefilter.PREFILTER`` decides which files can matter at all. Run on decoded text it costs more
than reading the files: one case-insensitive branch alone (``client.?secret|access.?token...``)
scans at about 35 MB/s. This module splits the pattern's top-level alternatives and tests each
on the raw bytes the cheapest way that is still safe:

* a literal (``/3/``, ``BASE_URL``): ``bytes.__contains__``; literals that differ only in case
  (``BASE_URL``, ``base_url``) first as one search of the lower-cased bytes, when those are made;
* a case-insensitive group of literals, optionally joined by ``.?`` (``(?i:client.?secret|...)``):
  every piece must occur in the lower-cased bytes;
* anything else made of ASCII literals, groups, quantifiers, positive character classes and
  lookbehinds of ASCII literals (the quoted-resource trie): compiled as a bytes regular expression,
  one per member of a short leading class (the engine skips ahead to a literal far faster),
  then the expressions and ASCII literals that start with the same character joined into one
  (``/3/`` and ``/(?<!/api/)...`` as ``/(?:3/|(?<!/api/)...)``): one pass stops at each ``/``.

The test is only used to *skip* a file, so it must never say "no" where the regular expression
on the decoded text says "yes" (property-tested):

* UTF-8 never uses ASCII bytes inside multi-byte characters, so ASCII literals and ASCII-only
  classes match the bytes exactly where they match the text;
* under IGNORECASE, ``re`` also matches i, k and s to İ, ı, K and ſ; a file containing any of
  those is passed on;
* patterns this cannot mirror (``.``, ``\\w``, negated classes, non-ASCII...) outside the forms
  above make ``byte_prefilter`` return None, and callers decode and use the regex itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_META = set(".^$*+?{}[]()|\\")
_UNICODE_FOLDS = set("iks")  # ASCII letters that re.IGNORECASE also matches to non-ASCII letters
_FOLDING_BYTES = ("\u0130", "\u0131", "\u212a", "\u017f")  # İ ı K ſ
_FOLDING_UTF8 = tuple(ch.encode("utf-8") for ch in _FOLDING_BYTES)

Test = Callable[[bytes], bool]


def _split(pattern: str) -> list[str] | None:
    """Top-level alternatives of ``pattern`` (None if its brackets do not balance)."""
    parts, start, depth, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 1  # a leading ] is a member, not the end
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts if depth == 0 and not in_class else None


def _literal(text: str) -> str | None:
    """The string ``text`` matches when it is plain characters and escaped punctuation only."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            if i + 1 >= len(text) or text[i + 1].isalnum():
                return None  # \d, \b, \1 ... are not literals
            out.append(text[i + 1])
            i += 2
            continue
        if ch in _META:
            return None
        out.append(ch)
        i += 1
    return "".join(out) or None


def _caseless_pieces(branch: str) -> list[list[str]] | None:
    """For ``(?i:a.?b|c)``: [["a", "b"], ["c"]], the pieces each alternative needs."""
    if not branch.startswith("(?i:") or not branch.endswith(")") or _split(branch[4:-1]) is None:
        return None
    alternatives = []
    for alternative in _split(branch[4:-1]) or []:
        pieces = [_literal(piece) for piece in alternative.split(".?")]
        if any(p is None or not p.isascii() for p in pieces):
            return None
        alternatives.append([p.lower() for p in pieces])  # type: ignore[union-attr]
    return alternatives


_LOOKBEHIND = re.compile(r"\(\?<[!=]((?:[^\\()\[\]|.?*+{}^$]|\\[^A-Za-z0-9])+)\)")


def _byte_safe(branch: str) -> bool:
    """True when ``branch`` matches UTF-8 bytes exactly where it matches their text."""
    if not branch.isascii():
        return False
    # An ASCII literal before a position is the same bytes before it: (?<!/api) is safe.
    branch = _LOOKBEHIND.sub("", branch)
    if "[^" in branch or "(?" in branch.replace("(?:", ""):
        return False
    unescaped = re.sub(r"\\[^A-Za-z0-9]", "", branch)
    return "." not in unescaped and "\\" not in unescaped


MAX_SPLIT_CLASS = 4  # each expression is one more pass over the bytes
_REPEATS = ("*", "+", "?", "{")  # what repeats the atom before it


def _by_first_character(branch: str) -> list[str]:
    """``[ab]rest`` as ``arest`` and ``brest``, which match exactly where it does. The engine
    finds a literal first character with a tight loop, but tests a leading class byte by byte
    through its charset code: the quoted-resource branch runs in half the time split this way.
    Anything but a short class of plain or escaped characters is left as it is."""
    members = _class_members(branch)
    if members is None:
        return [branch]
    chars, after = members
    if len(chars) > MAX_SPLIT_CLASS or branch[after:after + 1] in _REPEATS:
        return [branch]  # long, or repeated: [ab]{2} is not a{2} or b{2}
    return [re.escape(ch) + branch[after:] for ch in dict.fromkeys(chars)]


def _leading(branch: str) -> tuple[str, str] | None:
    """``branch`` as its literal first character and the rest (an expression on its own), or None
    when it starts with anything else or its first character is repeated (``a*``, ``a{2}``)."""
    if branch.startswith("\\"):
        first, rest = branch[1:2], branch[2:]
        if not first or first.isalnum():
            return None
    elif branch and branch[0] not in _META:
        first, rest = branch[0], branch[1:]
    else:
        return None
    return None if rest.startswith(_REPEATS) else (first, rest)


def _by_leading_character(exact: list[bytes], rest: list[str]) -> tuple[list[bytes], list[str]]:
    """Literals and expressions that start with the same character joined into one expression per
    character: a frequent character such as ``/`` costs one stop per occurrence in each expression
    it leads, and each stop costs more than the rest of that expression's match. Literals whose
    first character leads no expression stay literals (``bytes.__contains__`` is faster)."""
    groups: dict[str, list[str]] = {}
    alone: list[str] = []
    for branch in rest:
        split = _leading(branch)
        if split is None:
            alone.append(branch)
        else:
            groups.setdefault(split[0], []).append(split[1])
    literals = []
    for literal in exact:
        text = literal.decode("utf-8")
        if text.isascii() and text[0] in groups:
            groups[text[0]].append(re.escape(text[1:]))
        else:
            literals.append(literal)
    joined = [re.escape(first) + "(?:" + "|".join(tails) + ")" for first, tails in groups.items()]
    return literals, alone + joined


def _case_variants(exact: list[bytes]) -> tuple[list[bytes], list[tuple[re.Pattern[bytes], list[bytes]]]]:
    """ASCII literals whose lower-case forms start with the same character (``BASE_URL``,
    ``base_url``, ``BaseAddress``) as one search of the lower-cased bytes for any of those forms,
    then the literals themselves only where it finds one: every literal that occurs leaves its
    lower-case form in the lower-cased bytes, so this never says no where they say yes. The
    engine skips ahead to the forms' common prefix ("base"): one pass instead of one per literal."""
    groups: dict[bytes, list[bytes]] = {}
    for literal in exact:
        if literal.isascii():
            groups.setdefault(literal[:1].lower(), []).append(literal)
    shared = [(re.compile(b"|".join(re.escape(form) for form in dict.fromkeys(v.lower() for v in variants))),
               variants) for variants in groups.values() if len(variants) > 1]
    grouped = {literal for _, variants in shared for literal in variants}
    return [literal for literal in exact if literal not in grouped], shared


def _split_by_first_character(branches: list[str]) -> list[str]:
    return [split for branch in branches for split in _by_first_character(branch)]


def _loosened(branch: str) -> str:
    """An expression matching wherever ``branch`` does (and maybe elsewhere), cheaper to search for:

    * without its lookbehinds: an assertion only ever removes matches;
    * ``[ab]b?rest`` as ``[ab]rest``, when the optional character is one of the leading class's
      members: where ``a`` ``b`` ``rest`` matches, ``b`` ``rest`` matches one character later.
      The engine no longer tries ``rest`` twice at every ``//``.
    """
    branch = _LOOKBEHIND.sub("", branch)
    members = _class_members(branch)
    if members is None:
        return branch
    chars, after = members
    tail = branch[after:]
    if tail.startswith("\\") and len(tail) > 2 and not tail[1].isalnum():
        optional, rest = tail[1], tail[2:]
    elif tail and tail[0] not in _META:
        optional, rest = tail[0], tail[1:]
    else:
        return branch
    if rest.startswith("?") and not rest.startswith(("?+", "??")) and optional in chars:
        return branch[:after] + rest[1:]
    return branch


def _class_members(branch: str) -> tuple[list[str], int] | None:
    """For ``[ab\\-]rest``: (["a", "b", "-"], the offset of ``rest``); None unless ``branch`` starts
    with a class of plain and escaped characters only (no ranges, sets or negation)."""
    if not branch.startswith("[") or branch.startswith(("[^", "[]")):
        return None
    members, i = [], 1
    while i < len(branch) and branch[i] != "]":
        ch = branch[i]
        if ch == "\\":
            ch = branch[i + 1:i + 2]
            if not ch or ch.isalnum():
                return None  # \d, \w ...: a set, not a character
            i += 1
        elif ch in "-[":
            return None  # ranges and nested sets are not worth reading here
        members.append(ch)
        i += 1
    return (members, i + 1) if i < len(branch) else None


def byte_prefilter(regex: re.Pattern[str]) -> Test | None:
    """A test on UTF-8 bytes that is True whenever ``regex.search`` on their text can match,
    or None when the pattern is not something this can mirror safely."""
    if regex.flags & re.VERBOSE or not isinstance(regex.pattern, str):
        return None
    branches = _split(regex.pattern)
    if branches is None:
        return None
    caseless = bool(regex.flags & re.IGNORECASE)
    exact: list[bytes] = []  # literals that must occur as they are
    folded: list[list[bytes]] = []  # piece lists that must all occur, in any case
    rest: list[str] = []  # branches for bytes regular expressions
    for branch in branches:
        literal = _literal(branch)
        pieces = None if literal is not None else _caseless_pieces(branch)
        if literal is not None and (not caseless or literal.isascii()):
            (folded.append([literal.lower().encode()]) if caseless else exact.append(literal.encode("utf-8")))
        elif pieces is not None:
            folded.extend([[p.encode() for p in alternative] for alternative in pieces])
        elif not caseless and _byte_safe(branch):
            rest.append(branch)
        else:
            return None
    folds = any(_UNICODE_FOLDS & set(b"".join(alt).decode()) for alt in folded)
    # Rejecting a file means proving that no piece occurs: the longest first, the fastest to
    # search for and the likeliest to be missing; the others are only looked for when it is found.
    folded = [sorted(alternative, key=len, reverse=True) for alternative in folded]
    # One expression per leading character: joined into one alternation they lose the engine's
    # skip-ahead to each branch's first character, and run about twice as slowly.
    literals, exprs = _by_leading_character(exact, _split_by_first_character(rest))
    loose_literals, loose_exprs = _by_leading_character(exact, _split_by_first_character(
        [_loosened(branch) for branch in rest]))
    if loose_exprs == exprs or loose_literals != literals:
        loose_exprs = []  # nothing to loosen (or not the same literals left: keep it simple)
    # the lower-cased bytes are made anyway when there are caseless pieces
    exact, shared = _case_variants(literals) if folded else (literals, [])
    others = [_searcher(expr) for expr in exprs]
    # The loosened expressions decide alone when none of them matches (almost every file); any
    # match of the exact ones is a match of theirs, so only then are the exact ones needed.
    loose = [_searcher(expr) for expr in loose_exprs] or others

    def test(data: bytes) -> bool:
        if any(needle in data for needle in exact):
            return True
        if folded:
            lowered = data.lower()  # ASCII-only lower-casing: exactly what bytes can tell us
            if any(all(piece in lowered for piece in alternative) for alternative in folded):
                return True
            if any(forms.search(lowered) and any(v in data for v in variants) for forms, variants in shared):
                return True
            if folds and not data.isascii() and any(b in data for b in _FOLDING_UTF8):
                return True
        if not any(_found(search, lead, data) for search, lead in loose):
            return False
        return loose is others or any(_found(search, lead, data) for search, lead in others)

    return test


Searcher = tuple[Callable[[bytes, int], "re.Match[bytes] | None"], bytes]


class _Lazy:
    """A bytes expression's search, compiled when first needed. Compiling the eight expressions
    of the shipped pattern takes about 11 ms, most of a single buffer's prefilter: a buffer that
    names Fortnox is settled by the literals and needs none of them."""

    __slots__ = ("_expr", "_search")

    def __init__(self, expr: bytes) -> None:
        self._expr = expr
        self._search: Callable[[bytes, int], re.Match[bytes] | None] | None = None

    def __call__(self, data: bytes, start: int) -> re.Match[bytes] | None:
        search = self._search
        if search is None:
            search = self._search = re.compile(self._expr).search
        return search(data, start)


def _searcher(expr: str) -> Searcher:
    """An expression's search (compiled on first use), and the literal byte it starts with (b"" if none)."""
    lead = _leading(expr)
    return _Lazy(expr.encode("ascii")), lead[0].encode("ascii") if lead else b""


def _found(search: Callable[[bytes, int], "re.Match[bytes] | None"], lead: bytes, data: bytes) -> bool:
    """Whether the expression occurs in ``data``. The search starts at its first character's first
    occurrence: ``bytes.find`` gets there several times faster than the engine's own skip-ahead, and
    at once to no for a character the file lacks (lookbehinds still see the bytes before it)."""
    start = data.find(lead) if lead else 0
    return start >= 0 and search(data, start) is not None
