"""Code's precomputed operators: only punctuation that touches the next token is looked at (a
token the next does not touch is taken as its own operator); the result is ``_operator``'s for
every punctuation token, as the plain per-token loop gave it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fnx_strategies import FAST, source_text
from linter.scanner.lexer import LANGUAGES, tokenize
from linter.scanner.syntax import Code

LANGUAGE = st.sampled_from(sorted(LANGUAGES))
# glued operators, regex literals and sigils (punctuation tokens longer than one character)
PIECES = ["=", "==", "===", "!", "?", ".", "?.", "-", ">", "<", ":", "|", "&", "*", "/", "(/x/", "=/x/.",
          "~r/x/", "~D[", "'a'", " ", "\n", "x", "1", '"s"', "(", ")", "[", "]", "{", "}", ",", ";", "@", "$"]
operator_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=40).map("".join)


@FAST
@given(st.one_of(source_text, operator_text), LANGUAGE)
def test_operators_are_those_of_the_plain_loop(text, language):
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    assert code.ops == [code._operator(i) if kind == "punct" else "" for i, kind in enumerate(code.kinds)]


def test_glued_punctuation_makes_longer_operators():
    text = "a?.b !== c ?? d"
    code = Code(tokenize(text, LANGUAGES["typescript"]), text, "typescript")
    assert [op for op in code.ops if op] == ["?.", ".", "!==", "==", "=", "??", "?"]
