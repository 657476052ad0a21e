"""The lexer's fast path (names and punctuation tested first, made inline) gives exactly the
tokens of its plain loop, in which every character goes through every check in order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fnx_strategies import FAST, source_text
from linter.scanner.lexer import LANGUAGES, Token, _Lexer, tokenize

LANGUAGE = st.sampled_from(sorted(LANGUAGES))
# What decides between the fast path and the plain loop: string prefixes before quotes (and after
# letters), heredoc, percent, sigil and comment openers, Ruby's =begin at and off a line's start,
# regex literals, and whitespace Python's str.isspace knows but ASCII does not.
PIECES = ["r", "b", "f", "u", "R", "rb", "bR", "fff", "$", "@", "$@", '"', "'", "`", '"""', "'''", "<",
          "<<", "<<<", "<<~EOS", "EOS", "<<-X", "%", "%q", "%w[", "~", "~s", "~r/", "=", "=begin", "=end",
          "#", "#[", "//", "/*", "*/", "/", "=/", "(/", "\n", "\r\n", " ", "\t", "\x85", "\u2028", "\u3000",
          "é", "x", "_", "0", "1.5", "{", "}", "${", "#{", "\\", "?", "!", ",", ";", ")"]
tricky_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)


def fields(tokens: list[Token]) -> list[tuple]:
    return [(t.kind, t.value, t.offset, t.end, t.interpolated, t.parts) for t in tokens]


def plain_loop(text: str, language: str) -> list[Token]:
    """The lexer with its fast path switched off: no character is taken as a plain name or
    punctuation start, so each goes through whitespace, comment, string, regex and name checks
    (the comment check at every character that may start a comment, a string or a special string)."""
    lexer = _Lexer(text, LANGUAGES[language])
    lexer.plain_names = lexer.plain_puncts = frozenset()
    lexer.comment_starts = lexer.special
    return lexer.run()


@FAST
@given(st.one_of(source_text, tricky_text), LANGUAGE)
def test_the_fast_path_gives_the_plain_loops_tokens(text, language):
    tokens = tokenize(text, LANGUAGES[language])
    assert fields(tokens) == fields(plain_loop(text, language))
    assert tokens == plain_loop(text, language)  # as the tuples compare them, too


def test_the_fast_path_is_taken():
    # Guards that the fast sets are not empty (the test above would then compare a loop to itself).
    lexer = _Lexer("", LANGUAGES["python"])
    assert "a" in lexer.plain_names and "r" in lexer.plain_names and "(" in lexer.plain_puncts
    assert "#" not in lexer.plain_puncts and '"' not in lexer.plain_puncts
    assert "/" not in _Lexer("", LANGUAGES["javascript"]).plain_puncts  # a regex literal may start there
    assert "<" in _Lexer("", LANGUAGES["java"]).plain_puncts and "<" not in _Lexer("", LANGUAGES["ruby"]).plain_puncts
    assert lexer.comment_starts == {"#"} and _Lexer("", LANGUAGES["ruby"]).comment_starts == {"#", "="}
    assert _Lexer("", LANGUAGES["php"]).comment_starts == {"/", "#"}


def test_a_string_prefix_before_a_quote_is_a_string_and_elsewhere_starts_a_name():
    tokens = tokenize('rb"x" return r\'y\' éb"z"', LANGUAGES["python"])
    assert [(t.kind, t.value) for t in tokens] == [("str", "x"), ("name", "return"), ("str", "y"),
                                                   ("punct", "é"), ("name", "b"), ("str", "z")]


@FAST
@given(st.one_of(source_text, tricky_text), LANGUAGE)
def test_tokens_are_those_the_constructor_makes(text, language):
    # The lexer makes its tokens with tuple.__new__ (not Token(...), whose __new__ is Python code):
    # each is a Token as the constructor builds it, equal, hashing alike, and immutable.
    for token in tokenize(text, LANGUAGES[language]):
        made = Token(token.kind, token.value, token.offset, token.end, token.interpolated, token.parts)
        assert type(token) is Token and token == made and hash(token) == hash(made)
        assert token._asdict() == made._asdict() and len(token) == len(Token._fields)
        try:
            token.value = "x"  # type: ignore[misc]
        except AttributeError:
            pass
        else:
            raise AssertionError("a token can be changed")
