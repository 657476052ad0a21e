"""Fold an expression that builds a URL into text: literals joined by +, ., <>, interpolation,
format calls and URL joins, with names replaced by the strings they are bound to in the file.

What cannot be known becomes an unknown piece ``{}`` that remembers the names it stands for, so
that a base defined in another file can still be matched to it later.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

from linter.scanner.lexer import PLACEHOLDER
from linter.scanner.symbols import Binding, Symbols, norm
from linter.scanner.syntax import ALTERNATIVES, SELF_NAMES, Code

MAX_VARIANTS = 48
MAX_DEPTH = 6
MAX_OPERANDS = 24
# printf-style and brace placeholders: %s, %-5d, %v, {}, {0}
_PLACEHOLDER = re.compile(r"%[-+ #0-9.]*[sdfvxqiu]|\{\d*\}|\{[A-Za-z_][A-Za-z0-9_]*\}")  # {}, {0}, {base}
_PART_CHAIN = re.compile(r"[@$]?[A-Za-z_][A-Za-z0-9_$]*(?:\s*(?:\?\.|\.|->|::)\s*[@$]?[A-Za-z_][A-Za-z0-9_$]*)*")
_PART_KEY = re.compile(r"\[\s*[\"':]?([A-Za-z0-9_.:-]+)[\"']?\s*\]")  # after lstrip: no leading \s*
_CONFIG_PLACEHOLDER = re.compile(r"^\$\{([A-Za-z0-9_.-]+)(?::[^}]*)?\}$")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# No \s* around the operator: a leading \s* is quadratic under search; names are stripped instead.
_SEPARATOR = re.compile(r"\?\.|\.|->|::")

# Elixir reads of one key of a keyword list or map: Keyword.fetch!(cfg, :base_url), Map.get(m, :k, d)
_KEYWORD_MODULES = frozenset({"keyword", "map", "access"})
_KEYWORD_READS = frozenset({"fetch", "get"})
FORMAT_CALLS = frozenset({"format", "sprintf", "vsprintf", "formatted", "printf", "fmt"})
JOIN_CALLS = frozenset({"urljoin", "join", "joinpath", "combine", "resolve", "joinurl", "urlcombine"})
REVERSED_JOIN = frozenset({"url"})  # new URL(path, base)
# Calls whose value is their argument: URI.create(x), new Uri(x), str(x), encodeURI(x)
PASS_THROUGH = frozenset({
    "uri", "create", "parse", "string", "str", "encodeuri", "tourl", "touri", "httpurl", "uriparse", "new",
    "of", "fromstring", "tohttpurl",
})
# Methods whose value is their receiver, near enough: BASE.rstrip("/"), url.toString(), URL.freeze
RECEIVER_METHODS = frozenset({
    "rstrip", "strip", "trim", "trimend", "freeze", "trimright", "removesuffix", "chomp", "tostring", "unwrap",
    "expect", "trimstart", "lstrip", "touri", "tourl", "tohttpurl", "string",
})
# Functions that return their first argument with a trailing slash or spaces removed, near enough:
# PHP rtrim($base, '/'), Go strings.TrimRight(base, "/"), Elixir String.trim_trailing(base, "/")
TRIM_FUNCTIONS = frozenset({"rtrim", "trim", "chop", "trimright", "trimsuffix", "trimspace", "trimtrailing",
                            "untrailingslashit", "removeend"})
_STRING_MODULES = frozenset({"strings", "string", "str", "stringutils", "strutils"})


def is_trim_call(names: tuple[str, ...]) -> bool:
    """A call of one of TRIM_FUNCTIONS, whose value is its first argument's: rtrim($b, '/'),
    strings.TrimRight(b, "/") (not x.trim(), whose value is its receiver's)."""
    return bool(names) and norm(names[-1]) in TRIM_FUNCTIONS and (len(names) == 1 or norm(names[-2]) in _STRING_MODULES)


STRICT_ENV_CALLS = frozenset({"getenv", "env", "config", "getproperty", "getenvironmentvariable", "setting",
                              "getconfig", "requireenv", "compileenv"})
_CONFIG_OWNERS = frozenset({"environ", "env", "config", "configuration", "settings", "properties", "process",
                            "system", "application", "environment", "conf", "cfg", "options"})
# Functions that produce or transform a URL: the evaluator follows them, not the calls after them
URL_FUNCTIONS = frozenset({"format", "sprintf", "vsprintf", "formatted", "urljoin", "join", "joinpath", "combine",
                           "resolve", "appendpathsegment", "appendpathsegments", "appendpath", "uri", "url",
                           "create", "parse", "string", "str"})
ENV_CALLS = frozenset({
    "getenv", "env", "config", "fetch", "getproperty", "getvalue", "getstring", "getenvironmentvariable",
    "get", "environ", "require", "requireenv", "getconfig", "setting", "settings", "value",
})


class Piece(NamedTuple):
    """A stretch of folded text. A named tuple rather than a frozen dataclass: evaluation makes
    one per literal and per unknown, and a tuple is made several times faster."""

    text: str
    token: int = -1  # the string token this text came from; -1 for an unknown
    names: tuple[str, ...] = ()  # for an unknown: the names it stands for
    member: bool = False  # an unknown that is a field of the current object (self.x, $this->x)


@dataclass(slots=True)
class Value:
    pieces: list[Piece] = field(default_factory=list)  # never changed once the value is made
    how: str = "literal"  # literal | constant | concatenation | interpolation | format | url-join
    via: tuple[int, ...] = ()  # binding targets folded in (token indexes)
    _text: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The folded text, joined on first use: detection asks each anchor's values for it
        several times (bases, uses, refs)."""
        if self._text is None:
            self._text = "".join([p.text for p in self.pieces])
        return self._text

    def plus(self, other: "Value", how: str) -> "Value":
        pieces = self.pieces + other.pieces
        best = how if (self.pieces and other.pieces) else (other.how if not self.pieces else self.how)
        return Value(pieces, best, self.via + other.via)


def unknown(*names: str, member: bool = False) -> Value:
    return Value([Piece(PLACEHOLDER, -1, tuple(n for n in names if n), member)], "literal")


class Evaluator:
    """Evaluates expressions in one file; remembers nothing between files."""

    def __init__(self, code: Code, symbols: Symbols) -> None:
        self.code = code
        self.symbols = symbols
        self._active: set[int] = set()  # bindings being folded (cycle guard)
        self._folded: dict[int, list[Value]] = {}  # binding target -> its values
        # Per-name facts about the file's bindings, built on first use: generated code binds one
        # name hundreds of times, and rescanning them on every lookup would be quadratic.
        self._named: dict[str, _Named] = {}
        self._in_container: dict[str, list[Binding]] | None = None
        self._member_runs: dict[str, _Run] = {}  # key -> the remembered values of its first members
        self._unknowns_memo: dict[int, tuple[list[Value], frozenset[tuple[tuple[str, ...], bool]]]] = {}

    # -- extent ----------------------------------------------------------------------------------
    def chain_bounds(self, i: int) -> tuple[int, int]:
        """The first and last token of the concatenation that token ``i`` is an operand of.

        At most MAX_OPERANDS operands each way: a URL is built from a handful of parts, and a
        bound keeps generated code with thousand-term sums linear."""
        return self._first_operand(i), self._last_operand(i)

    def _first_operand(self, i: int) -> int:
        """The first token of the concatenation, walking back from token ``i``."""
        code = self.code
        start = code.chain_start(i)
        for _ in range(MAX_OPERANDS):
            if start <= 1:
                break
            op, op_start = code.op_ending_at(start - 1)
            if code.kind(start - 1) == "name" and code.value(start - 1) == "or" and self._op(start - 1) == "or":
                op, op_start = "or", start - 1
            if (op not in code.concat_ops and op not in ALTERNATIVES) or op_start < 1:
                break
            before = op_start - 1
            if code.kind(before) not in ("name", "str", "num") and code.value(before) not in (")", "]"):
                break
            start = code.chain_start(before)
        return start

    def _last_operand(self, i: int) -> int:
        """The last token of the concatenation, walking on from token ``i``."""
        code = self.code
        end = code.chain_end(code.chain_start(i) if code.kind(i) != "str" else i)
        n = len(code.tokens)
        for _ in range(MAX_OPERANDS):
            if end + 1 >= n:
                break
            nxt = end + 1
            op = self._op(nxt)
            if op not in code.concat_ops and op not in ALTERNATIVES and \
                    not (op == "%" and self._percent_format(end)):
                break
            after = nxt + (1 if op.isalpha() else len(op))  # a word operator ("or") is one token
            if after >= n or code.kind(after) not in ("name", "str", "num") and code.value(after) not in ("(", "["):
                break
            end = code.chain_end(after)
        return end

    def _op(self, i: int) -> str:
        code = self.code
        kind = code.kind(i)
        if kind == "name" and code.value(i) == "or" and code.language in ("python", "ruby", "elixir"):
            return "or"
        if kind == "punct":
            op = code.ops[i]
            if op == "?" and code.value(i + 1) == ":" and code.tokens[i + 1].offset == code.tokens[i].end:
                return "?:"
            return op
        return ""

    def _percent_format(self, end: int) -> bool:
        return self.code.language in ("python", "ruby") and self.code.kind(end) == "str"

    # -- evaluation ------------------------------------------------------------------------------
    def chain(self, start: int, end: int, depth: int = 0) -> list[Value]:
        """Every way the concatenation from ``start`` to ``end`` can read."""
        if start == end:  # one operand, the usual argument: the loop below would return just its values
            return self.operand(start, end, depth)[:MAX_VARIANTS]
        code = self.code
        done: list[Value] = []
        results = [Value()]
        i = start
        pending_format = False
        first = start
        operands = 0
        while i <= end and operands < 2 * MAX_OPERANDS + 1:
            operands += 1
            operand_end = code.chain_end(i) if code.kind(i) != "punct" or code.value(i) in ("(", "[") else i
            operand_end = min(operand_end, end)
            values = self.operand(i, operand_end, depth)
            if pending_format:
                results = [self._apply_format(r, self._format_args_values(i, operand_end, depth))
                           for r in results][:MAX_VARIANTS]
                pending_format = False
            else:
                joined = "concatenation" if i > first else None
                results = _joined(results, values, joined)
            i = operand_end + 1
            if i > end:
                break
            op = self._op(i)
            if op == "%":
                pending_format = True
            elif op in ALTERNATIVES:
                done.extend(results)
                results = [Value()]
                first = i + len(op) if op != "or" else i + 1
            i += 1 if op == "or" else max(1, len(op))
        return (done + results)[:MAX_VARIANTS]

    def operand(self, i: int, end: int, depth: int) -> list[Value]:
        code = self.code
        tok = code.tokens[i]
        if depth > MAX_DEPTH:
            return [unknown()]
        if tok.kind == "str":
            value = self._string(i, depth)
            if end > i and code.value(i + 1) == "." and code.value(i + 2) in ("format", "formatted") \
                    and code.value(i + 3) == "(":
                args = code.arguments(i + 3)
                fill, names = self._argument_values(args, depth), self._keyword_args(args)
                return [self._apply_format(v, fill, names) for v in value]
            if end > i and code.value(i + 1) == "." and code.value(i + 2) == "join" and code.value(i + 3) == "(" \
                    and code.value(i + 4) in ("[", "("):
                return self._join_with(tok.value, i + 4, depth)  # "/".join([a, b])
            return value
        if tok.kind == "num":
            return [Value([Piece(tok.value, -1)])]
        if tok.kind == "punct" and tok.value == "(" and code.partner[i] > i:
            close = code.partner[i]
            if code.op(close + 1) == "=>":
                return self.expression(close + 3, depth + 1)  # (x) => `...${x}`
            if close == i + 1:
                return [unknown()]
            return self.expression(i + 1, depth + 1)
        if tok.kind == "name":
            if tok.value in ("new", "await", "yield") and end > i:
                return self.operand(i + 1, end, depth)
            return self._reference(i, end, depth)
        return [unknown()]

    def expression(self, start: int, depth: int = 0) -> list[Value]:
        """Evaluate the concatenation that begins at ``start``."""
        span = self._extent(start)
        if span is None:
            return [unknown()]
        start, first_end, end = span
        if start <= end <= first_end:  # one operand, the usual value: chain() would read just it
            return self.operand(start, end, depth)[:MAX_VARIANTS]
        return self.chain(start, end, depth)

    def _extent(self, start: int) -> tuple[int, int, int] | None:
        """The first token of the concatenation ``expression`` reads from ``start``, the last of
        its first operand and its own last; None where it reads nothing (an unknown)."""
        code = self.code
        while code.kind(start) == "name" and code.value(start) in ("new", "await", "yield", "typeof") \
                and start + 1 < len(code.tokens):
            start += 1
        if start >= len(code.tokens):
            return None
        kind = code.kind(start)
        if kind == "name" and code.op(start + 1) == "=>":
            start += 3  # x => `...`
            if start >= len(code.tokens):
                return None
            kind = code.kind(start)
        if kind == "punct" and code.value(start) not in ("(", "["):
            return None
        first_end = code.chain_end(start) if kind != "str" else start
        # the chain is read from ``start``: where the concatenation around it begins is not needed
        return start, first_end, self._last_operand(first_end)

    def unknowns(self, start: int) -> set[tuple[tuple[str, ...], bool]]:
        """The distinct named unknowns, (names, member), among the pieces of ``expression(start)``:
        what a call's argument may name. The usual argument, a lone name chain (``payload``,
        ``self.body``), is looked up without making its variants; the rest is evaluated."""
        span = self._extent(start)
        if span is None:
            return set()
        start, first_end, end = span
        code = self.code
        if not start <= end <= first_end:
            return _named_unknowns(self.chain(start, end))
        # chain() of one operand is operand(), which for a name chain is _reference()
        if code.kinds[start] != "name" or (end > start and code.values[start] in ("new", "await", "yield")):
            return _named_unknowns(self.operand(start, end, 0)[:MAX_VARIANTS])
        if code.kinds[end] == "punct" and code.values[end] in (")", "]") and code.partner[end] > start \
                or self._receiver_method(start, end):
            return _named_unknowns(self._reference(start, end, 0)[:MAX_VARIANTS])  # a call or an index
        # else _reference() is a lookup
        found = self._find(code.chain_names(start, end), start, 0)
        # the same list when it is short enough: _unknowns_of remembers its answer by the list
        folded = found.folded[:MAX_VARIANTS] if len(found.folded) > MAX_VARIANTS else found.folded
        unknowns = self._unknowns_of(folded) if folded else frozenset()
        names = tuple(n for n in found.names if n)  # as unknown() keeps them
        if names and (len(folded) < MAX_VARIANTS if found.always else not folded):
            unknowns = unknowns | {(names, found.member)}
        return set(unknowns)

    def _unknowns_of(self, values: list[Value]) -> frozenset[tuple[tuple[str, ...], bool]]:
        """``_named_unknowns`` of a list that lookups return again and again (a remembered fold,
        a name's first members), worked out once per list: lists of values are never changed."""
        known = self._unknowns_memo.get(id(values))
        if known is None:
            # the list is kept with its answer, so its id is not reused while the answer stands
            known = self._unknowns_memo[id(values)] = (values, frozenset(_named_unknowns(values)))
        return known[1]

    def plain_literal(self, first: int, last: int) -> bool:
        """Tokens ``first``..``last`` are one string literal that reads as itself: no
        interpolation, no configuration placeholder, so evaluating it names nothing."""
        if first != last or self.code.kind(first) != "str":
            return False
        tok = self.code.tokens[first]
        return not tok.parts and not _CONFIG_PLACEHOLDER.match(tok.value)

    # -- strings ---------------------------------------------------------------------------------
    def _string(self, i: int, depth: int) -> list[Value]:
        tok = self.code.tokens[i]
        placeholder = _CONFIG_PLACEHOLDER.match(tok.value)
        if placeholder:  # Spring "${fortnox.base-url}": a configuration value
            key = placeholder.group(1)
            return [unknown(key, *config_names(key))]
        if not tok.parts:
            return [Value([Piece(tok.value, i)], "literal")]
        chunks = tok.value.split(PLACEHOLDER)
        results = [Value([], "interpolation")]
        for index, chunk in enumerate(chunks):
            if chunk:
                results = [Value(r.pieces + [Piece(chunk, i)], "interpolation", r.via) for r in results]
            if index < len(chunks) - 1:
                part = tok.parts[index] if index < len(tok.parts) else ""
                values = self._part(part, i, depth)
                results = _first_variants(Value(r.pieces + v.pieces, "interpolation", r.via + v.via)
                                          for r in results for v in values)
        return results

    def _part(self, part: str, at: int, depth: int) -> list[Value]:
        """An interpolated expression: a name chain we can look up, or an unknown."""
        match = _PART_CHAIN.match(part.strip())
        if not match:
            return [unknown()]
        names = tuple(n.strip() for n in _SEPARATOR.split(match.group()) if n.strip())
        rest = part.strip()[match.end():].lstrip()
        key = _PART_KEY.match(rest)
        if key:  # "#{cfg[:base_url]}/x" where cfg = Application.fetch_env!(:app, :section)
            names = self._section(names, at) + (key.group(1),)
            rest = rest[key.end():]
        if rest.strip() and not rest.strip().startswith(("!", ":")):  # f"{x!r}", f"{x:>5}" are fine
            if rest.strip().startswith("("):
                called = self._function_value(names, at, depth) if rest.strip() == "()" else None
                return called or [unknown(*names)]  # "#{base()}/x" where def base, do: ...
            return [unknown(*names, *_IDENT.findall(rest)[:4])]
        return self._lookup(names, at, depth, indexed=bool(key))

    # -- names -----------------------------------------------------------------------------------
    def _reference(self, i: int, end: int, depth: int) -> list[Value]:
        code = self.code
        names = code.chain_names(i, end)
        last = code.tokens[end]
        if self._receiver_method(i, end):
            return self._reference(i, end - 2, depth + 1)  # Ruby's ENV.fetch("X", "https://...").freeze
        if last.kind == "punct" and last.value == ")" and code.partner[end] > i:
            opener = code.partner[end]
            values = self._call_value(opener, names, depth)
            dot = opener - 2  # base.AppendPathSegment("x").WithOAuthBearerToken(t).GetJsonAsync()
            if _all_unknown(values) and norm(names[-1]) not in URL_FUNCTIONS and dot > i \
                    and code.op(dot) in (".", "?.") and code.value(dot - 1) in (")", "]"):
                inner = self._reference(i, dot - 1, depth + 1)
                if not _all_unknown(inner):
                    return inner
            return values
        if last.kind == "punct" and last.value == "]" and code.partner[end] > i:
            opener = code.partner[end]
            if code.value(opener - 1) == ")" and code.partner[opener - 1] >= 0:
                names = names + self._literal_args(code.partner[opener - 1])
            if opener + 2 == end and code.kind(opener + 1) == "str":
                key = code.tokens[opener + 1].value
                return self._lookup(self._section(names, i) + (key,), i, depth, indexed=True)
            if code.kind(opener + 1) == "punct" and code.value(opener + 1) == ":" and code.kind(opener + 2) == "name":
                return self._lookup(self._section(names, i) + (code.value(opener + 2),), i, depth, indexed=True)
            return self._lookup(names, i, depth, indexed=True, dynamic=True)
        return self._lookup(names, i, depth)

    def _index_key(self, first: int, last: int) -> str:
        """The key that tokens ``first``..``last`` write: a string, or an Elixir atom (:base_url)."""
        code = self.code
        if first == last and code.kind(first) == "str":
            return code.values[first]
        if last == first + 1 and code.value(first) == ":" and code.kind(last) == "name":
            return code.values[last]
        return ""

    def _section(self, names: tuple[str, ...], at: int) -> tuple[str, ...]:
        """The names a configuration section is read through, where ``names`` is a local bound to
        it: cfg = Application.fetch_env!(:app, :fortnox) makes cfg[:base_url] and
        Keyword.fetch!(cfg, :base_url) read Application.fetch_env!(:app, :fortnox)[:base_url].
        Else ``names`` themselves."""
        if len(names) != 1 or self.code.language != "elixir":
            return names
        bindings = self._named_bindings(norm(names[0])).bindings
        k = bisect.bisect_left([b.target for b in bindings], at) - 1 if bindings else -1
        if k < 0 or bindings[k].member:
            return names  # no local bound before ``at``
        code = self.code
        start = bindings[k].value
        end = code.chain_end(start)
        if code.kind(start) != "name" or code.value(end) != ")" or code.partner[end] <= start:
            return names
        called = code.chain_names(start, end)
        if not is_env_call(called):
            return names
        return called + self._literal_args(code.partner[end])

    def _keyword_read(self, names: tuple[str, ...], args: list[tuple[int, int]], at: int,
                      depth: int) -> list[Value] | None:
        """Keyword.fetch!(cfg, :key), Keyword.get(cfg, :key, default), Map.get/Access.get alike:
        ``cfg[:key]``, with the default as one more value. None for any other call."""
        if len(names) != 2 or norm(names[0]) not in _KEYWORD_MODULES or norm(names[1]) not in _KEYWORD_READS \
                or not 2 <= len(args) <= 3:
            return None
        code = self.code
        (first, last), (key_first, key_last) = args[0], args[1]
        key = self._index_key(key_first, key_last)
        if not key or code.kind(first) != "name" or code.chain_end(first) != last:
            return None
        found = self._lookup(self._section(code.chain_names(first, last), at) + (key,), at, depth, indexed=True)
        if len(args) == 3:
            found = found + self.expression(code.argument_value(*args[2]), depth + 1)
        return found[:MAX_VARIANTS]

    def _receiver_method(self, i: int, end: int) -> bool:
        """The chain ``i``..``end`` ends in ``.freeze``, ``.strip``...: a method without parentheses
        whose value is its receiver's."""
        code = self.code
        return code.kinds[end] == "name" and end - 2 >= i and code.op(end - 1) in (".", "?.") \
            and norm(code.values[end]) in RECEIVER_METHODS

    def _literal_args(self, opener: int) -> tuple[str, ...]:
        """Strings and atoms passed to a call: fetch_env!(:app, :fortnox) -> ("app", "fortnox")."""
        code = self.code
        found: list[str] = []
        for first, last in code.arguments(opener):
            if first == last and code.kind(first) == "str":
                found.append(code.value(first))
            elif last == first + 1 and code.value(first) == ":" and code.kind(last) == "name":
                found.append(code.value(last))
        return tuple(found)

    def _lookup(self, names: tuple[str, ...], at: int, depth: int, indexed: bool = False,
                dynamic: bool = False) -> list[Value]:
        """The values a name chain can have, from bindings in this file."""
        found = self._find(names, at, depth, indexed, dynamic)
        if found.always:
            return found.folded + [unknown(*found.names, member=found.member)]
        return found.folded or [unknown(*found.names, member=found.member)]

    def _find(self, names: tuple[str, ...], at: int, depth: int, indexed: bool = False,
              dynamic: bool = False) -> "_Found":
        """What ``_lookup`` answers, before its unknown is made: ``unknowns`` reads the pieces of
        the folded values and the unknown's names without making the variants."""
        cleaned = [n for n in names if n]
        if not cleaned:
            return _Found([], (), False, False)
        is_member = cleaned[0].lstrip("$@") in SELF_NAMES or (cleaned[0].startswith("@") and len(cleaned) == 1)
        plain = [n for n in cleaned if n.lstrip("$") not in SELF_NAMES]
        if not plain:
            return _Found([], names, False, False)
        key = norm(plain[-1])
        qualifier = norm(plain[-2]) if len(plain) > 1 else ""
        if indexed and len(plain) > 1:
            names = tuple(names) + (plain[-2] + "_" + plain[-1],)  # config[:fortnox][:api_url]
        if dynamic:
            entries = self._container_entries(key)
            return _Found(self._fold_all(entries, depth) if entries else [], names, True, False)
        named = self._named_bindings(key)
        removed = None
        if at in named.position:
            named = named.without(at)  # a name is never its own value
            removed = at
        candidates = named.bindings
        if cleaned[0].startswith("@") and self.code.language == "elixir":
            candidates = self._attributes(candidates)
        if qualifier:
            scoped = [b for b in candidates if b.container == qualifier]
            if scoped:
                candidates = scoped
            elif not is_member and (indexed or qualifier not in ("", "self")):
                # Config.BASE where Config is not in this file: unknown, keep the names
                if not any(b.container == "" or b.member for b in candidates):
                    return _Found([], names, is_member, False)
        if not candidates:
            return _Found([], names, is_member or _looks_like_property(plain[-1], self.code.language), False)
        shared = candidates is named.bindings  # unfiltered: its summaries apply
        if is_member or (len(candidates) > 1 and not qualifier and
                         (named.all_members if shared else all(b.member for b in candidates))):
            if shared and named.members:
                folded = self._fold_members(key, removed, depth)
            else:
                members = named.members if shared else [b for b in candidates if b.member]
                folded = self._fold_all(members or candidates, depth)
            # a module attribute is a constant; else a subclass in another file may set the field too
            constant = self.code.language == "elixir" and cleaned[0].startswith("@")
            return _Found(folded, names, True, not constant)
        if len(candidates) > 1:
            index = bisect.bisect_left(named.target_list if shared else [b.target for b in candidates], at)
        else:
            index = 0
        chosen = candidates[index - 1] if index > 0 else candidates[0]
        return _Found(self._fold(chosen, depth), names, False, False)

    @staticmethod
    def _attributes(bindings: list[Binding]) -> list[Binding]:
        """Of the bindings of an Elixir name, the module attributes (@series "A"), when there are
        others too: @series is not the function series (def series, do: ...) of the same name."""
        attributes = [b for b in bindings if b.written.startswith("@")]
        return attributes if attributes and len(attributes) < len(bindings) else bindings

    def _named_bindings(self, key: str) -> "_Named":
        named = self._named.get(key)
        if named is None:
            named = self._named[key] = _Named(self.symbols.bindings.get(key, []))
        return named

    def _container_entries(self, container: str) -> list[Binding]:
        """Bindings inside the table ``container``, in the order the file's bindings are kept."""
        if self._in_container is None:
            self._in_container = {}
            for bindings in self.symbols.bindings.values():
                for b in bindings:
                    self._in_container.setdefault(b.container, []).append(b)
        return self._in_container.get(container, [])

    def _fold(self, binding: Binding, depth: int) -> list[Value]:
        """A binding's values, computed once per file: generated code binds thousands of fields
        that refer to each other, and refolding them per use would be exponential."""
        cached = self._folded.get(binding.target)
        if cached is not None:
            return cached
        if binding.target in self._active or depth > MAX_DEPTH:
            return []
        self._active.add(binding.target)
        try:
            values = self.expression(binding.value, depth + 1)
        finally:
            self._active.discard(binding.target)
        if all(v.text == PLACEHOLDER and not any(p.names for p in v.pieces) for v in values):
            folded: list[Value] = []
        else:
            folded = [Value(v.pieces, "constant" if v.how == "literal" else v.how, v.via + (binding.target,))
                      for v in values]
        if not self._active:  # only a complete result (no cycle cut short) may be reused
            self._folded[binding.target] = folded
        return folded

    def _fold_members(self, key: str, removed: int | None, depth: int) -> list[Value]:
        """``_fold_all`` of the member bindings of ``key`` but those bound at token ``removed``.

        Generated code binds a field hundreds of times and looks it up at each binding, while
        only the first bindings, up to MAX_VARIANTS values, are read. Once those are remembered
        (``_folded`` never changes an entry) their values answer every later lookup alike."""
        named = self._named[key]
        members = named.members
        run = self._member_runs.get(key)
        if run is None:
            if len(named.member_position) < len(members):  # a target bound twice: read them all
                return self._fold_all([b for b in members if b.target != removed], depth)
            run = self._member_runs[key] = _Run()
        run.grow(members, self._folded)
        skip = named.member_position.get(removed, len(members)) if removed is not None else len(members)
        reach = len(run.offsets) - 1  # members[:reach] are remembered, their values in run.flat
        left_out = run.offsets[skip + 1] - run.offsets[skip] if skip < reach else 0
        if reach == len(members) or run.offsets[reach] - left_out >= MAX_VARIANTS:
            # the loop of _fold_all reads no binding past ``reach``, and each it reads is remembered
            if skip >= reach or run.offsets[skip] >= MAX_VARIANTS:  # left out after the first values
                return run.head
            return (run.flat[:run.offsets[skip]] + run.flat[run.offsets[skip + 1]:])[:MAX_VARIANTS]
        return self._fold_all([b for b in members if b.target != removed], depth)

    def _fold_all(self, bindings: list[Binding], depth: int) -> list[Value]:
        out: list[Value] = []
        folded = self._folded
        for binding in bindings:
            # the remembered values inline: members of generated tables are folded thousands of times
            cached = folded.get(binding.target)
            out.extend(cached if cached is not None else self._fold(binding, depth))
            if len(out) >= MAX_VARIANTS:
                break
        return out[:MAX_VARIANTS]

    # -- calls -----------------------------------------------------------------------------------
    def _call_value(self, opener: int, names: tuple[str, ...], depth: int) -> list[Value]:
        callee = norm(names[-1]) if names else ""
        args = self.code.arguments(opener)
        if not args:
            called = self._function_value(names, opener, depth)
            if called is not None:
                return called
        if callee in FORMAT_CALLS and args:
            template, *fill = self._argument_values(args, depth)
            return [self._apply_format(t, fill) for t in template][:MAX_VARIANTS]
        if callee in JOIN_CALLS and len(args) >= 2:
            # urljoin, URI.join, url.resolve resolve a reference as browsers do; the others append
            resolving = callee == "urljoin" or (len(names) > 1 and norm(names[-2]) in ("uri", "url")
                                                 and callee in ("join", "resolve"))
            if callee == "urljoin":
                args = self._in_order(args, ("base", "url"))  # urljoin(url=U, base=B)
            return self._join(self._argument_values(args, depth), resolving and len(args) == 2)
        if callee in REVERSED_JOIN and len(args) == 2 and names[-1] == "URL":  # new URL(path, base)
            return self._join(self._argument_values(args, depth)[::-1], True)
        if names and names[-1] == "Uri" and len(args) == 2:  # C#: new Uri(baseUri, "invoices")
            return self._join(self._argument_values(self._in_order(args, ("baseUri", "relativeUri")), depth), True)
        if callee in ("appendpathsegment", "appendpathsegments", "appendpath") and len(names) > 1 and args:
            base = self._lookup(names[:-1], opener, depth)
            return self._join([base, *self._argument_values(args[:1], depth)])
        keyword = self._keyword_read(names, args, opener, depth) if args else None
        if keyword is not None:
            return keyword
        if args and is_trim_call(names):
            return self.expression(self.code.argument_value(*args[0]), depth + 1)  # rtrim($base, '/')
        if callee in RECEIVER_METHODS and len(names) > 1:
            return self._lookup(names[:-1], opener, depth)  # url.toString(), BASE.rstrip("/")
        code = self.code
        if callee in PASS_THROUGH and len(args) == 1 and callee not in ENV_CALLS:
            return self.expression(code.argument_value(*args[0]), depth + 1)
        if args and is_env_call(names):
            values = [(code.argument_value(*a), a[1]) for a in args]  # getenv(key="X", default=D)
            keys = [code.values[first] for first, last in values[:-1] or values
                    if code.kinds[first] in ("str", "name") and first == last]
            keys += [code.value(a[1]) for a in args if code.value(a[0]) == ":"]  # Elixir atoms
            found = [unknown(*names, *keys, *(p for k in keys for p in config_names(k)))]
            if len(args) >= 2 and code.kinds[values[-1][0]] == "str":
                found += self.expression(values[-1][0], depth + 1)  # getenv("X", "default")
            return found
        return [unknown(*names)]

    def _function_value(self, names: tuple[str, ...], at: int, depth: int) -> list[Value] | None:
        """The value of ``name()``, a call without arguments of a function bound to its value in
        this file (def api_url, do: "..."), or None where that says nothing more than the name."""
        if len(names) != 1 or not self._named_bindings(norm(names[0])).members:
            return None
        folded = self._lookup(names, at, depth)
        if any(v.text != PLACEHOLDER or any(p.names != names for p in v.pieces) for v in folded):
            return folded
        return None

    def _call_args(self, opener: int, depth: int) -> list[list[Value]]:
        return self._argument_values(self.code.arguments(opener), depth)

    def _argument_values(self, args: list[tuple[int, int]], depth: int) -> list[list[Value]]:
        """The values of a call's ``args`` (Code.arguments), read after the name of a named one:
        urljoin(base=B, url=U) joins B and U."""
        code = self.code
        return [self.expression(code.argument_value(first, last), depth + 1) for first, last in args]

    def _in_order(self, args: list[tuple[int, int]], parameters: tuple[str, ...]) -> list[tuple[int, int]]:
        """``args`` in the order of the call's ``parameters``: the positional ones, then each named
        one where its parameter is (urljoin(url=U, base=B) is urljoin(B, U)); unchanged if a
        name is not one of ``parameters``."""
        named = self._keyword_args(args)
        if not named or not set(named) <= set(parameters):
            return args
        ordered = [arg for k, arg in enumerate(args) if k not in named.values()]
        ordered += [args[named[name]] for name in parameters[len(ordered):] if name in named]
        return ordered if len(ordered) == len(args) else args

    def _keyword_args(self, args: list[tuple[int, int]]) -> dict[str, int]:
        """Which of a call's ``args`` each named one is: {"base": 0} for format(base=B)."""
        code = self.code
        return {code.values[first]: k for k, (first, last) in enumerate(args)
                if code.argument_value(first, last) != first}

    def _format_args_values(self, start: int, end: int, depth: int) -> list[list[Value]]:
        code = self.code
        if code.value(start) == "(" and code.partner[start] == end:
            return self._call_args(start, depth)  # "%s/%s" % (a, b)
        if code.value(start) == "[" and code.partner[start] == end:
            return self._call_args(start, depth)  # Ruby "%s" % [a]
        return [self.operand(start, end, depth)]

    def _apply_format(self, template: Value, args: list[list[Value]], names: dict[str, int] | None = None) -> Value:
        """``template`` with its placeholders filled from ``args``: in order (%s, {}), by number
        ({0}) or, for Python's str.format, by the name of a named argument ({base})."""
        pieces: list[Piece] = []
        position = 0
        for piece in template.pieces:
            if piece.token < 0:
                pieces.append(piece)
                continue
            last = 0
            for match in _PLACEHOLDER.finditer(piece.text):
                if match.start() > last:
                    pieces.append(Piece(piece.text[last:match.start()], piece.token))
                spec = match.group()
                field = spec[1:-1] if spec.startswith("{") else ""
                if field and not field.isdigit():
                    index = (names or {}).get(field, len(args))  # a name no argument has: unknown
                else:
                    index = int(field) if field else position
                    position += 0 if field else 1
                if index < len(args) and args[index]:
                    pieces.extend(args[index][0].pieces)
                else:
                    pieces.append(Piece(PLACEHOLDER))
                last = match.end()
            if last < len(piece.text):
                pieces.append(Piece(piece.text[last:], piece.token))
        return Value(pieces, "format", template.via)

    def _join_with(self, separator: str, opener: int, depth: int) -> list[Value]:
        results = [Value()]
        for index, options in enumerate(self._call_args(opener, depth)):
            sep = [Piece(separator)] if index and separator else []
            results = _first_variants(Value(r.pieces + sep + v.pieces, "url-join", r.via + v.via)
                                      for r in results for v in options)
        return results

    def _join(self, parts: list[list[Value]], resolving: bool = False) -> list[Value]:
        """The parts joined by "/" where neither side has one; ``resolving`` (two parts): the
        second resolved against the first as a URL reference is, where the first is a whole URL."""
        results = [Value()]
        for options in parts:
            new: list[Value] = []
            for r in results:
                for v in options:
                    resolved = _resolved(r, v) if resolving and r.pieces else None
                    if resolved is not None:
                        new.append(resolved)
                    elif r.pieces and not r.text.endswith("/") and not v.text.startswith("/"):
                        new.append(Value(r.pieces + [Piece("/")] + v.pieces, "url-join", r.via + v.via))
                    else:
                        new.append(Value(r.pieces + v.pieces, "url-join", r.via + v.via))
            results = new[:MAX_VARIANTS]
        return results


_AUTHORITY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,15}://[^/?#]*")  # a URL's scheme and host; schemes are short


