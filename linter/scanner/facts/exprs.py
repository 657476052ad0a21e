"""Reading small expressions out of a token list, for fact extractors.

The lexer gives strings, names and punctuation without a grammar. Extractors need a little more:
what string a few tokens build (``AUTH + "?scope=" + " ".join(SCOPES)``), which file-level
constants hold which strings, and key/value pairs in the many ways languages write them
(``{"scope": x}``, ``scope: x``, ``'scope' => x``, ``q.Set("scope", x)``, ``p["scope"] = x``,
``dict(scope=x)``, ``"scope" to x``). Everything here is bounded per call, so a whole file is
read in linear time. A run-time part of a string is written ``{}``, as the lexer does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import attrgetter

from linter.scanner.lexer import PLACEHOLDER, Token
from linter.scanner.syntax import indexes_of

UNKNOWN = PLACEHOLDER
MAX_EXPR_TOKENS = 200  # a value longer than this is not a literal worth reading
JOIN_NAMES = frozenset({"join", "Join", "implode", "joinToString", "join_with"})
# Calls that build a list from their arguments: listOf("a", "b"), List.of(...), array('a', 'b').
LIST_CALLS = frozenset({"listOf", "mutableListOf", "arrayOf", "setOf", "of", "asList", "array",
                        "Array", "Set", "list", "tuple", "frozenset"})
# A join separator: whitespace, a comma, a plus, or an already-encoded space or comma.
_SEPARATOR = re.compile(r"\s+|,\s*|\+|%20|%2[Cc]")
# Languages where ``name:`` introduces a value (object keys, symbols, named arguments, struct fields).
_COLON_KEYS = frozenset({"javascript", "typescript", "ruby", "elixir", "php", "csharp", "go"})
# Interpolations as written in source, per language: the expression inside is group 1..3.
_INTERPOLATION = {
    "python": re.compile(r"\{\{|\}\}|\{([^{}]*)\}"),
    "csharp": re.compile(r"\{\{|\}\}|\{([^{}]*)\}"),
    "javascript": re.compile(r"\$\{([^{}]*)\}"),
    "typescript": re.compile(r"\$\{([^{}]*)\}"),
    "ruby": re.compile(r"#\{([^{}]*)\}"),
    "elixir": re.compile(r"#\{([^{}]*)\}"),
    "php": re.compile(r"\{\$([^{}]*)\}|\$\{([^{}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)"),
    "kotlin": re.compile(r"\$\{([^{}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)"),
}
_SIMPLE_NAME = re.compile(r"^\s*(?:self\.|this\.|@|\$)?([A-Za-z_][A-Za-z0-9_]*)\s*$")
_JOIN_EXPR = re.compile(
    r"""^\s*(?:(['"])(?P<sep1>[^'"]{0,3})\1\s*\.\s*join\s*\(\s*(?P<list1>[A-Za-z_][A-Za-z0-9_]*)\s*\)"""
    r"""|(?P<list2>[A-Za-z_][A-Za-z0-9_]*)\s*\.\s*join\s*\(\s*(['"])(?P<sep2>[^'"]{0,3})\6\s*\))\s*$""")


@dataclass(frozen=True)
class Value:
    """What an expression evaluates to, as far as the tokens show."""

    text: str  # the string, with {} for run-time parts; for a list, its items joined by spaces
    offset: int  # where the expression starts in the file
    kind: str = "str"  # "str", "list" (a literal list of strings) or "unknown"
    items: tuple[str, ...] = ()  # a list's strings
    # (index in text, file offset of the piece, file offset of its text or -1) per piece; the
    # text offset is known for a string literal whose source is its value (no escapes, no {}).
    parts: tuple[tuple[int, int, int], ...] = ()

    @property
    def known(self) -> bool:
        return self.kind != "unknown" and UNKNOWN not in self.text

    def offset_of(self, index: int) -> int:
        """The file offset of ``text[index]`` when the source shows it character for character,
        else of the piece of source (string literal, name) that produced it."""
        best = self.offset
        for start, offset, exact in self.parts:
            if start <= index:
                best = exact + index - start if exact >= 0 else offset
        return best

    def starts_piece(self, index: int) -> bool:
        return index == 0 or any(start == index for start, _, _ in self.parts)

    def piece_offset(self, index: int) -> int:
        """The file offset of the piece of source whose text starts at ``text[index]``."""
        return next((offset for start, offset, _ in self.parts if start == index), self.offset)


@dataclass(frozen=True)
class Pair:
    key: str
    key_offset: int
    value: Value | None  # None when the key stands alone (JavaScript shorthand {state})


def is_punct(tokens: list[Token], k: int, value: str) -> bool:
    return 0 <= k < len(tokens) and tokens[k].kind == "punct" and tokens[k].value == value


def _is_assign(tokens: list[Token], k: int) -> bool:
    """``=`` that is an assignment: not ``==``, ``=>``, ``<=``, ``>=``, ``!=``."""
    if not is_punct(tokens, k, "="):
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    prev = tokens[k - 1] if k > 0 else None
    if nxt is not None and nxt.kind == "punct" and nxt.value in "=>" and nxt.offset == tokens[k].end:
        return False
    return not (prev is not None and prev.kind == "punct" and prev.value in "=!<>"
                and prev.end == tokens[k].offset)


def _newline_between(text: str, a: Token, b: Token) -> bool:
    return "\n" in text[a.end:b.offset]


# What may extend a string atom (_atom, _method, _concat_op): "\\" joins two strings, "." calls a
# method (or concatenates in PHP), "+" concatenates, and so does Elixir's "<>".
JOINS_A_STRING = frozenset({"\\", ".", "+", "<"})
_CONTINUES_AFTER = set("+.,([{=:<>|&?-*/%\\")
_CONTINUES_BEFORE = set("+.)]}:?<>|&")


# Every text taken for a bracket: ``value in "([{"`` holds for its substrings.
_BRACKET_TEXTS = frozenset(s[i:j] for s in ("([{", ")]}") for i in range(4) for j in range(i, 4))


def _partners(values: list[str], kinds: list[str]) -> list[int]:
    """For each opening bracket, the index of the closing bracket that brings its depth back
    (-1 when none does; brackets of any kind count alike), from the tokens' texts and kinds. One
    pass, so walking over a bracket group is a lookup: deeply nested code would otherwise be
    rescanned once per level. A C-level filter finds the brackets, and only they are visited."""
    found = [-1] * len(values)
    stack: list[int] = []
    for k in compress(range(len(values)), map(_BRACKET_TEXTS.__contains__, values)):
        if kinds[k] == "punct":
            if values[k] in "([{":
                stack.append(k)
            elif stack:
                found[stack.pop()] = k
    return found


def expr_end(tokens: list[Token], j: int, text: str, partner: list[int]) -> int:
    """Index just after the expression that starts at ``j``: it stops at a comma, semicolon or
    closing bracket at its own depth, or at a line break that does not continue it. Bracket
    groups are stepped over whole (``partner``: see _partners)."""
    k = j
    limit = min(len(tokens), j + MAX_EXPR_TOKENS)
    while k < limit:
        token = tokens[k]
        if k > j and _newline_between(text, tokens[k - 1], token):
            before, after = tokens[k - 1], token
            if not ((before.kind == "punct" and before.value in _CONTINUES_AFTER)
                    or (after.kind == "punct" and after.value in _CONTINUES_BEFORE)):
                return k
        if token.kind == "punct":
            if token.value in "([{":
                if not 0 <= partner[k] < limit:
                    return limit  # the group runs past the limit: so does the expression
                k = partner[k]
            elif token.value in ")]}" or token.value in ",;":
                return k
        k += 1
    return k


def _concat_op(tokens: list[Token], k: int, end: int, language: str | None) -> int:
    """Length in tokens of a string-concatenation operator at ``k``; 0 if there is none."""
    if is_punct(tokens, k, "+") and not is_punct(tokens, k + 1, "="):
        return 1
    if language == "php" and is_punct(tokens, k, ".") and not is_punct(tokens, k + 1, "="):
        return 1
    if language == "elixir" and is_punct(tokens, k, "<") and is_punct(tokens, k + 1, ">") \
            and k + 1 < end:
        return 2
    return 0


class _OrderDependent(Exception):
    """Raised when a constant's value depends on the constants assigned before it."""


def _assignment_sites(tokens: list[Token], values: list[str]) -> dict[str, list[int]]:
    """For each name assigned with ``name = value`` or ``name := value`` (not ``a.name = value``),
    the token index of each value, in file order: the assignments _collect_constants reads.
    Visits the "=" tokens only (a C-level search), not every token; ``values`` are the tokens' texts."""
    sites: dict[str, list[int]] = {}
    for p in indexes_of(values, "="):
        if tokens[p].kind != "punct" or not _is_assign(tokens, p):
            continue
        k = p - 1
        if is_punct(tokens, k, ":") and tokens[k].end == tokens[p].offset:
            k -= 1  # Go :=
        if k < 0 or tokens[k].kind != "name" or is_punct(tokens, k - 1, "."):
            continue
        sites.setdefault(tokens[k].value.lstrip("$@"), []).append(p + 1)
    return sites


class Reader:
    """Reads values in one file, resolving names against the file's own string constants."""

    def __init__(self, tokens: list[Token], text: str, language: str | None,
                 values: list[str] | None = None, kinds: list[str] | None = None) -> None:
        """``values`` and ``kinds``: the tokens' texts and kinds, when the caller has them."""
        self.tokens = tokens
        self.text = text
        self.language = language
        self.values = values if values is not None else list(map(attrgetter("value"), tokens))
        self.kinds = kinds if kinds is not None else list(map(attrgetter("kind"), tokens))
        # Constants are read when first looked up (most files look up few names, or none).
        self._known: dict[str, Value | None] = {}
        self._eager: dict[str, Value] | None = None  # all constants, when read the original way
        self._reading_site = False

    @cached_property
    def partner(self) -> list[int]:
        """See _partners(); found when first needed: only multi-token expressions need it."""
        return _partners(self.values, self.kinds)

    # -- constants -------------------------------------------------------------------------
    @cached_property
    def _sites(self) -> dict[str, list[int]]:
        """Where each name is assigned (see _assignment_sites), found at the first lookup."""
        return _assignment_sites(self.tokens, self.values)

    @property
    def constants(self) -> dict[str, Value]:
        """Every file constant by name (see _collect_constants)."""
        if self._eager is not None:
            return self._eager
        found = {}
        for name in sorted(self._sites, key=lambda name: self._sites[name][0]):
            value = self.lookup(name)
            if self._eager is not None:
                return self._eager
            if value is not None:
                found[name] = value
        return found

    def lookup(self, name: str) -> Value | None:
        name = name.lstrip("$@")
        if self._eager is not None:
            return self._eager.get(name)
        if self._reading_site:
            # A constant's own value names another constant (an empty typed list joined with one):
            # what it sees then depends on the order of assignments, so read them all, in order.
            raise _OrderDependent
        if name in self._known:
            return self._known[name]
        sites = self._sites.get(name)
        value = None
        if sites is not None and len(sites) == 1:  # a name assigned twice is not a constant
            self._reading_site = True
            try:
                value = self.read(sites[0], resolve=False)
            except _OrderDependent:
                self._reading_site = False
                self._collect_constants()
                return self._eager.get(name)  # type: ignore[union-attr]
            finally:
                self._reading_site = False
            if value is not None and not (value.kind in ("str", "list") and value.known):
                value = None
        self._known[name] = value
        return value

    def _collect_constants(self) -> None:
        """``NAME = "..."`` or ``NAME = ["a", "b"]`` anywhere in the file; a name assigned twice
        is left out, because which value a use sees is then a run-time matter. Reads in file
        order, a value seeing the constants assigned before it: only needed when a constant's
        value looks up another (lookup reads one constant alone otherwise)."""
        tokens = self.tokens
        last = len(tokens) - 1
        seen: dict[str, int] = {}
        self._eager = constants = {}
        for k, token in enumerate(tokens):
            # an assignment starts with "=" or ":" (Go :=) right after the name: a cheap first test
            if token.kind != "name" or k == last or tokens[k + 1].value not in ("=", ":") \
                    or is_punct(tokens, k - 1, "."):
                continue
            j = k + 1
            if is_punct(tokens, j, ":") and is_punct(tokens, j + 1, "=") \
                    and tokens[j].end == tokens[j + 1].offset:  # Go :=
                j += 1
            if not _is_assign(tokens, j):
                continue
            name = token.value.lstrip("$@")
            seen[name] = seen.get(name, 0) + 1
            value = self.read(j + 1, resolve=False)
            if value is not None and value.kind in ("str", "list") and value.known:
                constants[name] = value
        for name, count in seen.items():
            if count > 1:
                constants.pop(name, None)

    def _close(self, k: int, end: int) -> int:
        """Index just after the bracket group opening at ``k`` (bounded by ``end``)."""
        close = self.partner[k]
        return close + 1 if 0 <= close < end else end

    # -- values ----------------------------------------------------------------------------
    def read(self, j: int, resolve: bool = True) -> Value | None:
        """The value of the expression starting at token ``j``; None if there is none."""
        if j >= len(self.tokens):
            return None
        end = expr_end(self.tokens, j, self.text, self.partner)
        if end <= j:
            return None
        offset = self.tokens[j].offset
        parsed = self._concat(j, end, resolve)
        if parsed is None:
            return Value(UNKNOWN, offset, "unknown")
        return parsed

    def _concat(self, j: int, end: int, resolve: bool) -> Value | None:
        value, stop = self._pieces(j, end, resolve)
        return value if stop == end else None

    def string_expr(self, j: int) -> tuple[Value, int]:
        """The string built from token ``j`` on (``"a" + b + "c"``) and the index where it stops;
        unlike ``read``, what follows the concatenation does not spoil it."""
        if self.lone_string(j):  # most strings: no need to find where the expression ends
            token = self.tokens[j]
            text = self.interpolate(token)
            parts = ((0, token.offset, self._text_offset(token, text)),)
            return Value(text, token.offset, "str", parts=parts), j + 1
        end = expr_end(self.tokens, j, self.text, self.partner)
        value, stop = self._pieces(j, end, True)
        if value is None:
            return Value(UNKNOWN, self.tokens[j].offset, "unknown"), j + 1
        return value, stop

    def lone_string(self, j: int) -> bool:
        """Whether token ``j`` is a string that ``string_expr`` reads alone: no string, line
        continuation, method call or concatenation operator follows it, so it is the whole
        value, whatever the expression's end (then ``string_expr(j)`` is its interpolated text
        and ``j + 1``)."""
        tokens = self.tokens
        if tokens[j].kind != "str":
            return False
        if j + 1 == len(tokens):
            return True
        after = tokens[j + 1]
        return after.kind != "str" and not (after.kind == "punct" and after.value in JOINS_A_STRING)

    def _pieces(self, j: int, end: int, resolve: bool) -> tuple[Value | None, int]:
        """Atoms joined by concatenation operators from ``j``; stops before anything else."""
        pieces: list[Value] = []
        k = stop = j
        while True:
            atom = self._atom(k, end, resolve)
            if atom is None:
                break
            value, k = atom
            pieces.append(value)
            stop = k
            step = _concat_op(self.tokens, k, end, self.language) if k < end else 0
            if not step:
                break
            k += step
        if not pieces:
            return None, j
        if len(pieces) == 1:
            return pieces[0], stop
        text, parts = "", []
        for piece in pieces:
            if piece.kind == "list":
                return None, stop  # a list added to a string is not a string we can read
            for start, offset, exact in piece.parts or ((0, piece.offset, -1),):
                parts.append((len(text) + start, offset, exact))
            text += piece.text if piece.kind == "str" else UNKNOWN
        return Value(text, pieces[0].offset, "str", parts=tuple(parts)), stop

    def _atom(self, k: int, end: int, resolve: bool) -> tuple[Value, int] | None:
        tokens = self.tokens
        if k >= end:
            return None
        token = tokens[k]
        if token.kind == "str":
            text, parts = "", []
            while k < end and tokens[k].kind == "str":  # "a" "b": implicit concatenation
                piece = self.interpolate(tokens[k]) if resolve else tokens[k].value
                parts.append((len(text), tokens[k].offset, self._text_offset(tokens[k], piece)))
                text += piece
                k += 1
                if is_punct(tokens, k, "\\") and k + 1 < end and tokens[k + 1].kind == "str":
                    k += 1  # "a" \ "b": a line continuation between the two
            value = Value(text, token.offset, "str", parts=tuple(parts))
            return self._method(value, k, end, resolve)
        typed = self._typed_list(k, end)
        if typed is not None:
            return typed
        if token.kind == "punct" and token.value in ("[", "(", "{"):
            close = self._close(k, end)
            inner = tokens[k + 1:close - 1]
            if inner and is_punct(inner, len(inner) - 1, ","):
                inner = inner[:-1]  # a trailing comma
            if token.value == "(" and inner and not any(t.kind == "punct" and t.value == "," for t in inner):
                value = self._concat(k + 1, close - 1, resolve) or Value(UNKNOWN, token.offset, "unknown")
            elif all(t.kind == "str" if i % 2 == 0 else (t.kind == "punct" and t.value == ",")
                     for i, t in enumerate(inner)):
                items = tuple(t.value for t in inner if t.kind == "str")
                value = Value(" ".join(items), token.offset, "list", items)
            else:
                value = Value(UNKNOWN, token.offset, "unknown")
            return self._method(value, close, end, resolve)
        if token.kind in ("name", "num"):
            return self._name_chain(k, end, resolve)
        return None

    def _text_offset(self, token: Token, value: str) -> int:
        """Where ``value`` starts in the file if the token's source spells it out exactly, else -1."""
        if token.interpolated or not value:
            return -1
        raw = self.text[token.offset:token.end]
        start = raw.find(value)
        # the value follows at most a prefix and a triple quote (rb"""), and ends the literal
        if 0 < start <= 5 and len(raw) - start - len(value) <= 3:
            return token.offset + start
        return -1

    def _typed_list(self, k: int, end: int) -> tuple[Value, int] | None:
        """A list literal with a type or constructor in front: ``[]string{"a"}`` (Go),
        ``new[] {"a"}`` / ``new string[] {"a"}`` (C#, Java), ``listOf("a")``, ``List.of("a")``."""
        tokens = self.tokens
        first = tokens[k]
        starts_typed = (first.kind == "punct" and first.value == "[" and is_punct(tokens, k + 1, "]")) \
            or (first.kind == "name" and first.value == "new")
        j = k
        names: list[str] = []
        while j < min(end, k + 10) and (tokens[j].kind == "name" or (
                tokens[j].kind == "punct" and tokens[j].value in "[]<>.?")):
            if tokens[j].kind == "name":
                names.append(tokens[j].value)
            j += 1
        if j >= end or not (is_punct(tokens, j, "{") or is_punct(tokens, j, "(")):
            return None
        if not (starts_typed or (names and names[-1] in LIST_CALLS)):
            return None
        close = self._close(j, end)
        inner = tokens[j + 1:close - 1]
        if inner and is_punct(inner, len(inner) - 1, ","):
            inner = inner[:-1]
        if not all(t.kind == "str" if i % 2 == 0 else (t.kind == "punct" and t.value == ",")
                   for i, t in enumerate(inner)):
            return None
        items = tuple(t.value for t in inner if t.kind == "str")
        return self._method(Value(" ".join(items), first.offset, "list", items), close, end, True)

    def _name_chain(self, k: int, end: int, resolve: bool) -> tuple[Value, int]:
        """``a.b.c(...)[...]``: a constant's value when it is a plain name, a joined list when the
        chain ends in a join call, otherwise a run-time value."""
        tokens = self.tokens
        start = k
        names = [tokens[k].value]
        k += 1
        call_start = None
        while k < end:
            if (is_punct(tokens, k, ".") or is_punct(tokens, k, ":")) and k + 1 < end \
                    and tokens[k + 1].kind == "name":
                names.append(tokens[k + 1].value)
                k += 2
            elif is_punct(tokens, k, "-") and is_punct(tokens, k + 1, ">") and k + 2 < end \
                    and tokens[k + 2].kind == "name":
                names.append(tokens[k + 2].value)
                k += 3
            elif is_punct(tokens, k, ":") and is_punct(tokens, k + 1, ":"):
                k += 2
            elif is_punct(tokens, k, "(") or is_punct(tokens, k, "["):
                call_start = k
                k = self._close(k, end)
            else:
                break
        offset = tokens[start].offset
        if names[-1] in JOIN_NAMES and call_start is not None:
            joined = self._join(tokens[start:call_start - 1] if call_start - 1 > start else [],
                                tokens[call_start + 1:k - 1], offset, resolve)
            if joined is not None:
                return joined, k
        if call_start is None and resolve:
            constant = self.lookup(names[-1]) if len(names) <= 2 else None
            if constant is not None:
                return Value(constant.text, offset, constant.kind, constant.items), k
        return Value(UNKNOWN, offset, "unknown"), k

    def _method(self, value: Value, k: int, end: int, resolve: bool) -> tuple[Value, int]:
        """A literal followed by ``.join(...)`` (or another method call, whose result is unknown)."""
        tokens = self.tokens
        if self.language == "php" or not (is_punct(tokens, k, ".") and k + 1 < end
                                          and tokens[k + 1].kind == "name"):
            return value, k
        name = tokens[k + 1].value
        k += 2
        if not is_punct(tokens, k, "("):
            return Value(UNKNOWN, value.offset, "unknown"), k
        close = self._close(k, end)
        if name in JOIN_NAMES:
            receiver = [Token("str", value.text, value.offset, value.offset)] if value.kind == "str" \
                else [Token("str", item, value.offset, value.offset) for item in value.items]
            joined = self._join(receiver, tokens[k + 1:close - 1], value.offset, resolve,
                                receiver_is_list=value.kind == "list")
            if joined is not None:
                return joined, close
        return Value(UNKNOWN, value.offset, "unknown"), close

    def _join(self, receiver: list[Token], args: list[Token], offset: int, resolve: bool,
              receiver_is_list: bool = False) -> Value | None:
        """``" ".join(xs)``, ``xs.join(" ")``, ``implode(" ", xs)``, ``strings.Join(xs, " ")``..."""
        separator = None
        items: list[str] = []
        if receiver_is_list:
            items = [t.value for t in receiver]
        else:
            for token in receiver + args:
                if token.kind == "str" and separator is None and _SEPARATOR.fullmatch(token.value):
                    separator = token.value
                elif token.kind == "str":
                    items.append(token.value)
        if receiver_is_list:
            separator = next((t.value for t in args if t.kind == "str"), None)
        if not items and resolve:
            for token in receiver + args:
                constant = self.lookup(token.value) if token.kind == "name" else None
                if constant is not None and constant.kind == "list":
                    items = list(constant.items)
                    break
        if separator is None or not items:
            return None
        return Value(separator.join(items), offset, "str")

    # -- interpolated strings --------------------------------------------------------------
    def interpolate(self, token: Token) -> str:
        """The token's value with each ``{}`` that stands for a file constant (or a join of one)
        replaced by the constant. The lexer drops what was inside an interpolation, so the
        expressions are read again from the source text."""
        if not token.interpolated or self.language not in _INTERPOLATION:
            return token.value
        raw = self.text[token.offset:token.end]
        expressions = []
        for match in _INTERPOLATION[self.language].finditer(raw):
            if match.group(0) in ("{{", "}}"):
                continue
            expressions.append(next((g for g in match.groups() if g is not None), ""))
        pieces = token.value.split(UNKNOWN)
        if len(pieces) != len(expressions) + 1:
            return token.value  # not sure which placeholder is which: leave them unknown
        out = [pieces[0]]
        for expression, piece in zip(expressions, pieces[1:]):
            out.append(self._resolve_expression(expression))
            out.append(piece)
        return "".join(out)

    def _resolve_expression(self, expression: str) -> str:
        simple = _SIMPLE_NAME.match(expression)
        if simple:
            constant = self.lookup(simple.group(1))
            if constant is not None and constant.kind == "str":
                return constant.text
            return UNKNOWN
        join = _JOIN_EXPR.match(expression)
        if join:
            name = join.group("list1") or join.group("list2")
            separator = join.group("sep1") if join.group("list1") else join.group("sep2")
            constant = self.lookup(name)
            if constant is not None and constant.kind == "list" and _SEPARATOR.fullmatch(separator or ""):
                return separator.join(constant.items)
        return UNKNOWN

    # -- key/value pairs -------------------------------------------------------------------
    @cached_property
    def _texts(self) -> set[str]:
        """The distinct texts of the file's tokens."""
        return set(self.values)

    def _key_indexes(self, texts: set[str]) -> list[int]:
        """Indexes, in order, of the string and name tokens whose text is in ``texts``: the keys
        ``pairs`` may take. A few texts are found by C-level searches of the token texts, one
        each (a file holds few keys); more by one pass, so that the time stays linear."""
        values, tokens = self.values, self.tokens
        if len(texts) > 4:
            found = [k for k, value in enumerate(values) if value in texts]
        else:
            found = sorted(k for text in texts for k in indexes_of(values, text))
        return [k for k in found if tokens[k].kind in ("str", "name")]

    def pairs(self, is_key: Callable[[str], bool], assignments: bool = False) -> list[Pair]:
        """Every key/value pair whose key passes ``is_key``. With ``assignments``, plain
        ``name = value`` assignments count too (for variables such as CLIENT_SECRET)."""
        tokens = self.tokens
        found: list[Pair] = []
        # is_key asked once per distinct text (names recur); only the passing texts' tokens visited
        keys = self._key_indexes({text for text in self._texts if is_key(text)})
        for k in keys:
            token = tokens[k]
            value_at = self._value_after_key(k, assignments)
            if value_at is None:
                continue
            if value_at == -1:
                found.append(Pair(token.value, token.offset, None))
                continue
            found.append(Pair(token.value, token.offset, self.read(value_at)))
        return found

    def _value_after_key(self, k: int, assignments: bool) -> int | None:
        """Index of the value for a key at ``k``, -1 for a shorthand key, None if not a key."""
        tokens = self.tokens
        token = tokens[k]

        def prev_is(value: str) -> bool:
            return is_punct(tokens, k - 1, value)

        if token.kind == "str":
            if is_punct(tokens, k + 1, ":") and not is_punct(tokens, k + 2, ":"):
                return k + 2  # {"scope": x}
            if is_punct(tokens, k + 1, "=") and is_punct(tokens, k + 2, ">"):
                return k + 3  # 'scope' => x
            if (prev_is("(") or prev_is("{")) and is_punct(tokens, k + 1, ","):
                return k + 2  # q.Set("scope", x) / {"scope", x}
            if prev_is("[") and is_punct(tokens, k + 1, "]") and _is_assign(tokens, k + 2):
                return k + 3  # params["scope"] = x
            if k + 1 < len(tokens) and tokens[k + 1].kind == "name" and tokens[k + 1].value == "to":
                return k + 2  # "scope" to x
            return None
        # a name
        if prev_is(".") or (prev_is("-") and is_punct(tokens, k - 2, "-")):
            return None  # a member access, not a key
        if prev_is(":") and is_punct(tokens, k + 1, "=") and is_punct(tokens, k + 2, ">"):
            return k + 3  # :scope => x
        if is_punct(tokens, k + 1, ":") and not is_punct(tokens, k + 2, ":") \
                and not prev_is(":") and self.language in _COLON_KEYS:
            return k + 2  # {scope: x} / scope: x
        if _is_assign(tokens, k + 1) and (prev_is("(") or prev_is(",")):
            return k + 2  # dict(scope=x) / f(scope = x)
        if self.language in ("javascript", "typescript") and (prev_is("{") or prev_is(",")) \
                and (is_punct(tokens, k + 1, ",") or is_punct(tokens, k + 1, "}")):
            return -1  # {client_id, scope}
        if assignments:
            if _is_assign(tokens, k + 1):
                return k + 2
            if is_punct(tokens, k + 1, ":") and is_punct(tokens, k + 2, "=") \
                    and tokens[k + 1].end == tokens[k + 2].offset:
                return k + 3  # Go :=
            if is_punct(tokens, k + 1, ":"):  # name: Type = value (TypeScript, Kotlin, Python)
                j = k + 2
                while j < min(len(tokens), k + 8) and (tokens[j].kind == "name" or (
                        tokens[j].kind == "punct" and tokens[j].value in "<>[].?|")):
                    j += 1
                if j > k + 2 and _is_assign(tokens, j):
                    return j + 1
        return None
