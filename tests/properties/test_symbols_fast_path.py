"""collect() visits only candidate tokens (found from kinds, ops and a few words) and finds where an
indented body ends line by line; visiting every token, token by token, gives the same symbols."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from fnx_strategies import FAST, source_text
from linter.scanner import symbols as sm
from linter.scanner.lexer import LANGUAGES, tokenize
from linter.scanner.syntax import Code

MANY = settings(FAST, max_examples=300)  # cheap: small sources, no scan
LANGUAGE = st.sampled_from(sorted(LANGUAGES))
# Declarations, bindings of every shape, tables, lists, enums, returns, annotations and imports, in
# the languages' spellings, with loose brackets, operators and line breaks between them.
PIECES = [
    "def", "defp", "class", "function", "func", "fun", "module", "defmodule", "object", "type", "struct", "enum",
    "interface", "impl", "record", "trait", "do", "end", "return", "define", "const", "var", "let", "val", "static",
    "@Value", "Value", "@", "@attr", "config", ":app", ":fortnox", "import", "from", "require", "require_relative",
    "using", "use", "alias", "include", "as", "new", "self.", "this.", "$this->", "A", "B", "x", "Base", "Config.",
    "string", "String", "str", "dict", "map[string]string", " = ", "=", ":=", "+=", ".=", "==", "!=", "<=", "=>",
    ":", "::", "?.", "->", ".", ",", ";", "(", ")", "[", "]", "{", "}", "<", ">", "%", "\n", "\n    ", "\n  ",
    "\n        ", " ", '"invoices"', "'orders'", '"("', '"x"', '"./lib/fortnox.ts"', '"${fortnox.base-url}"', "1",
]
symbol_source = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def every_token(code: Code) -> sm.Symbols:
    """collect() with every token visited: the candidates are not chosen."""
    symbols = sm.Symbols()
    every = range(len(code.tokens))
    sm._declarations(code, symbols, every)
    sm._bindings(code, symbols, every)
    sm._imports(code, symbols, every)
    return symbols


def indented_body(code: Code, keyword: int, name_at: int) -> tuple[int, int]:
    """An indented body's end, looked for token by token."""
    n = len(code.tokens)
    indent = sm._indent(code, keyword)
    k = name_at + 1
    while k < n and not code.newline_before[k]:
        k += 1
    start = min(k, n - 1)
    if code.language == "elixir":  # def get(path), do: ... starts at its do: on the line of the name
        for j in range(name_at + 1, min(start, name_at + 60, n - 1)):
            if code.kind(j) == "name" and code.value(j) == "do" and code.value(j + 1) == ":" \
                    and code.ends[j] == code.offsets[j + 1]:
                start = j
                break
    while k < n:
        if code.newline_before[k] and sm._indent(code, k) <= indent:
            break
        k += 1
    return start, max(start, min(k - 1, n - 1))


def public(symbols: sm.Symbols) -> tuple:
    return symbols.bindings, symbols.declarations, symbols.imports, symbols.containers


@MANY
@given(st.one_of(symbol_source, source_text), LANGUAGE)
@example('X = ["a", "b"]\nenum E { A("x"), B("y") }\ndefine("K", "v");', "php")
@example('class A:\n    B = {"a": "b"}\n    def f(self):\n        return "x"\n', "python")
@example('config :app, :fortnox, api_url: "x"\n@base "y"\ndef url, do: "z"', "elixir")
@example('@Value("${fortnox.base-url}") private String base;\nvoid f() { x = "y"; }', "java")
def test_candidates_give_the_symbols_of_a_visit_to_every_token(text, language):
    tokens = tokenize(text, LANGUAGES[language])
    assert public(sm.collect(Code(tokens, text, language))) == public(every_token(Code(tokens, text, language)))