def _resolved(base: Value, reference: Value) -> Value | None:
    """``reference`` resolved against the URL ``base`` (RFC 3986, as new URL, urljoin and new Uri
    do): a path starting with "/" replaces the base's path, any other replaces its last segment,
    so "invoices" against https://api.fortnox.se/3 is https://api.fortnox.se/invoices. None when
    that cannot be known: a base that is not a whole URL written out, a reference that starts
    with a run-time value or is a URL itself."""
    text, ref = base.text, reference.text
    head = _AUTHORITY.match(text)
    if head is None or PLACEHOLDER in text or not ref or ref.startswith(PLACEHOLDER) or _AUTHORITY.match(ref):
        return None
    path = re.split(r"[?#]", text[head.end():], maxsplit=1)[0]
    keep = head.end() if ref.startswith("/") else head.end() + path.rfind("/") + 1
    pieces: list[Piece] = []
    left = keep
    for piece in base.pieces:  # the base's pieces up to ``keep`` characters
        if left <= 0:
            break
        pieces.append(piece if len(piece.text) <= left else piece._replace(text=piece.text[:left]))
        left -= len(piece.text)
    slash = [] if ref.startswith("/") or text[:keep].endswith("/") else [Piece("/")]
    return Value(pieces + slash + reference.pieces, "url-join", base.via + reference.via)


