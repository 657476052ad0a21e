"""The fact extractors' shortcuts give what the long way gives, on sources built to reach them."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from linter.scanner.facts import EXTRACTORS, FileView, oauth
from linter.scanner.facts.credentials import jwts
from linter.scanner.facts.exprs import Reader, expr_end
from linter.scanner.facts.legacy import _IN_STRING
from linter.scanner.lexer import LANGUAGES, LineIndex, Token, tokenize
from linter.scanner.syntax import Code
from fnx_strategies import FAST

MANY = settings(FAST, max_examples=300)  # cheap: small sources, no scan

# Constants, assignments of every shape, joins, typed lists, interpolations and concatenations.
EXPR_PIECES = [
    "S", "A", "$S", "@A", "x", "self.", "this.", "q", "new", "listOf", "List.of", "[]string", "join", "Join",
    "implode", "joinToString", "strings.", "to", "dict", "Enum.", "scope", "state", "client_id", "response_type",
    " = ", "=", " := ", ":", "::", "==", "=>", "!=", "<=", " + ", "+=", ".", ",", "(", ")", "[", "]", "{", "}",
    ";", "<>", "<", ">", "-", "->", "\\", "?", "\n", "\n    ", " ",
    '"https://apps.fortnox.se/oauth-v1/auth"', '"?client_id="', '"&scope="', '"fortnox"', '".se"', '"="',
    '" "', '","', '"%20"', '"%2C"', '"lient_id=x"', '"invoice"', "'a'", "'b'", '""', '"{}"',
    'f"{A}?scope={S}"', 'f"{\' \'.join(S)}"', '`${A}&state=${x}`', '"#{A}"', '"$A"', '"{$S}"',
    "1", "2.5", '"("', "'}'", '"]"',
]
NAMES = ["S", "A", "X", "$S", "@A", "self.A"]
VALUES = ['"https://apps.fortnox.se/oauth-v1/auth"', '"?client_id="', '"invoice"', '"%20"', "'a'", '"{}"',
          '["a", "b"]', '("a",)', "[]", "{}", "()", "new Foo()", 'listOf("a", "b")', '[]string{"a"}',
          'new[] { "a" }', 'List.of("a")', "S", "A", "f(x)", "1", '" ".join(S)', 'S.join(",")',
          'listOf().join(" ", S)', 'implode(" ", A)', 'strings.Join(S, " ")', '"a" + "b"', '"a" + S',
          'f"{A}?scope={S}"', '`${A}&x`', '"#{S}"', '"a" "b"', '"a" <> S', '"a" \\ "b"', '"a" \\\n "b"',
          '"a" . S', '"a".join(S)', '"a" + = S']
ASSIGN_OPS = [" = ", "=", " := ", " : = ", ": string = ", " == ", " => "]
ASSIGN = st.tuples(st.sampled_from(NAMES), st.sampled_from(ASSIGN_OPS),
                   st.sampled_from(VALUES)).map("".join)
USE = st.tuples(st.sampled_from(['q = {"scope": ', "f(scope=", '"state", ', "x = ", '"?a=" + ']),
                st.sampled_from(VALUES + NAMES)).map("".join)
LANGUAGE = st.sampled_from(sorted(LANGUAGES))
# Statements that assign and use constants, with loose pieces between them.
expr_source = st.lists(st.one_of(ASSIGN, ASSIGN, USE, st.sampled_from(EXPR_PIECES)), max_size=25).map(
    lambda parts: "\n".join(parts))


def readers(text: str, language: str) -> tuple[Reader, Reader]:
    """A lazy reader, and one whose constants were collected the original way, in file order."""
    tokens = tokenize(text, LANGUAGES[language])
    eager = Reader(tokens, text, language)
    eager._collect_constants()
    return Reader(tokens, text, language), eager


@MANY
@given(expr_source, LANGUAGE)
def test_constants_read_on_demand_are_the_constants_collected_in_order(text, language):
    lazy, eager = readers(text, language)
    names = {t.value.lstrip("$@") for t in lazy.tokens if t.kind == "name"} | {"S", "A", "x"}
    for name in sorted(names):
        assert lazy.lookup(name) == eager.lookup(name), name
    assert lazy.constants == eager.constants


def test_a_constant_that_names_an_earlier_one_sees_the_value_assigned_before_it():
    text = 'S = ["a", "b"]\nX = listOf().join(" ", S)\nS = ["c"]\nY = listOf().join(" ", S)\n'
    lazy, eager = readers(text, "kotlin")
    assert lazy.lookup("Y").text == eager.lookup("Y").text == "c"
    assert lazy.lookup("X").text == "a b"
    assert lazy.lookup("S") is None  # assigned twice


@MANY
@given(expr_source, LANGUAGE)
@example('q = "a" <> S', "elixir")
@example('q = "a" . S', "php")
@example('q = "a" \\\n "b"', "python")
@example('q = "a".join(S)', "python")
def test_a_lone_string_is_read_as_the_whole_expression_would_be(text, language):
    reader = Reader(tokenize(text, LANGUAGES[language]), text, language)
    for j, token in enumerate(reader.tokens):
        if reader.lone_string(j):
            end = expr_end(reader.tokens, j, text, reader.partner)
            assert reader._pieces(j, end, True) == reader.string_expr(j)


KEY_TEXTS = ["S", "A", "X", "x", "q", "scope", "state", "a", "b", "invoice", " ", "=", "(", "join", "new", "listOf",
             "f"]


@MANY
@given(expr_source, LANGUAGE, st.sets(st.sampled_from(KEY_TEXTS), max_size=7))
def test_keys_are_found_by_text_as_by_a_pass_over_every_token(text, language, keys):
    reader = Reader(tokenize(text, LANGUAGES[language]), text, language)
    every = [k for k, t in enumerate(reader.tokens) if t.kind in ("str", "name") and t.value in keys]
    assert reader._key_indexes(keys) == every


JWT_PIECES = ["eyJ", "eyj", "EYJ", "ey", "J", ".", "..", "a" * 10, "hbGciOiJIUzI1NiJ9", "-", "_", " ", "=", "&",
              "Access-Token", "access-token", "CLIENT-SECRET:", "Authorization-Code", " : ", "\t", "x", "\u2010"]
token_text = st.lists(st.one_of(st.sampled_from(JWT_PIECES), st.text(max_size=3)), max_size=12).map("".join)


@MANY
@given(token_text)
@example("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop")
@example("  access-token: x")
def test_the_string_gates_of_the_credential_and_legacy_extractors_pass_every_match(text):
    if jwts(text):
        assert "eyJ" in text
    if _IN_STRING.match(text, len(text) - len(text.lstrip())):
        assert "-" in text
    assert all(text.startswith("eyJ", i) for i, _ in jwts(text))


def partners(tokens: list[Token]) -> list[int]:
    """The plain way: for each opening bracket, the closing one that brings its depth back."""
    found = [-1] * len(tokens)
    stack: list[int] = []
    for k, token in enumerate(tokens):
        if token.kind == "punct":
            if token.value in "([{":
                stack.append(k)
            elif token.value in ")]}" and stack:
                found[stack.pop()] = k
    return found


@MANY
@given(expr_source, LANGUAGE)
def test_bracket_partners_from_texts_and_kinds_are_those_of_the_tokens(text, language):
    tokens = tokenize(text, LANGUAGES[language])
    reader = Reader(tokens, text, language)
    assert reader.partner == partners(tokens)
    view = FileView(text, "f", language, tokens, LineIndex(text))
    assert view.strings == [k for k, t in enumerate(tokens) if t.kind == "str"]


def test_the_view_reuses_the_detectors_lists_and_gives_what_it_would_build():
    text = 'const A = "https://apps.fortnox.se/oauth-v1/auth";\nq = {scope: [A, "b"].join(" ")};\n'
    tokens = tokenize(text, LANGUAGES["javascript"])
    code = Code(tokens, text, "javascript")
    shared = FileView(text, "f", "javascript", tokens, LineIndex(text), code)
    alone = FileView(text, "f", "javascript", tokens, LineIndex(text))
    assert shared.values is code.values and shared.kinds is code.kinds
    assert (shared.values, shared.kinds, shared.strings) == (alone.values, alone.kinds, alone.strings)
    assert [e(shared) for e in EXTRACTORS] == [e(alone) for e in EXTRACTORS]


def test_folding_keeps_every_character_that_the_oauth_precheck_can_match_in_place():
    # _PRECHECK matches case-insensitively: every character it may take for one of its own
    # letters (or _ . =) must fold to that letter, one character for one, for str.find to see it.
    own = re.compile("[a-z_.=]", re.I)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert len(oauth._fold(char)) == 1 or 0xD800 <= code <= 0xDFFF
        if own.fullmatch(char):
            assert re.fullmatch(re.escape(oauth._fold(char)), char, re.I), hex(code)
            assert oauth._fold(char) in "abcdefghijklmnopqrstuvwxyz_.=", hex(code)
    assert {oauth._PRECHECK.search(n).group().lower() for n in oauth._NEEDLES} == set(oauth._NEEDLES)


OAUTH_PIECES = ['"https://apps.fortnox.se/x"', '"FORTNOX.SE"', '"fortnox.\u017fe"', '"CL\u0130ENT_ID="',
                '"cl\u0131ent_id=x"', '"?client_id="', '"Scope=a"', '"sta"', '"te="', '"fortnox"', '".se"',
                '"x"', 'f"{A}&state="', 'f"{A}"', '`${A}/`', '"#{A}"', '"{}"', '"a\\nstate=b"', '"redirect_uri"',
                "=", "S", "A"]
oauth_source = st.lists(st.one_of(ASSIGN, USE, st.sampled_from(EXPR_PIECES + OAUTH_PIECES)), max_size=30).map(
    lambda parts: " ".join(parts))


@MANY
@given(oauth_source, LANGUAGE)
@example('a = "CL\u0130ENT_ID=1" + x; b = "FORTNOX.\u017fE"', "python")
@example('A = "https://apps.fortnox.se/oauth-v1/auth"\nu = f"{A}/x"', "python")
@example('const A = "https://apps.fortnox.se/oauth-v1/auth"; u = `${A}/x`', "javascript")
def test_the_oauth_extractor_reads_every_string_that_could_give_it_something(text, language):
    tokens = tokenize(text, LANGUAGES[language])
    view = FileView(text, "f", language, tokens, LineIndex(text))
    reader = view.reader
    worth = oauth._worth_reading(view)
    needed = [k for k in view.strings
              if not reader.lone_string(k) or oauth._PRECHECK.search(reader.interpolate(tokens[k]))]
    assert set(needed) <= set(worth) and worth == sorted(worth)