@MANY
@given(symbol_source, st.sampled_from(sm._INDENTED))
@example("def f\n  x\n\nend\n  y\ndef g", "ruby")
@example("self.do:", "elixir")
@example("def get(path), do: request(:get, path)\ndef x", "elixir")
def test_an_indented_body_found_line_by_line_is_the_one_found_token_by_token(text, language):
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    lines = [k for k in range(len(code.tokens)) if code.newline_before[k]]
    for keyword in range(len(code.tokens) - 1):
        for name_at in (keyword + 1, min(keyword + 3, len(code.tokens) - 1)):
            assert sm._body(code, keyword, name_at, lines) == indented_body(code, keyword, name_at)


def test_the_candidates_are_fewer_than_the_tokens():
    # Guards that the test above compares two different visits (not a full visit to itself).
    text = 'import x\nA = ["a", 1]\nf(b)\nclass C { }\n'
    code = Code(tokenize(text, LANGUAGES["javascript"]), text, "javascript")
    words = sm._where(code.values, sm._DECLARE_WORDS | sm._IMPORT_WORDS)
    assert len(sm._binding_candidates(code)) < len(code.tokens) // 2
    assert len(sm._declaration_candidates(code, words)) < len(code.tokens) // 2


def plain_find_literal_name(code: Code, opener: int) -> str:
    """_find_literal_name reading through code.value() and code.kind(), which answer "" off the ends."""
    k = opener - 1
    if code.language == "elixir":  # a module attribute: @resources [...], @paths %{...}
        attribute = k - 1 if code.value(opener) == "{" and code.value(k) == "%" else k
        if code.kind(attribute) == "name" and code.value(attribute).startswith("@") and code.value(attribute) != "@":
            return sm.norm(code.value(attribute))
    for _ in range(16):
        if k < 0:
            return ""
        value = code.values[k]
        if value in ("=", ":", "=>", ":=") or code.ops[k] in ("=>", ":="):
            j = k - 1
            if code.value(j) == ">" or code.value(j) == "=":
                j -= 1
            while j >= 0 and code.kind(j) == "name" and code.value(j) in sm._TYPE_WORDS:
                j -= 1
            if code.kind(j) == "punct" and code.value(j) == ":" and code.kind(j - 1) == "name":
                j -= 1
            if code.kind(j) in ("name", "str"):
                if code.kind(j) == "name" and code.kind(j - 1) == "name" and code.value(j - 1) not in sm._TYPE_WORDS \
                        and code.language == "go":
                    j -= 1
                return sm.norm(code.value(j))
            return ""
        if k and code.kinds[k] == "name" and code.kinds[k - 1] == "name" and code.values[k - 1] in (
                "enum", "class", "object", "interface", "struct", "module"):
            return sm.norm(value)
        if value in (";", "{", "}", ","):
            return ""
        if code.partner[k] >= 0 and value in (")", "]", ">"):
            k = code.partner[k] - 1
            continue
        k -= 1
    return ""


def plain_in_enum(code: Code, i: int) -> bool:
    opener = code.parent[i]
    if opener < 0 or code.value(opener) != "{":
        return False
    if not (code.value(i - 1) in ("{", ",") or code.newline_before[i]):
        return False
    for k in range(opener - 1, max(-1, opener - 12), -1):
        if code.value(k) == "enum":
            return True
        if code.value(k) in (";", "}", "{"):
            return False
    return False


@MANY
@given(st.one_of(symbol_source, source_text), LANGUAGE)
@example("@attr(", "elixir")
@example("@paths %{a: 1}", "elixir")
@example("x = %{a: 1}", "elixir")
def test_literal_names_and_enums_read_the_lists_as_the_queries_would(text, language):
    code = Code(tokenize(text, LANGUAGES[language]), text, language)
    openers = [k for k in range(code.n) if code.values[k] in ("(", "[", "{")]
    assert [sm._find_literal_name(code, k) for k in openers] == [plain_find_literal_name(code, k) for k in openers]
    assert [sm._in_enum(code, i) for i in range(code.n)] == [plain_in_enum(code, i) for i in range(code.n)]