def resolve_reference(base_url: str, reference: Value) -> Value | None:
    """``reference`` resolved against the URL ``base_url`` as a client with that base does
    (RFC 3986); None when that cannot be known."""
    return _resolved(Value([Piece(base_url)]), reference)


class _Found(NamedTuple):
    """A lookup's answer: the values folded from bindings, and the unknown that stands for what
    they leave open - after them (``always``) or, if there are none, instead of them."""

    folded: list[Value]
    names: tuple[str, ...]
    member: bool
    always: bool


class _Run:
    """The values of a name's first member bindings, each already remembered, one after another."""

    def __init__(self) -> None:
        self.flat: list[Value] = []
        self.offsets = [0]  # offsets[k]: where the values of member k begin in flat
        self.head: list[Value] = []  # flat[:MAX_VARIANTS], one list for every lookup that takes it

    def grow(self, members: list[Binding], folded: dict[int, list[Value]]) -> None:
        """Take in the next members whose values are remembered, up to twice MAX_VARIANTS values:
        enough to leave out any one member and still have MAX_VARIANTS (none has more)."""
        offsets, flat = self.offsets, self.flat
        grown = False
        while len(offsets) <= len(members) and offsets[-1] < 2 * MAX_VARIANTS:
            values = folded.get(members[len(offsets) - 1].target)
            if values is None:
                break
            flat.extend(values)
            offsets.append(len(flat))
            grown = True
        if grown:
            self.head = flat[:MAX_VARIANTS]


