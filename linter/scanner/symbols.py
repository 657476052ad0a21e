"""What one file names: constant and field bindings, tables, declarations and imports.

All approximate and language-neutral: a binding is ``name = expression`` (or ``name: expr``,
``"key" => expr``, ``@attr expr``, ``define("NAME", expr)``, ``NAME("value")`` in an enum,
``return expr`` as the value of a function). The scanner folds these to resolve a URL that is
built from named parts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from linter.scanner.syntax import SELF_NAMES, Code, indexes_of

_KEYWORDS = frozenset({
    "if", "for", "while", "switch", "catch", "using", "lock", "foreach", "synchronized", "return",
    "function", "elif", "else", "try", "finally", "with", "when", "case", "default", "do", "in",
    "not", "and", "or", "is", "await", "async", "new", "typeof", "sizeof", "nameof", "yield",
    "lambda", "fn", "match", "unless", "until", "raise", "throw", "assert", "import", "from",
    "package", "export", "delete", "void", "var", "let", "const", "val",
})
_TYPE_WORDS = frozenset({
    "string", "String", "str", "int", "Int", "bool", "var", "let", "const", "val", "final",
    "readonly", "static", "public", "private", "protected", "internal",
})
_DECLARE = {"def": "function", "defp": "function", "function": "function", "func": "function",
            "fun": "function", "class": "class", "interface": "class", "module": "class",
            "defmodule": "class", "object": "class", "struct": "class", "enum": "class",
            "trait": "class", "record": "class", "type": "class", "impl": "class"}
_INDENTED = ("python", "ruby", "elixir")
# Languages whose methods are declared without a keyword, as ``name(params) {``. Elsewhere that
# shape is a call with a trailing block: Kotlin's HttpClient(CIO) { ... }, Go's if ok(x) { ... }.
_KEYWORDLESS_METHODS = frozenset({"javascript", "typescript", "java", "csharp"})


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """A name reduced for matching across styles: _baseUrl, BASE_URL and base-url all agree."""
    return _NOT_ALNUM.sub("", name.lower())


@dataclass
class Binding:
    name: str  # normalised
    written: str  # as written
    target: int  # token index of the bound name (or key string)
    value: int  # token index where the value expression starts
    container: str = ""  # normalised name of the table, enum or class it sits in
    member: bool = False  # a field, property or table entry rather than a local variable
    element: bool = False  # an element of a list literal, bound to itself


@dataclass
class Declaration:
    kind: str  # "function" or "class"
    name: str  # as written
    token: int
    body: tuple[int, int]  # token range of the body (inclusive)
    bases: tuple[str, ...] = ()  # declared superclasses / implemented interfaces (classes)


@dataclass
class Symbols:
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    declarations: list[Declaration] = field(default_factory=list)
    imports: list[tuple[str, str]] = field(default_factory=list)  # (local name or "", module stem)
    containers: dict[int, str] = field(default_factory=dict)  # opener index -> normalised name
    _indexes: dict[str, "_Intervals"] = field(default_factory=dict, repr=False)
    _literals: dict[int, str] = field(default_factory=dict, repr=False)  # opener -> _literal_name

    def add(self, binding: Binding) -> None:
        if binding.name:
            self.bindings.setdefault(binding.name, []).append(binding)

    def enclosing(self, i: int, kind: str) -> Declaration | None:
        """The innermost ``kind`` declaration whose body holds token ``i``, in log time."""
        index = self._indexes.get(kind)
        if index is None:
            index = self._indexes[kind] = _Intervals([d for d in self.declarations if d.kind == kind])
        return index.find(i)


class _Intervals:
    """Declaration bodies sorted by start, each linked to the body that encloses it."""

    def __init__(self, decls: list[Declaration]) -> None:
        self.decls = sorted(decls, key=lambda d: (d.body[0], -d.body[1]))
        self.starts = [d.body[0] for d in self.decls]
        self.parent = [-1] * len(self.decls)
        stack: list[int] = []
        for k, decl in enumerate(self.decls):
            while stack and self.decls[stack[-1]].body[1] < decl.body[0]:
                stack.pop()
            self.parent[k] = stack[-1] if stack else -1
            stack.append(k)

    def find(self, i: int) -> Declaration | None:
        node = bisect.bisect_right(self.starts, i) - 1
        while node >= 0 and self.decls[node].body[1] < i:
            node = self.parent[node]
        return self.decls[node] if node >= 0 else None


def collect(code: Code) -> Symbols:
    symbols = Symbols()
    words = _where(code.values, _DECLARE_WORDS | _IMPORT_WORDS)  # one pass over the values for both
    _declarations(code, symbols, _declaration_candidates(code, words))
    _bindings(code, symbols, _binding_candidates(code))
    _imports(code, symbols, words)
    if code.language == "ruby":
        _ruby_constants(code, symbols)
    return symbols


# -- candidates: the only tokens the passes below can act on --------------------------------------
# Both passes give the same result visiting every token (tests/properties/test_symbols_fast_path.py);
# a candidate is a token that passes the first tests its pass would make. They are found in C from
# ``kinds`` and ``ops``, whose few distinct strings stay in the CPU cache: a scan of every token's
# value (each a string object of its own) took about five times as long on the bench tree, so
# only the declaring and import words are looked for that way, in one scan.
_DECLARE_WORDS = frozenset(_DECLARE)
_BINDING_OPS = frozenset({"=", ":=", "+=", ".=", ":", "=>"})
_NOT_A_BODY = frozenset({";", "=", ",", ")", "(", "}"})  # after name(params): no body follows
_BEFORE_ELEMENT = frozenset({"[", "(", "{", ","})
_AFTER_ELEMENT = frozenset({",", "]", ")", "}"})


def _where(items: list[str], wanted: frozenset[str]) -> list[int]:
    """Indexes of the items in ``wanted``, in order, found in C (compress/map, no Python loop)."""
    return list(compress(range(len(items)), map(wanted.__contains__, items)))


def _declaration_candidates(code: Code, words: list[int]) -> list[int]:
    """Declaring words (among ``words``), and names before a "(" token (only a bracket token has a
    partner). The "(" tokens are remembered by ``code``: detection visits them too."""
    values, kinds = code.values, code.kinds
    found = {i for i in words if values[i] in _DECLARE_WORDS and kinds[i] == "name"}
    if code.language in _KEYWORDLESS_METHODS:  # name(params) { ... } declares nothing elsewhere
        # most are calls ended at once: f(x); f(x), g(f(x)) - half the names before "("
        partner, last = code.partner, len(values) - 1
        found.update(p - 1 for p in code.call_openers() if p and kinds[p - 1] == "name"
                     and 0 <= partner[p] < last and values[partner[p] + 1] not in _NOT_A_BODY)
    return sorted(found)


def _binding_candidates(code: Code) -> list[int]:
    """Binding operators; strings between a bracket or comma and a comma or bracket (list
    elements); names in ``return "x"`` and ``name("x"`` (define, @Value, enum entries); Elixir
    @attributes."""
    values, kinds = code.values, code.kinds
    last = len(values) - 1
    strings = list(indexes_of(kinds, "str"))
    found = _where(code.ops, _BINDING_OPS)
    found += [i for i in strings
              if 0 < i < last and values[i - 1] in _BEFORE_ELEMENT and values[i + 1] in _AFTER_ELEMENT]
    names = {i - 1 for i in strings if i and values[i - 1] == "return" and kinds[i - 1] == "name"}
    names.update(i - 2 for i in strings if i > 1 and values[i - 1] == "(" and kinds[i - 2] == "name")
    if code.language == "elixir":
        names.update(i for i, value in enumerate(values) if value[:1] == "@" and kinds[i] == "name")
    return sorted(found + list(names))


# -- declarations -------------------------------------------------------------------------------
def _declarations(code: Code, symbols: Symbols, visit: Iterable[int]) -> None:
    _find_declarations(code, symbols, visit)
    seen: set[int] = set()
    unique = []
    for decl in symbols.declarations:
        if decl.token not in seen:
            seen.add(decl.token)
            unique.append(decl)
    symbols.declarations[:] = unique


def _find_declarations(code: Code, symbols: Symbols, visit: Iterable[int]) -> None:
    values, kinds, ops, partner = code.values, code.kinds, code.ops, code.partner
    declarations = symbols.declarations
    n = len(values)
    # where an indented body ends is looked for line by line, not token by token
    lines = list(compress(range(n), code.newline_before)) if code.language in _INDENTED else []
    for i in visit:
        if kinds[i] != "name":
            continue
        word = values[i]
        kind = _DECLARE.get(word)
        if kind is None and (i + 1 == n or values[i + 1] != "("):
            continue  # neither a declaring word nor name(...): the common case, decided early
        if kind is not None and (kind != "class" or word not in ("type", "object", "module")
                                 or _declares_type(code, i)):
            name_at = _declared_name(code, i)
            if name_at is None:
                continue
            declarations.append(Declaration(
                kind, values[name_at], name_at, _body(code, i, name_at, lines),
                _bases(code, name_at) if kind == "class" else ()))
        elif i + 1 < n and values[i + 1] == "(" and word not in _KEYWORDS \
                and code.language in _KEYWORDLESS_METHODS and not (declarations and declarations[-1].token == i):
            close = partner[i + 1]
            if close < 0:
                continue
            after = close + 1
            # name(params) {   name(params): Type {   name(params) throws X {   name(params) => x
            for k in range(after, min(after + 8, n)):
                value = values[k]
                if value == "{" and partner[k] > k:
                    if i and (values[i - 1] in (".", "new") or ops[i - 1] in ("?.", "->", "::")):
                        break  # a call on something, not a declaration
                    declarations.append(Declaration("function", word, i, (k, partner[k])))
                    break
                if value in _NOT_A_BODY or ops[k] == "=>" and k != after:
                    break


def _declares_type(code: Code, i: int) -> bool:
    """``type X struct`` (Go), ``object X`` (Kotlin), ``module X`` (Ruby) - not a plain word."""
    return (i == 0 or code.newline_before[i] or code.value(i - 1) in (";", "{", "}") or
            code.kind(i - 1) == "name") and code.kind(i + 1) == "name"


def _declared_name(code: Code, i: int) -> int | None:
    j = i + 1
    if code.value(j) == "(" and code.partner[j] > j:  # Go method receiver: func (c *Client) Name(
        j = code.partner[j] + 1
    if code.kind(j) != "name":
        return None
    # dotted names: def self.call, defmodule My.Client, fun String.ext(
    while code.value(j + 1) == "." and code.kind(j + 2) == "name":
        j += 2
    return j


def _body(code: Code, keyword: int, name_at: int, lines: list[int]) -> tuple[int, int]:
    """``lines``: the tokens that start a line, in indented languages."""
    values, partner, ops = code.values, code.partner, code.ops
    n = len(values)
    if code.language in _INDENTED:
        # from the line after the name to the first line indented no deeper than the keyword
        indent = _indent(code, keyword)
        line = bisect.bisect_right(lines, name_at)
        start = min(lines[line] if line < len(lines) else n, n - 1)
        if code.language == "elixir":
            start = _elixir_do(code, name_at, start)
        while line < len(lines) and _indent(code, lines[line]) > indent:
            line += 1
        k = lines[line] if line < len(lines) else n
        return start, max(start, min(k - 1, n - 1))
    k = name_at + 1
    for j in range(k, min(k + 40, n)):  # skip generics and parameters: function f<T>(a, opts = {}) {
        value = values[j]
        if value == "(" and partner[j] > j:
            k = partner[j] + 1
            break
        if value in ("{", ";", "=") and ops[j] != "=>":
            break
    expression_body = values[keyword] == "fun"  # Kotlin: fun path(id: Int) = "invoices/$id"
    for j in range(k, min(k + 60, n)):
        value = values[j]
        if value == "{" and partner[j] > j:
            return j, partner[j]
        if value == ";":
            break
        if expression_body and ops[j] == "=" and j + 1 < n:
            return j + 1, code.statement_bounds(j + 1)[1]
    return name_at, name_at


def _elixir_do(code: Code, name_at: int, next_line: int) -> int:
    """Where the body of an Elixir function starts: at its ``do:`` when it is written on the line of
    its name (def get(path), do: request(:get, path)), else on the next line (``next_line``)."""
    values, ends, offsets = code.values, code.ends, code.offsets
    for k in range(name_at + 1, min(next_line, name_at + 60, code.n - 1)):
        if values[k] == "do" and values[k + 1] == ":" and ends[k] == offsets[k + 1] and code.kinds[k] == "name":
            return k
    return next_line


def _bases(code: Code, name_at: int) -> tuple[str, ...]:
    """Superclass names: class A(B), class A < B, class A extends B, class A : B, A implements B."""
    names: list[str] = []
    k = name_at + 1
    for _ in range(24):
        if k >= len(code.tokens) or code.value(k) in ("{", ";") or (code.newline_before[k] and k > name_at + 1
                                                                     and code.language in _INDENTED):
            break
        if code.kind(k) == "name" and code.value(k) not in ("extends", "implements", "public", "private", "do"):
            names.append(code.value(k))
        k += 1
    return tuple(names)


def _indent(code: Code, i: int) -> int:
    offset = code.tokens[i].offset
    line_start = code.text.rfind("\n", 0, offset) + 1
    return offset - line_start


# -- bindings -----------------------------------------------------------------------------------
def _bindings(code: Code, symbols: Symbols, visit: Iterable[int]) -> None:
    tokens, values, ops, kinds = code.tokens, code.values, code.ops, code.kinds
    for i in visit:
        kind = kinds[i]
        if kind == "punct":
            op = ops[i]
            if op in ("=", ":=", "+=", ".=") and (i == 0 or ops[i - 1] not in ("=", "!", "<", ">")):
                _assignment(code, symbols, i, len(op))
            elif op == ":" and values[i] == ":":
                _key_value(code, symbols, i, 1)
            elif op == "=>" and code.language not in ("javascript", "typescript"):
                _key_value(code, symbols, i, 2)
        elif kind == "str":
            _list_element(code, symbols, i)
        elif kind == "name":
            value = values[i]
            if value.startswith("@") and code.language == "elixir" and len(value) > 1:
                nxt = i + 1
                if nxt < len(tokens) and not code.newline_before[nxt] and code.value(nxt) not in ("=", "(", ".", "["):
                    symbols.add(Binding(norm(value), value, i, nxt, _container(code, symbols, i), True))
            elif value in ("define", "const") and code.value(i + 1) == "(" and code.kind(i + 2) == "str" \
                    and code.value(i + 3) == ",":
                symbols.add(Binding(norm(tokens[i + 2].value), tokens[i + 2].value, i + 2, i + 4, "", True))
            elif value == "return":
                _returned(code, symbols, i)
            elif value.lstrip("@") == "Value" and (value.startswith("@") or code.value(i - 1) == "@") \
                    and code.value(i + 1) == "(" \
                    and code.kind(i + 2) == "str" and code.language in ("java", "kotlin"):
                _annotated(code, symbols, i + 2)
            elif code.value(i + 1) == "(" and code.kind(i + 2) == "str" and _in_enum(code, i):
                symbols.add(Binding(norm(value), value, i, i + 2, _container(code, symbols, i), True))


_LOGICAL_ASSIGNMENT = frozenset({"||", "&&", "??"})


def logical_assignment_target(code: Code, i: int) -> int:
    """For the "=" at token ``i``: the token before it, or before the "||", "&&" or "??" it ends
    (``@conn ||= Faraday.new(...)``, ``client ??= create()``): a value bound if none is yet."""
    j = i - 1
    if j >= 1 and code.ops[j - 1] in _LOGICAL_ASSIGNMENT and code.ends[j] == code.offsets[i]:
        return j - 2
    return j


def _assignment(code: Code, symbols: Symbols, i: int, width: int) -> None:
    j = logical_assignment_target(code, i) if width == 1 else i - 1
    if j < 0:
        return
    values, kinds, newline_before = code.values, code.kinds, code.newline_before
    value_at = i + width
    is_name = kinds[j] == "name"
    if values[j] == "]" and code.partner[j] >= 0:
        opener = code.partner[j]
        if opener + 2 == j and kinds[opener + 1] == "str" and code.kind(opener - 1) == "name":
            key = values[opener + 1]  # TABLE["key"] = value
            symbols.add(Binding(norm(key), key, opener + 1, value_at, norm(values[opener - 1]), True))
            return
    if not is_name and values[j] not in ("]", ">"):
        return
    start = code.chain_start(j) if is_name else j
    names = code.chain_names(start, j) if is_name else ()
    target = j
    if start > 1 and values[start - 1] == ":" and kinds[start - 2] == "name" and not newline_before[start]:
        target = start - 2  # NAME: Type = value
    elif not is_name:
        if values[j] == "]":  # Python ``NAME: dict[str, str] = {...}``
            k = code.chain_start(j)
            if k > 1 and values[k - 1] == ":" and kinds[k - 2] == "name" and not newline_before[k]:
                target = k - 2
            else:
                return
        else:
            return
    elif len(names) == 1 and names[0] in _TYPE_WORDS and code.kind(start - 1) == "name" \
            and not code.newline_before[start] and code.value(start - 1) not in ("var", "const", "let", "val"):
        target = start - 1  # Go: var baseURL string = ...
    written = values[target]
    if written in _KEYWORDS or not written:
        return
    qualified = (len(names) > 1 and names[0].lstrip("$") in SELF_NAMES) or \
        (written.startswith("@") and code.language == "ruby")
    cls = symbols.enclosing(target, "class")  # looked up once for both questions
    container = _table(code, symbols, target) or _class_name(cls)
    member = qualified or _at_class_level(code, symbols, target, cls)
    if len(names) > 1 and not qualified:
        container = norm(names[-2])  # Config.BASE = ..., ENDPOINTS.invoices = ...
    symbols.add(Binding(norm(written), written, target, value_at, container, member))


def _key_value(code: Code, symbols: Symbols, i: int, width: int) -> None:
    j = i - 1
    values, kinds = code.values, code.kinds
    if j < 0 or kinds[j] not in ("name", "str"):
        return
    after = i + width
    if code.kind(after) == "punct" and values[after] == ":":
        return  # ``a ::b``
    before = j - 1
    opener = code.parent[j]
    allowed = before < 0 or values[before] in ("{", ",", "(", "[", "%") or code.newline_before[j]
    if code.ops[i] == "=>" and code.language == "csharp" and code.kind(before) == "name":
        allowed = True  # string Resource => "invoices";
    key = values[j]
    if key == "do" and allowed and code.language == "elixir":
        # before the keyword test below, which "do" is: def base, do: expr binds base
        _elixir_def(code, symbols, j, i + width)
        return
    if not allowed or key in _KEYWORDS:
        return
    if width == 1 and code.kind(after) == "name" and code.value(code.chain_end(after) + 1) == "=":
        return  # a type annotation: NAME: Type = value
    member = opener >= 0 and values[opener] in ("{", "[", "(")
    container = _container(code, symbols, j)
    if code.language == "elixir" and not container:
        container = _elixir_config_section(code, j)
    symbols.add(Binding(norm(key), key, j, i + width, container, member))


def _elixir_def(code: Code, symbols: Symbols, do: int, value: int) -> None:
    """def api_url, do: expr / defp base(), do: expr: the function's name is bound to expr."""
    k = do - 1
    for _ in range(12):
        if k < 1:
            return
        if code.value(k - 1) in ("def", "defp") and code.kind(k) == "name":
            symbols.add(Binding(norm(code.value(k)), code.value(k), k, value, "", True))
            return
        if code.value(k) == ")" and code.partner[k] >= 0:
            k = code.partner[k]
        k -= 1


def _elixir_config_section(code: Code, key: int) -> str:
    """config :app, :fortnox, api_url: "..." - the key belongs to the :fortnox section."""
    values = code.values
    for k in range(key - 1, max(-1, key - 30), -1):
        value = values[k]
        if value in ("do", "end"):
            return ""
        if value == "config" and (k == 0 or code.newline_before[k]):
            atoms = [code.value(j + 1) for j in range(k, key) if code.value(j) == ":" and code.kind(j + 1) == "name"
                     and code.tokens[j].end == code.tokens[j + 1].offset]
            return norm(atoms[-1]) if len(atoms) >= 2 else ""
    return ""


def _returned(code: Code, symbols: Symbols, i: int) -> None:
    """``return "invoices"`` as the first statement of a function binds the function's name."""
    decl = symbols.enclosing(i, "function")
    if decl is None or code.kind(i + 1) != "str":
        return
    first = decl.body[0] + (1 if code.value(decl.body[0]) in ("{", ":") else 0)
    if i > first + 1:
        return
    cls = symbols.enclosing(i, "class")
    symbols.add(Binding(norm(decl.name), decl.name, decl.token, i + 1, norm(cls.name) if cls else "", True))


def _list_element(code: Code, symbols: Symbols, i: int) -> None:
    """RESOURCES = ["invoices", "orders"]: each string is an entry of the RESOURCES table."""
    values = code.values
    opener = code.parent[i]
    if opener < 0:
        return
    bracket = values[opener]
    if bracket not in ("[", "(", "{") or code.partner[opener] < 0:
        return
    # opener < i < its partner: i - 1 and i + 1 are tokens
    if values[i - 1] not in _BEFORE_ELEMENT or values[i + 1] not in _AFTER_ELEMENT:
        return
    if bracket == "(" and code.call_at(opener) is not None:
        return  # an argument, not a list element (call_at remembers: detection asks about every call)
    if bracket == "[" and opener > 0 and (code.kinds[opener - 1] in ("name", "str") or values[opener - 1] in (")", "]")):
        return  # an index: row["EmployeeId"]
    name = _literal_name(code, symbols, opener)
    if not name:
        return
    value = values[i]
    symbols.add(Binding(norm(value), value, i, i, name, True, element=True))


def _annotated(code: Code, symbols: Symbols, key: int) -> None:
    """@Value("${fortnox.base-url}") String baseUrl: the name is bound to the configuration key."""
    k = key + 2
    last = -1
    while k < len(code.tokens) and k < key + 12 and code.value(k) not in (",", ")", ";", "=", "{"):
        if code.kind(k) == "name" and code.value(k) not in ("val", "var", "private", "final", "lateinit"):
            last = k
            if code.language == "kotlin":
                break  # Kotlin: name: Type - the name comes first
        k += 1
    if last >= 0:
        symbols.add(Binding(norm(code.value(last)), code.value(last), last, key, "", True))


def _in_enum(code: Code, i: int) -> bool:
    values = code.values
    opener = code.parent[i]
    if opener < 0 or values[opener] != "{":
        return False
    if not (values[i - 1] in ("{", ",") or code.newline_before[i]):  # i - 1 >= opener: a token
        return False
    # A Kotlin enum's primary constructor, however long, is one step back:
    # enum class Lookup(val path: String, val key: String) {
    k, steps = opener - 1, 0
    while k >= 0 and steps < 12:
        value = values[k]
        if value == "enum":
            return True
        if value in (";", "}", "{"):
            return False
        k = code.partner[k] - 1 if value == ")" and 0 <= code.partner[k] < k else k - 1
        steps += 1
    return False


def _container(code: Code, symbols: Symbols, i: int) -> str:
    """The table, enum or class a binding sits in, normalised; "" at top level."""
    return _table(code, symbols, i) or _class_name(symbols.enclosing(i, "class"))


def _table(code: Code, symbols: Symbols, i: int) -> str:
    """The name of the bracketed literal (table, enum) that directly holds token ``i``, or ""."""
    opener = code.parent[i]
    if opener >= 0:
        name = _literal_name(code, symbols, opener)
        if name:
            symbols.containers[opener] = name
            return name
    return ""


def _class_name(cls: Declaration | None) -> str:
    return norm(cls.name) if cls else ""


def _literal_name(code: Code, symbols: Symbols, opener: int) -> str:
    """The name a bracketed literal is bound to: NAME = {...}, NAME: {...}, enum NAME {...}.
    Remembered per opener: every element of a list and every binding in a table asks."""
    name = symbols._literals.get(opener)
    if name is None:
        name = symbols._literals[opener] = _find_literal_name(code, opener)
    return name


def _find_literal_name(code: Code, opener: int) -> str:
    values, kinds, ops, partner = code.values, code.kinds, code.ops, code.partner
    k = opener - 1
    if code.language == "elixir":
        attribute = k - 1 if values[opener] == "{" and k >= 0 and values[k] == "%" else k
        if attribute >= 0 and kinds[attribute] == "name" and values[attribute][:1] == "@" \
                and len(values[attribute]) > 1:
            return norm(values[attribute])  # @resources [articles: ...], @paths %{...}: a module attribute
    for _ in range(16):  # skip types and calls between name and literal: map[string]string{, dict(
        if k < 0:
            return ""
        value = values[k]
        if value in ("=", ":", "=>", ":=") or ops[k] in ("=>", ":="):
            # j may pass the first token: value(j) and kind(j) are "" there, hence the j > 0 tests
            j = k - 1
            if j >= 0 and values[j] in (">", "="):
                j -= 1
            while j >= 0 and kinds[j] == "name" and values[j] in _TYPE_WORDS:
                j -= 1
            if j > 0 and kinds[j] == "punct" and values[j] == ":" and kinds[j - 1] == "name":
                j -= 1
            if j >= 0 and kinds[j] in ("name", "str"):
                if kinds[j] == "name" and j > 0 and kinds[j - 1] == "name" and values[j - 1] not in _TYPE_WORDS \
                        and code.language == "go":
                    j -= 1
                return norm(values[j])
            return ""
        if k and kinds[k] == "name" and kinds[k - 1] == "name" and values[k - 1] in (
                "enum", "class", "object", "interface", "struct", "module"):
            return norm(value)
        if value in (";", "{", "}", ","):
            return ""
        if partner[k] >= 0 and value in (")", "]", ">"):
            k = partner[k] - 1
            continue
        k -= 1
    return ""


def _at_class_level(code: Code, symbols: Symbols, i: int, cls: Declaration | None) -> bool:
    """Whether token ``i`` (in class ``cls``, its innermost) sits at the class's level."""
    if cls is None:
        return False
    fn = symbols.enclosing(i, "function")
    if fn is not None and fn.body[0] > cls.body[0]:
        # inside a method: only ``self.x = ...`` style assignments count, handled by the caller;
        # but C#/Java constructors set properties by bare name (Resource = "invoices")
        return code.language in ("csharp", "java", "kotlin") and code.value(i)[:1].isupper()
    return True


# -- imports ------------------------------------------------------------------------------------
_IMPORT_WORDS = frozenset({"import", "require", "require_relative", "require_once", "include", "include_once",
                           "from", "using", "use", "alias"})  # every word _imports acts on
def _imports(code: Code, symbols: Symbols, words: Iterable[int]) -> None:
    """``words``: indexes of tokens that include every import word (nothing else can import)."""
    tokens, values = code.tokens, code.values
    language = code.language
    for i in [k for k in words if values[k] in _IMPORT_WORDS]:
        tok = tokens[i]
        if tok.kind != "name" or not (i == 0 or code.newline_before[i] or code.value(i - 1) in (";", "{", "}")
                                      or tok.value in ("require", "require_relative", "from")):
            continue
        value = tok.value
        if language in ("javascript", "typescript") and value == "import":
            _js_import(code, symbols, i)
        elif value in ("require", "require_relative", "require_once", "include", "include_once"):
            k = i + 1 + (code.value(i + 1) == "(")
            if code.kind(k) == "str":
                target = _require_target(code, i)
                symbols.imports.append((target, module_stem(tokens[k].value)))
        elif language == "python" and value in ("from", "import"):
            _python_import(code, symbols, i)
        elif value in ("import", "using", "use", "alias") and language in (
                "go", "csharp", "java", "kotlin", "php", "elixir"):
            _qualified_import(code, symbols, i)


def _ruby_constants(code: Code, symbols: Symbols) -> None:
    """Rails loads ``Fortnox::Api`` from ``fortnox/api.rb`` when code names it, with no require:
    each namespaced constant is an import of the file its last part names."""
    values, kinds = code.values, code.kinds
    last = len(values) - 2
    for k in _where(code.ops, frozenset({"::"})):
        if 0 < k < last and kinds[k - 1] == "name" and kinds[k + 2] == "name" and values[k - 1][:1].isupper() \
                and values[k + 2][:1].isupper():
            symbols.imports.append((values[k + 2], norm(values[k + 2])))


def _js_import(code: Code, symbols: Symbols, i: int) -> None:
    names: list[str] = []
    k = i + 1
    while k < len(code.tokens) and k < i + 80:
        tok = code.tokens[k]
        if tok.kind == "str":
            stem = module_stem(tok.value)
            symbols.imports.extend((name, stem) for name in names or [""])
            return
        if tok.kind == "name" and tok.value not in ("from", "as", "type", "import"):
            if code.value(k + 1) != "as":
                names.append(tok.value)
        if code.value(k) == ";" or (code.newline_before[k] and tok.kind == "name" and tok.value == "import"):
            return
        k += 1


def _python_import(code: Code, symbols: Symbols, i: int) -> None:
    k = i + 1
    module: list[str] = []
    while code.kind(k) == "name" or code.value(k) == ".":
        if code.kind(k) == "name":
            if code.value(k) == "import" and code.value(i) == "from":
                break
            module.append(code.value(k))
        k += 1
        if k < len(code.tokens) and code.newline_before[k]:
            break
    stem = module_stem(".".join(module))
    if code.value(i) == "import":
        symbols.imports.append((module[-1] if module else "", stem))
        return
    names: list[str] = []
    k += 1
    while k < len(code.tokens) and (not code.newline_before[k] or code.parent[k] >= 0):
        if code.kind(k) == "name" and code.value(k) != "as" and code.value(k + 1) != "as":
            names.append(code.value(k))
        k += 1
    symbols.imports.extend((name, stem) for name in names or [""])
    for name in names:  # ``from pkg import fortnox`` imports a module too
        symbols.imports.append(("", norm(name)))


def _qualified_import(code: Code, symbols: Symbols, i: int) -> None:
    k = i + 1
    if code.language == "go" and code.value(k) == "(" and code.partner[k] > k:
        for j in range(k + 1, code.partner[k]):
            if code.kind(j) == "str":
                alias = code.value(j - 1) if code.kind(j - 1) == "name" else ""
                path = code.tokens[j].value
                symbols.imports.append((alias or path.rsplit("/", 1)[-1], module_stem(path)))
        return
    parts: list[str] = []
    while k < len(code.tokens) and not code.newline_before[k] and code.value(k) not in (";", "{"):
        tok = code.tokens[k]
        if tok.kind == "str":
            parts.append(tok.value)
        elif tok.kind == "name" and tok.value not in ("static", "function", "const", "as"):
            parts.append(tok.value)
        k += 1
    if parts:
        last = parts[-1]
        symbols.imports.append((last.rsplit("/", 1)[-1], module_stem(last)))
        if len(parts) > 1:
            symbols.imports.append(("", norm(parts[-2].rsplit("/", 1)[-1])))


def _require_target(code: Code, i: int) -> str:
    if i >= 2 and code.value(i - 1) == "=" and code.kind(i - 2) == "name":
        return code.value(i - 2)
    return ""


_SOURCE_SUFFIXES = frozenset({"js", "ts", "py", "rb", "php", "ex", "exs", "go", "mjs", "cjs", "tsx", "jsx"})


def module_stem(module: str) -> str:
    """The last segment of a module path without extension, normalised: './lib/fortnox.ts' -> 'fortnox'."""
    last = re.split(r"[/\\.:]+", module.strip().rstrip("/"))
    parts = [p for p in last if p]
    if not parts:
        return ""
    stem = parts[-1]
    if stem.lower() in _SOURCE_SUFFIXES and len(parts) > 1:
        stem = parts[-2]
    return norm(stem)
