"""Just enough structure over a token list to read expressions: brackets, operators, name chains,
calls and their arguments. Language-neutral on purpose; it never needs a full parse."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, count, islice
from operator import eq

from linter.scanner.lexer import Token


def indexes_of(items: list[str], item: str) -> Iterator[int]:
    """Every index of ``item`` in ``items``, in order: a C-level search (list.index) per hit, so
    a rare text is found without visiting each token."""
    k = -1
    while True:
        try:
            k = items.index(item, k + 1)
        except ValueError:
            return
        yield k


OPENERS = {"(": ")", "[": "]", "{": "}"}
STATEMENT_WINDOW = 80  # tokens looked at either side when finding a statement's ends
CLOSERS = {")": "(", "]": "[", "}": "{"}
_BRACKETS = frozenset(OPENERS) | frozenset(CLOSERS)
# Multi-character operators built from adjacent punctuation tokens, longest first.
_OPERATORS = sorted({
    "===", "!==", "...", "**=", "?.", "!!", "->", "::", "=>", "==", "!=", "<=", ">=", "+=", "-=",
    ".=", ":=", "<>", "<<", ">>", "&&", "||", "|>", "??", "..", "=~", "++", "--", "<-", "*=", "/=",
}, key=len, reverse=True)
_OPERATORS_BY_SIZE = [(size, frozenset(op for op in _OPERATORS if len(op) == size))
                      for size in sorted({len(op) for op in _OPERATORS}, reverse=True)]
MEMBER_SEPARATORS = {".", "?.", "->", "::", "!!."}
_CONTINUATIONS = {".", "?.", "+", "?", ":", "|>", "&&", "||", "->", "::", "<>", "=>"}
# The operator that op_ending_at(j) finds is token j's text or ends with it (a one-character
# token): a token with none of these texts ends no member separator.
_SEPARATOR_TAILS = frozenset(MEMBER_SEPARATORS) | {sep[-1] for sep in MEMBER_SEPARATORS}
_BANGS = frozenset({"!", "?"})  # ends of Elixir and Ruby names: fetch!, valid?
_BANG_LANGUAGES = frozenset({"elixir", "ruby"})
_STATEMENT_ENDS = (")", "]", "}", ";")  # punctuation that can end a statement at a line's end
SELF_NAMES = {"self", "this", "$this", "static", "super", "cls"}
# a ?? b, a || b, a or b, a ?: b: the right side is a fallback value
ALTERNATIVES = {"??", "||", "or", "?:"}
# What follows an argument's name in a named argument: f(path=x) (Python), f(path = x) (Kotlin),
# F(path: x) (C#, PHP 8), f(path: x) (Ruby and Elixir keywords). JavaScript and TypeScript have
# none (f(path = x) assigns), nor have Go and Java.
NAMED_ARGUMENT = {"python": "=", "kotlin": "=", "csharp": ":", "php": ":", "ruby": ":", "elixir": ":"}


@dataclass(frozen=True)
class Call:
    """A call ``callee(args)``: the callee's name chain and where its arguments are."""

    open: int  # index of "("
    close: int  # index of ")"
    names: tuple[str, ...]  # callee chain, e.g. ("self", "session", "get")
    start: int  # index of the callee's first token
    decorated: bool  # preceded by "@" (a decorator or annotation)
    attribute: bool  # inside "[...]" as a C# attribute: [HttpGet("x")]

    @property
    def name(self) -> str:
        return self.names[-1] if self.names else ""


def _newline_before(text: str, offsets: list[int], ends: list[int]) -> list[bool]:
    """For each token, whether a line break lies between it and the token before (or the start).
    Visits the line breaks, not the tokens: a file has several times fewer."""
    n = len(offsets)
    found = [False] * n
    at = text.find("\n")
    while at >= 0:
        k = bisect.bisect_right(offsets, at)  # the first token after this line break
        if k >= n:
            break
        if k and ends[k - 1] > at:  # inside token k - 1 (a multi-line string), not before token k
            at = text.find("\n", at + 1)
            continue
        found[k] = True
        at = text.find("\n", offsets[k])  # later breaks before token k change nothing
    return found