class _Named:
    """The bindings of one name, with what lookups ask of them all, computed once."""

    def __init__(self, bindings: list[Binding], target_list: list[int] | None = None,
                 members: list[Binding] | None = None) -> None:
        self.bindings = bindings
        self.target_list = [b.target for b in bindings] if target_list is None else target_list
        self.members = [b for b in bindings if b.member] if members is None else members
        self.all_members = len(self.members) == len(bindings)
        # Made on first use (not functools.cached_property, which mypyc compiles to a plain property)
        self._position: dict[int, int] | None = None
        self._member_position: dict[int, int] | None = None

    @property
    def position(self) -> dict[int, int]:
        """Target -> the index of its binding."""
        if self._position is None:
            self._position = {target: k for k, target in enumerate(self.target_list)}
        return self._position

    @property
    def member_position(self) -> dict[int, int]:
        """Target -> the index of its member binding."""
        if self._member_position is None:
            self._member_position = {b.target: k for k, b in enumerate(self.members)}
        return self._member_position

    def without(self, at: int) -> "_Named":
        """These bindings but the one whose target is ``at``. Made by slicing, not by filtering
        and summarising again: generated code binds one key hundreds of times (json: payload)
        and looks each up at its own target."""
        if len(self.position) < len(self.bindings):  # a target bound twice: leave them all out
            return _Named([b for b in self.bindings if b.target != at])
        k = self.position[at]
        members = self.members
        if self.bindings[k].member:
            m = k if self.all_members else next(j for j, b in enumerate(members) if b.target == at)
            members = members[:m] + members[m + 1:]
        return _Named(self.bindings[:k] + self.bindings[k + 1:], self.target_list[:k] + self.target_list[k + 1:],
                      members)


