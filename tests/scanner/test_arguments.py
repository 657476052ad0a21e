"""Where a call argument's value starts: after the name of a named argument, in the languages
that have them, and nowhere else."""

import pytest

from linter.scanner.lexer import LANGUAGES, tokenize
from linter.scanner.syntax import Code


def _value_of_first_argument(source: str, language: str) -> str:
    code = Code(tokenize(source, LANGUAGES[language]), source, language)
    opener = code.values.index("(")
    first, last = code.arguments(opener)[0]
    start = code.argument_value(first, last)
    return source[code.offsets[start]:code.ends[last]]


@pytest.mark.parametrize(("language", "source", "value"), [
    ("python", "get(path=Paths.X)", "Paths.X"),
    ("python", "get(path = x + 'y')", "x + 'y'"),
    ("python", "get(path == x)", "path == x"),  # a comparison
    ("python", "get(path := x)", "path := x"),  # an assignment expression
    ("python", "get(x)", "x"),
    ("kotlin", "get(path = Paths.X)", "Paths.X"),
    ("csharp", "Get(path: Paths.X)", "Paths.X"),
    ("csharp", "Get(ok ? a : b)", "ok ? a : b"),
    ("php", "get(path: Paths::X)", "Paths::X"),
    ("php", "get(Paths::X)", "Paths::X"),
    ("ruby", "get(path: Paths::X)", "Paths::X"),
    ("ruby", "get(Paths::X)", "Paths::X"),
    ("elixir", "get(path: Paths.x())", "Paths.x()"),
    ("javascript", "get(path = x)", "path = x"),  # assigns: JavaScript has no named arguments
    ("go", "get(x)", "x"),
    ("java", "get(x)", "x"),
])
def test_the_value_of_a_named_argument_starts_after_its_name(language, source, value):
    assert _value_of_first_argument(source, language) == value