class Code:
    """One file's tokens with bracket partners, operators and line breaks precomputed."""

    def __init__(self, tokens: list[Token], text: str, language: str | None) -> None:
        self.tokens = tokens
        self.text = text
        self.language = language
        n = self.n = len(tokens)
        # Plain lists for the hot queries: a list lookup is much cheaper than a token attribute.
        # Comprehensions, not map(attrgetter): their attribute reads are specialised by the
        # interpreter, a third cheaper than attrgetter's generic lookup.
        self.values: list[str] = [token.value for token in tokens]
        self.kinds: list[str] = [token.kind for token in tokens]
        self.offsets: list[int] = [token.offset for token in tokens]
        self.ends: list[int] = [token.end for token in tokens]
        self.partner = [-1] * n
        self.parent = [-1] * n  # innermost enclosing opener
        self.newline_before = _newline_before(text, self.offsets, self.ends)
        # PHP joins strings with "." and reaches members with "->"; Elixir joins with "<>"
        self.member_seps = MEMBER_SEPARATORS - {"."} if language == "php" else MEMBER_SEPARATORS
        self.concat_ops = {"php": {"."}, "elixir": {"<>"}}.get(language or "", {"+"})
        self.ops: list[str] = self._operators()  # operator starting at a punctuation token, else ""
        self._match_brackets()
        self._calls: dict[int, Call | None] = {}
        self._openers: list[int] | None = None

    def _match_brackets(self) -> None:
        """Partners of matched brackets and each token's innermost enclosing opener. Only bracket
        tokens are visited; the tokens between two of them share a parent, set a slice at a time."""
        values, partner, parent = self.values, self.partner, self.parent
        # a bracket token is its own operator (no operator starts with a bracket), so the
        # punctuation brackets are found in C in ``ops``, where other kinds of token are ""
        brackets = compress(count(), map(_BRACKETS.__contains__, self.ops))
        stack = [-1]  # open brackets, innermost last, above a sentinel: the top is the parent
        filled = 0  # parent[] is final below this index
        for i in brackets:
            top = stack[-1]
            parent[filled:i + 1] = [top] * (i + 1 - filled)
            filled = i + 1
            value = values[i]
            if value in OPENERS:
                stack.append(i)
                continue
            wanted = CLOSERS[value]
            if top >= 0 and values[top] == wanted:  # the common case: it closes the innermost
                del stack[-1]
                partner[top], partner[i] = i, top
                parent[i] = stack[-1]  # the opener's parent
                continue
            # tolerate unbalanced code: pop to the nearest matching opener among the 7 innermost
            for depth in range(len(stack) - 2, max(0, len(stack) - 8), -1):
                opener = stack[depth]
                if values[opener] == wanted:
                    del stack[depth:]
                    partner[opener], partner[i] = i, opener
                    parent[i] = stack[-1]
                    break
        parent[filled:] = [stack[-1]] * (self.n - filled)

    def _operators(self) -> list[str]:
        """``_operator(i)`` for each punctuation token, "" for the others. A punctuation token that
        the next does not touch is its own operator (``_operator`` joins only touching tokens, and
        no text of a punctuation token the lexer makes is longer than one character and starts with
        an operator: "/re/", "~r"); only the tokens that touch the next one are looked at."""
        kinds, offsets, ends = self.kinds, self.offsets, self.ends
        ops = [value if kind == "punct" else "" for value, kind in zip(self.values, kinds)]
        for i in compress(count(), map(eq, islice(offsets, 1, None), ends)):  # token i + 1 starts where i ends
            if kinds[i] == "punct" and kinds[i + 1] == "punct":
                ops[i] = self._operator(i)
        return ops

    # -- small queries -------------------------------------------------------------------------
    def value(self, i: int) -> str:
        return self.values[i] if 0 <= i < self.n else ""

    def kind(self, i: int) -> str:
        return self.kinds[i] if 0 <= i < self.n else ""

    def op(self, i: int) -> str:
        """The operator starting at token ``i``, or "" (also past either end)."""
        return self.ops[i] if 0 <= i < self.n else ""

    def _operator(self, i: int) -> str:
        values, kinds, offsets, ends = self.values, self.kinds, self.offsets, self.ends
        joined = values[i]
        end = ends[i]
        j = i + 1
        while j < self.n and j < i + 3 and kinds[j] == "punct" and offsets[j] == end:
            joined += values[j]
            end = ends[j]
            j += 1
        if j == i + 1 and len(joined) == 1:
            return joined  # a lone character: every operator is longer
        for size, ops in _OPERATORS_BY_SIZE:  # longest first, as sorted _OPERATORS would try them
            if joined[:size] in ops:
                return joined[:size]
        return values[i]

    def op_ending_at(self, j: int) -> tuple[str, int]:
        """(operator, index of its first token) for an operator whose last token is ``j``."""
        kinds, ops, n = self.kinds, self.ops, self.n
        for back in (2, 1):
            i = j - back
            if 0 <= i < n and kinds[i] == "punct" and len(ops[i]) == back + 1 \
                    and self.ends[j] - self.offsets[i] == back + 1:
                return ops[i], i
        if 0 <= j < n and kinds[j] == "punct":
            return ops[j] if len(ops[j]) == 1 else self.values[j], j
        return "", j

    def chain_start(self, j: int) -> int:
        """First token of the postfix expression (a.b(c)[d]) that ends at token ``j``."""
        kinds, values, partner = self.kinds, self.values, self.partner
        i = j
        for _ in range(64):
            kind, value = kinds[i], values[i]
            if kind == "punct" and value in (")", "]") and partner[i] >= 0:
                opener = partner[i]
                before = opener - 1
                if before >= 0 and (kinds[before] in ("name", "str") or
                                    values[before] in (")", "]")) and not self.newline_before[opener]:
                    i = before
                    continue
                if before >= 0 and values[before] == ">":  # generic call: f<T>(...)
                    lt = self._generic_open(before)
                    if lt > 0 and kinds[lt - 1] == "name":
                        i = lt - 1
                        continue
                if before > 0 and self._bang_call(before - 1):  # Elixir/Ruby: fetch_env!(...)
                    i = before - 1
                    continue
                return opener
            if (kind in ("name", "str", "num") or (kind == "punct" and value in ("@", "$"))) \
                    and i > 0 and values[i - 1] in _SEPARATOR_TAILS:
                op, op_start = self.op_ending_at(i - 1)
                if op in self.member_seps and op_start > 0 and op_start < i:
                    prev = op_start - 1
                    if kinds[prev] in ("name", "str") or values[prev] in (")", "]"):
                        i = prev
                        continue
            return i
        return i

    def chain_end(self, i: int) -> int:
        """Last token of the postfix expression that starts at token ``i``."""
        kinds, values, partner, n = self.kinds, self.values, self.partner, self.n
        j = i
        for _ in range(64):
            if j == i and 0 <= j < n and kinds[j] == "punct" and values[j] in OPENERS and partner[j] >= 0:
                j = partner[j]
            nxt = j + 1
            if nxt >= n or nxt < 0:
                return j
            if values[nxt] in ("(", "[") and partner[nxt] >= 0 and not self.newline_before[nxt]:
                j = partner[nxt]
                continue
            if values[nxt] in _BANGS and self._bang_call(j):  # Elixir/Ruby: Application.fetch_env!(...)
                j = partner[nxt + 1]
                continue
            op = self.ops[nxt] if kinds[nxt] == "punct" else ""
            if op in self.member_seps:
                after = nxt + len(op) if op != "!!." else nxt + 3
                if 0 <= after < n and kinds[after] == "name":
                    j = after
                    continue
            return j
        return j

    def _bang_call(self, name: int) -> bool:
        """Token ``name`` is a name that ends in "!" or "?" and is called: Elixir and Ruby write
        Application.fetch_env!(:app, :key), Keyword.fetch!(cfg, :key), valid?(x) - the "!" or "?"
        (its own token) is part of the name, so a chain goes on through it to the call."""
        if self.language not in _BANG_LANGUAGES or not 0 <= name < self.n - 2 or self.kinds[name] != "name":
            return False
        mark = name + 1
        return self.values[mark] in _BANGS and self.ends[name] == self.offsets[mark] \
            and self.values[mark + 1] == "(" and self.ends[mark] == self.offsets[mark + 1] \
            and self.partner[mark + 1] > mark

    def chain_names(self, start: int, end: int) -> tuple[str, ...]:
        """Names along a chain, outside any call arguments or index brackets."""
        kinds, values, partner = self.kinds, self.values, self.partner
        names: list[str] = []
        i = start
        while i <= end:
            kind = kinds[i]
            if kind == "name":
                names.append(values[i])
            elif kind == "punct" and values[i] in OPENERS and partner[i] > i and i != start:
                i = partner[i] + 1
                continue
            i += 1
        return tuple(names)

    def _generic_open(self, gt: int) -> int:
        """The "<" that opens generic arguments ending at ``gt``: f<T>(, get<{ A: B[] }>(."""
        depth = 0
        k = gt
        for _ in range(48):
            if k < 0:
                return -1
            value = self.value(k)
            if value == ">":
                depth += 1
            elif value == "<":
                depth -= 1
                if depth == 0:
                    return k
            elif value in (";", "=") and self.ops[k] not in ("=>",):
                return -1
            elif value in ("}", "]", ")") and self.partner[k] >= 0:
                k = self.partner[k]
            elif value in ("{", "(", "["):
                return -1
            k -= 1
        return -1

    # -- calls ---------------------------------------------------------------------------------
    def call_openers(self) -> list[int]:
        """Every "(" token, in order (several passes look for calls)."""
        if self._openers is None:
            # a "(" token is its own operator, and only punctuation has one: found in C
            self._openers = list(indexes_of(self.ops, "("))
        return self._openers

    def call_at(self, opener: int) -> Call | None:
        """The call whose argument list opens at ``opener`` ("("), if a callee precedes it.
        Remembered: detection and the extractors ask about the same calls many times."""
        calls = self._calls
        if opener in calls:
            return calls[opener]
        call = calls[opener] = self._call_at(opener)
        return call

    def _call_at(self, opener: int) -> Call | None:
        values, kinds = self.values, self.kinds
        # below, every index read is one of a token: ``opener`` and ``before`` from here on, the
        # chain's start and the bracket enclosing it (value(i) would check that once more)
        if not 0 < opener < self.n or values[opener] != "(" or self.partner[opener] < 0:
            return None  # opener 0: no callee before it
        before = opener - 1
        value = values[before]
        if value == ">":
            lt = self._generic_open(before)
            if lt <= 0:
                return None
            before = lt - 1
        elif value in ("!", "?") and before > 0 and kinds[before - 1] == "name" \
                and self.ends[before - 1] == self.offsets[before]:
            before -= 1  # Elixir/Ruby: Req.get!(...), valid?(...)
        if kinds[before] != "name" and values[before] not in (")", "]"):
            return None
        start = self.chain_start(before)
        names = self.chain_names(start, before)
        if not names:
            return None
        decorated = (names[0].startswith("@") or (start > 0 and values[start - 1] == "@")) and \
            self.language in ("python", "java", "kotlin", "typescript", "javascript")
        bracket = self.parent[start]
        attribute = bracket >= 0 and values[bracket] == "[" \
            and (bracket == 0 or values[bracket - 1] in (";", "{", "}", "]", ")") or self.newline_before[bracket])
        return Call(opener, self.partner[opener], names, start, decorated, attribute)

    def literal_brace(self, opener: int) -> bool:
        """A { that opens an object/dict/map literal rather than a block."""
        before = opener - 1
        if before < 0:
            return False
        values, kinds, ops = self.values, self.kinds, self.ops
        value = values[before]
        if value in ("(", ",", "=", ":", "[", "return", "=>", "?", "%", "{") or ops[before] in ("=>", ":=", "??"):
            return True
        if self.language == "kotlin" and (kinds[before] == "name" or value == ")"):
            return True  # trailing lambdas: HttpClient { defaultRequest { url(...) } }
        if self.language == "go":  # composite literals: map[string]string{...}, &Config{...}
            if value in ("}", "]"):
                return True
            if kinds[before] == "name":
                start = self.chain_start(before)
                if start == 0:
                    return False  # nothing before the chain
                return values[start - 1] in ("=", ":", "&", "(", ",", "return", "{", "]") or ops[start - 1] == ":="
            return False
        return False

    def direct_call(self, i: int) -> Call | None:
        """The call whose argument list holds token ``i`` directly or inside object/array literals
        (fetch(url, {method: "POST"})) - never through a nested call or a function body."""
        parent, values = self.parent, self.values
        opener = parent[i]
        while opener >= 0:
            value = values[opener]
            if value == "(":
                return self.call_at(opener)
            if value not in ("{", "[") or not self.literal_brace(opener):
                return None
            opener = parent[opener]
        return None

    def piped_call(self, end: int) -> Call | None:
        """Elixir: "/accounts" |> Http.get() - the value is the first argument of the next call."""
        if self.op(end + 1) != "|>":
            return None
        k = end + 3
        while k < len(self.tokens) and (self.kind(k) == "name" or self.value(k) in (".", "!")):
            k += 1
        return self.call_at(k) if self.value(k) == "(" else None

    def argument_index(self, opener: int, i: int) -> int:
        partner, values = self.partner, self.values
        index = 0
        k = opener + 1
        while k < i:
            if partner[k] > k:
                k = partner[k] + 1
                continue
            if values[k] == ",":  # k > opener >= -1: a token
                index += 1
            k += 1
        return index

    def arguments(self, opener: int) -> list[tuple[int, int]]:
        """(first, last) token index of each argument of the call opening at ``opener``."""
        partner, values = self.partner, self.values
        close = partner[opener]
        if close < 0:
            return []
        args: list[tuple[int, int]] = []
        start = opener + 1
        k = start
        while k < close:  # a partner is a token, so are the tokens before it
            if partner[k] > k:
                k = partner[k] + 1
                continue
            if values[k] == ",":
                if k > start:
                    args.append((start, k - 1))
                start = k + 1
            k += 1
        if close > start:
            args.append((start, close - 1))
        return args

    def argument_value(self, first: int, last: int) -> int:
        """Where the value of the argument ``first``..``last`` starts: after its name in a named
        argument (``path=PATHS.x``, ``path: Paths.X``), else at ``first``."""
        mark = NAMED_ARGUMENT.get(self.language or "")
        if mark is not None and first + 1 < last and self.kinds[first] == "name" and self.ops[first + 1] == mark:
            return first + 2
        return first

    def statement_bounds(self, i: int) -> tuple[int, int]:
        """A cheap statement: from the last ";" or brace at ``i``'s level to the next one."""
        parent, partner, values, kinds, ops = self.parent, self.partner, self.values, self.kinds, self.ops
        newline_before = self.newline_before
        up = parent[i]
        lo = i
        floor = max(0, i - STATEMENT_WINDOW)  # bounded: a statement that long is data, not a request
        while lo > floor:
            prev = lo - 1
            if parent[prev] == up and values[prev] in (";", "{", "}"):
                break
            if prev == up:
                break
            # a line break after a token that can end a statement (not an operator or a comma)
            if parent[lo] == up and newline_before[lo] and lo != i and \
                    (kinds[prev] != "punct" or values[prev] in _STATEMENT_ENDS) and ops[lo] not in _CONTINUATIONS:
                break
            lo = prev
        hi = i
        n = min(self.n, i + STATEMENT_WINDOW)
        while hi + 1 < n:
            nxt = hi + 1
            value = values[nxt]
            if value in CLOSERS and (parent[nxt] != up and partner[nxt] < 0 or 0 <= partner[nxt] < i):
                break
            if parent[nxt] == up and (value == ";" or newline_before[nxt] and (
                    kinds[hi] != "punct" or values[hi] in _STATEMENT_ENDS) and ops[nxt] not in _CONTINUATIONS):
                break
            hi = nxt
        return lo, hi
