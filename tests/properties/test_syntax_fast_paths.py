"""Code's precomputed operators: only punctuation that touches the next token is looked at (a
token the next does not touch is taken as its own operator); the result is ``_operator``'s for
every punctuation token, as the plain per-token loop gave it. Code's plain lists are the tokens'
fields, and its bracket partners and parents are those of the plain stack walk over every token."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fnx_strategies import FAST, source_text
from linter.scanner.lexer import LANGUAGES, tokenize
from linter.scanner.syntax import _CONTINUATIONS, CLOSERS, OPENERS, Code

LANGUAGE = st.sampled_from(sorted(LANGUAGES))
# glued operators, regex literals and sigils (punctuation tokens longer than one character)
PIECES = ["=", "==", "===", "!", "?", ".", "?.", "-", ">", "<", ":", "|", "&", "*", "/", "(/x/", "=/x/.",
          "~r/x/", "~D[", "'a'", " ", "\n", "x", "1", '"s"', "(", ")", "[", "]", "{", "}", ",", ";", "@", "$"]
operator_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=40).map("".join)
# unbalanced and deeply nested brackets (the walk looks at most 7 open brackets deep), and brackets
# inside strings, which are no brackets
BRACKETS = ["(", ")", "[", "]", "{", "}", "((((((((", "))))))))", "[[[[", "{{{{", " ", "x", '"("', '")"', "\n"]
bracket_text = st.lists(st.sampled_from(BRACKETS), max_size=60).map("".join)


def plain_brackets(code: Code) -> tuple[list[int], list[int]]:
    """Partners and parents from a walk over every token, keeping a stack of open brackets."""
    partner, parent = [-1] * code.n, [-1] * code.n
    stack: list[int] = []
    for i, (value, kind) in enumerate(zip(code.values, code.kinds)):
        parent[i] = stack[-1] if stack else -1
        if kind != "punct" or (value not in OPENERS and value not in CLOSERS):
            continue
        if value in OPENERS:
            stack.append(i)
            continue
        for depth in range(len(stack) - 1, max(-1, len(stack) - 8), -1):
            if code.values[stack[depth]] == CLOSERS[value]:
                opener = stack[depth]
                del stack[depth:]
                partner[opener], partner[i] = i, opener
                parent[i] = parent[opener]
                break
    return partner, parent


@FAST
@given(st.one_of(source_text, operator_text, bracket_text), LANGUAGE)
def test_brackets_are_those_of_the_plain_walk(text, language):
    tokens = tokenize(text, LANGUAGES[language])
    code = Code(tokens, text, language)
    assert (code.partner, code.parent) == plain_brackets(code)
    assert code.values == [t.value for t in tokens] and code.kinds == [t.kind for t in tokens]
    assert code.offsets == [t.offset for t in tokens] and code.ends == [t.end for t in tokens]


@FAST
@given(st.one_of(source_text, operator_text, bracket_text), LANGUAGE)
def test_call_openers_are_the_punctuation_parentheses(text, language):
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    assert code.call_openers() == [k for k, value in enumerate(code.values) if value == "(" and code.kinds[k] == "punct"]


def plain_chain_start(code: Code, j: int) -> int:
    """chain_start asking op_ending_at about every token before a name, string or number."""
    kinds, values, partner = code.kinds, code.values, code.partner
    i = j
    for _ in range(64):
        kind, value = kinds[i], values[i]
        if kind == "punct" and value in (")", "]") and partner[i] >= 0:
            opener = partner[i]
            before = opener - 1
            if before >= 0 and (kinds[before] in ("name", "str") or
                                values[before] in (")", "]")) and not code.newline_before[opener]:
                i = before
                continue
            if before >= 0 and values[before] == ">":
                lt = code._generic_open(before)
                if lt > 0 and kinds[lt - 1] == "name":
                    i = lt - 1
                    continue
            return opener
        if kind in ("name", "str", "num") or (kind == "punct" and value in ("@", "$")):
            op, op_start = code.op_ending_at(i - 1) if i > 0 else ("", i)
            if op in code.member_seps and op_start > 0 and op_start < i:
                prev = op_start - 1
                if kinds[prev] in ("name", "str") or values[prev] in (")", "]"):
                    i = prev
                    continue
        return i
    return i


CHAINS = ["a", "b", ".", "?.", "->", "::", "!!", "!!.", "?", ":", ">", "-", "<", "(", ")", "[", "]", "@", "$",
          '"s"', "1", " ", "\n", "~r/x/", "=", "=~", "/"]
chain_text = st.lists(st.sampled_from(CHAINS), max_size=40).map("".join)


@FAST
@given(st.one_of(source_text, operator_text, chain_text), LANGUAGE)
def test_chain_start_is_that_of_the_plain_walk(text, language):
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    assert [code.chain_start(j) for j in range(code.n)] == [plain_chain_start(code, j) for j in range(code.n)]


def line_ends_statement(code: Code, j: int) -> bool:
    """Whether a line ending with token ``j`` can end a statement (no operator or comma)."""
    tok = code.tokens[j]
    return tok.kind != "punct" or tok.value in (")", "]", "}", ";")


def plain_statement_bounds(code: Code, i: int) -> tuple[int, int]:
    """statement_bounds as first written, one test after the other through the small queries."""
    parent = code.parent[i]
    lo = i
    floor = max(0, i - 80)
    while lo > floor:
        prev = lo - 1
        if code.parent[prev] == parent and code.value(prev) in (";", "{", "}"):
            break
        if prev == parent:
            break
        if code.parent[lo] == parent and code.newline_before[lo] and lo != i and \
                line_ends_statement(code, prev) and code.op(lo) not in _CONTINUATIONS:
            break
        lo = prev
    hi = i
    n = min(len(code.tokens), i + 80)
    while hi + 1 < n:
        nxt = hi + 1
        if code.parent[nxt] != parent and code.partner[nxt] < 0 and code.value(nxt) in CLOSERS:
            break
        if code.value(nxt) in CLOSERS and code.partner[nxt] >= 0 and code.partner[nxt] < i:
            break
        if code.parent[nxt] == parent and code.value(nxt) in (";",):
            break
        if code.parent[nxt] == parent and code.newline_before[nxt] and line_ends_statement(code, hi) \
                and code.op(nxt) not in _CONTINUATIONS:
            break
        hi = nxt
    return lo, hi


STATEMENTS = ["a", "=", "+", ".", "(", ")", "[", "]", "{", "}", ";", ",", "\n", "\n  ", " ", '"s"', "?.", "|>", "&&"]
statement_text = st.lists(st.sampled_from(STATEMENTS), max_size=60).map("".join)


@FAST
@given(st.one_of(source_text, bracket_text, statement_text), LANGUAGE)
def test_statement_bounds_and_arguments_are_those_of_the_plain_queries(text, language):
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    assert [code.statement_bounds(i) for i in range(code.n)] == [plain_statement_bounds(code, i) for i in range(code.n)]
    for opener in code.call_openers():
        assert code.arguments(opener) == plain_arguments(code, opener)
        assert [code.argument_index(opener, k) for k in range(code.n)] == \
            [plain_argument_index(code, opener, k) for k in range(code.n)]


def plain_arguments(code: Code, opener: int) -> list[tuple[int, int]]:
    close = code.partner[opener]
    if close < 0:
        return []
    args: list[tuple[int, int]] = []
    start = k = opener + 1
    while k < close:
        if code.partner[k] > k:
            k = code.partner[k] + 1
            continue
        if code.value(k) == ",":
            if k > start:
                args.append((start, k - 1))
            start = k + 1
        k += 1
    if close > start:
        args.append((start, close - 1))
    return args


def plain_argument_index(code: Code, opener: int, i: int) -> int:
    index = 0
    k = opener + 1
    while k < i:
        if code.partner[k] > k:
            k = code.partner[k] + 1
            continue
        if code.value(k) == ",":
            index += 1
        k += 1
    return index


def plain_direct_call(code: Code, i: int):
    opener = code.parent[i]
    while opener >= 0 and code.value(opener) in ("{", "[") and plain_literal_brace(code, opener):
        opener = code.parent[opener]
    if opener >= 0 and code.value(opener) == "(":
        return code.call_at(opener)
    return None


def plain_literal_brace(code: Code, opener: int) -> bool:
    before = opener - 1
    if before < 0:
        return False
    value = code.value(before)
    if value in ("(", ",", "=", ":", "[", "return", "=>", "?", "%", "{") or code.op(before) in ("=>", ":=", "??"):
        return True
    if code.language == "kotlin" and (code.kind(before) == "name" or value == ")"):
        return True
    if code.language == "go":
        if value in ("}", "]"):
            return True
        if code.kind(before) == "name":
            start = code.chain_start(before)
            prior = code.value(start - 1) if start > 0 else ""
            return prior in ("=", ":", "&", "(", ",", "return", "{", "]") or code.op(start - 1) == ":="
        return False
    return False


LITERALS = ["a", "=", ":=", "&", "(", ")", "[", "]", "{", "}", ",", "return", "=>", "??", ".", " ", "\n", '"s"',
            "map[string]string", "x.y"]
literal_text = st.lists(st.sampled_from(LITERALS), max_size=40).map("".join)


@FAST
@given(st.one_of(source_text, bracket_text, literal_text), LANGUAGE)
def test_direct_call_is_that_of_the_plain_queries(text, language):
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    openers = [k for k in range(code.n) if code.values[k] in ("{", "[")]
    assert [code.literal_brace(k) for k in openers] == [plain_literal_brace(code, k) for k in openers]
    assert [code.direct_call(i) for i in range(code.n)] == [plain_direct_call(code, i) for i in range(code.n)]


def test_unbalanced_brackets():
    text = "f(a[1), {b}] ) ]"
    code = Code(tokenize(text, LANGUAGES["python"]), text, "python")
    assert (code.partner, code.parent) == plain_brackets(code)
    assert code.partner[1] == 5 and code.partner[3] == -1  # ")" closes "(" past the open "["


@FAST
@given(st.one_of(source_text, operator_text), LANGUAGE)
def test_operators_are_those_of_the_plain_loop(text, language):
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    assert code.ops == [code._operator(i) if kind == "punct" else "" for i, kind in enumerate(code.kinds)]


def test_glued_punctuation_makes_longer_operators():
    text = "a?.b !== c ?? d"
    code = Code(tokenize(text, LANGUAGES["typescript"]), text, "typescript")
    assert [op for op in code.ops if op] == ["?.", ".", "!==", "==", "=", "??", "?"]
