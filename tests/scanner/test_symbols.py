"""Declarations: which shapes declare a function or class, language by language."""

from __future__ import annotations

import textwrap

import pytest

from linter.scanner.lexer import LANGUAGES, tokenize
from linter.scanner.symbols import collect
from linter.scanner.syntax import Code


def declared(language: str, source: str) -> list[tuple[str, str]]:
    text = textwrap.dedent(source)
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    return [(d.kind, d.name) for d in collect(code).declarations]


@pytest.mark.parametrize("language, source, expected", [
    ("java", "class Api {\n  String get(int id) { return base; }\n}\n", [("class", "Api"), ("function", "get")]),
    ("csharp", "class Api {\n  public Task<string> Get(int id) { return http.GetAsync(id); }\n}\n",
     [("class", "Api"), ("function", "Get")]),
    ("typescript", "class Api {\n  load(id: number) { return fetch(id); }\n}\n",
     [("class", "Api"), ("function", "load")]),
    ("javascript", "const api = {\n  load(id) { return fetch(id); },\n};\n", [("function", "load")]),
])
def test_a_method_without_a_keyword_is_declared_where_the_language_has_them(language, source, expected):
    assert declared(language, source) == expected


@pytest.mark.parametrize("language, source, expected", [
    # Kotlin declares with fun: HttpClient(CIO) { ... } is a call with a trailing lambda
    ("kotlin", """\
        class Api {
            private val http = HttpClient(CIO) { defaultRequest { url(BASE) } }
            fun client() = HttpClient(CIO) { expectSuccess = true }
        }
        """, [("class", "Api"), ("function", "client")]),
    # Go declares with func: the condition of an if is a call, not a function
    ("go", "func sync() {\n\tif ready(cfg) {\n\t\tpost(cfg)\n\t}\n}\n", [("function", "sync")]),
    # PHP declares with function
    ("php", "<?php\nfunction sync() {\n  retry(3) { };\n}\n", [("function", "sync")]),
])
def test_a_call_with_a_trailing_block_is_not_a_declaration(language, source, expected):
    assert declared(language, source) == expected