def _named_unknowns(values: list[Value]) -> set[tuple[tuple[str, ...], bool]]:
    """The distinct unknown pieces that stand for names, as (names, member): variants repeat them."""
    return {(p.names, p.member) for value in values for p in value.pieces if p.token < 0 and p.names}


def _first_variants(values: Iterator[Value]) -> list[Value]:
    """The first MAX_VARIANTS of ``values``, without building the rest of a large product."""
    return list(islice(values, MAX_VARIANTS))


def _joined(results: list[Value], values: list[Value], how: str | None) -> list[Value]:
    """Each result followed by each value (``how`` None: the value's own), MAX_VARIANTS at most."""
    if len(results) == 1 and not results[0].pieces and not results[0].via:
        # nothing before: Value().plus(v, ...) equals v, and values are never changed once made
        return values[:MAX_VARIANTS]
    if len(results) * len(values) <= MAX_VARIANTS:  # the usual case: no product to cut short
        return [r.plus(v, how or v.how) for r in results for v in values]
    return _first_variants(r.plus(v, how or v.how) for r in results for v in values)


def is_env_call(names: tuple[str, ...]) -> bool:
    """A read of configuration: getenv("X"), env("X"), config("a.b"), os.environ.get("X"),
    ENV.fetch("X"), Application.get_env(:app, :key) - not any call named get."""
    callee = norm(names[-1]) if names else ""
    if callee in STRICT_ENV_CALLS or "getenv" in callee or "fetchenv" in callee or "config" in callee:
        return True
    return callee in ENV_CALLS and any(norm(n) in _CONFIG_OWNERS for n in names[:-1])


def _all_unknown(values: list[Value]) -> bool:
    return all(p.token < 0 and p.text == PLACEHOLDER for v in values for p in v.pieces)


def config_names(key: str) -> list[str]:
    """Names a configuration key may be defined under elsewhere: "services.fortnox.base_url" ->
    services, fortnox, base_url and fortnox.base_url (a section and its key)."""
    parts = [p for p in re.split(r"[.:/\]\[]+", key) if p]
    names = list(parts)
    if len(parts) >= 2:
        names.append(parts[-2] + "_" + parts[-1])
    return names


def _looks_like_property(name: str, language: str | None) -> bool:
    """A bare capitalised name in C#/Java/Kotlin code is usually a property of the class."""
    return language in ("csharp",) and name[:1].isupper()
