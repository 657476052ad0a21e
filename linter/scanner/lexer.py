"""A small multi-language lexer: string literals, names and punctuation, with comments removed.

It is not a parser. It knows, per language, how comments and string literals are written, so that
a URL inside a comment is ignored and a URL inside a string is found at its exact line and column.
Interpolated parts of strings (f-strings, template literals, ``#{}``, ``$var``, ``{$x}``) become
the placeholder ``{}`` in the token's value: a run-time value.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

PLACEHOLDER = "{}"


class Token(NamedTuple):
    # A tuple, not a dataclass: a file has thousands of tokens, and a tuple made by tuple.__new__
    # costs a third of an object with a __dict__ (which the cyclic collector must also track).
    kind: str  # "str", "name", "punct", "num"
    value: str
    offset: int
    end: int
    interpolated: bool = False
    # the source text of each interpolation, in order (``BASE`` for f"{BASE}/x"): lets the
    # scanner resolve ``{}`` placeholders to the names they stand for
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class LanguageSpec:
    name: str
    line_comments: tuple[str, ...] = ()
    block_comments: tuple[tuple[str, str], ...] = ()
    # quote -> interpolation style: None, "brace" ({x}), "dollar-brace" (${x}), "hash" (#{x}),
    # "dollar" ($x and {$x} / ${x} as PHP and Kotlin write them)
    quotes: dict[str, str | None] = field(default_factory=dict)
    raw_quotes: tuple[str, ...] = ()  # quotes whose content has no escapes (Go backticks)
    string_prefixes: str = ""  # letters that may prefix a string (Python r/f/b, C# @/$)
    regex_literals: bool = False  # JavaScript-style /re/ literals
    line_start_block: tuple[str, str] | None = None  # Ruby =begin/=end
    heredoc: str | None = None  # "ruby" (<<~ID) or "php" (<<<ID)
    percent_literals: bool = False  # Ruby %q(...), %Q[...], %(...), %w[...]
    sigils: bool = False  # Elixir ~s(...), ~S"...", ~w[...]


PY = LanguageSpec("python", ("#",), (), {'"""': None, "'''": None, '"': None, "'": None},
                  string_prefixes="rRbBuUfF")
JS = LanguageSpec("javascript", ("//",), (("/*", "*/"),),
                  {'"': None, "'": None, "`": "dollar-brace"}, regex_literals=True)
TS = LanguageSpec("typescript", JS.line_comments, JS.block_comments, JS.quotes, regex_literals=True)
PHP = LanguageSpec("php", ("//", "#"), (("/*", "*/"),), {'"': "dollar", "'": None}, heredoc="php")
CS = LanguageSpec("csharp", ("//",), (("/*", "*/"),), {'"""': None, '"': None, "'": None},
                  string_prefixes="@$")
JAVA = LanguageSpec("java", ("//",), (("/*", "*/"),), {'"""': None, '"': None, "'": None})
KOTLIN = LanguageSpec("kotlin", ("//",), (("/*", "*/"),),
                      {'"""': "dollar", '"': "dollar", "'": None})
GO = LanguageSpec("go", ("//",), (("/*", "*/"),), {'"': None, "'": None, "`": None},
                  raw_quotes=("`",))
RUBY = LanguageSpec("ruby", ("#",), (), {'"': "hash", "'": None, "`": "hash"},
                    line_start_block=("=begin", "=end"), heredoc="ruby", percent_literals=True)
ELIXIR = LanguageSpec("elixir", ("#",), (), {'"""': "hash", "'''": "hash", '"': "hash", "'": "hash"},
                      sigils=True)

LANGUAGES: dict[str, LanguageSpec] = {
    spec.name: spec for spec in (PY, JS, TS, PHP, CS, JAVA, KOTLIN, GO, RUBY, ELIXIR)
}

EXTENSIONS: dict[str, str] = {
    ".py": "python", ".pyw": "python",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".tsx": "typescript", ".mts": "typescript", ".cts": "typescript",
    ".php": "php", ".cs": "csharp", ".java": "java", ".kt": "kotlin", ".kts": "kotlin",
    ".go": "go", ".rb": "ruby", ".rake": "ruby", ".ex": "elixir", ".exs": "elixir",
}

_NAME = re.compile(r"[A-Za-z_$@][A-Za-z0-9_$]*")
_NUMBER = re.compile(r"[0-9][0-9A-Za-z_.]*")
_NAME_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$@")  # _NAME's first character
_DIGITS = frozenset("0123456789")
_SPACE = re.compile(r"\s+")
_BLANKS = frozenset(" \t\n\r")  # the usual whitespace (any other is left to the whitespace step)
# "$name", "$obj->prop", "$arr[key]" in PHP/Kotlin strings. The key is short (PHP allows a name
# or number there); bounding it keeps a line of unclosed "$a[" from being rescanned to its end.
_DOLLAR_VAR = re.compile(r"\$[A-Za-z_][A-Za-z0-9_]*(?:->[A-Za-z_][A-Za-z0-9_]*|\[[^\]\n]{0,64}\])?")
_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}
_REGEX_KEYWORDS = {"return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void"}


class LineIndex:
    """Turns offsets into 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


_new = tuple.__new__  # Token's own __new__ is a Python function: skipped for speed


def _token(kind: str, value: str, offset: int, end: int, interpolated: bool = False,
           parts: tuple[str, ...] = ()) -> Token:
    return _new(Token, (kind, value, offset, end, interpolated, parts))


def tokenize(text: str, spec: LanguageSpec) -> list[Token]:
    return _Lexer(text, spec).run()


_RUBY_HEREDOC = re.compile(r"<<([~-]?)(['\"`]?)([A-Za-z_][A-Za-z0-9_]*)\2")
_PHP_HEREDOC = re.compile(r"<<<[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1[ \t]*\r?\n")
_PERCENT = re.compile(r"%([qQwWiIr]?)([^\sA-Za-z0-9])")
_SIGIL = re.compile(r"~([A-Za-z][A-Z]*)(\"\"\"|\'\'\'|[/|\"\'(\[{<])")
_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_OPERAND_END = {")", "]", "}"}


class _Lexer:
    def __init__(self, text: str, spec: LanguageSpec) -> None:
        self.text = text
        self.spec = spec
        self.tokens: list[Token] = []
        # longest quote first so that """ wins over "
        self.quotes = sorted(spec.quotes, key=len, reverse=True)
        self.line_comments = spec.line_comments
        self.block_comments = spec.block_comments
        # Ruby heredoc bodies start on the line after their opener: (newline offset, body end)
        self.heredoc_skip: tuple[int, int] | None = None
        # After a "/" failed to start a regex literal (no closing "/" before the line's end), no
        # other "/" before that point is tried: retrying each one would be quadratic on a long line.
        self.no_regex_before = -1
        # Characters that may start a comment or a string: any other character goes straight to
        # the name / number / punctuation checks.
        self.special = _special_starts(spec)
        # the first characters of the language's comments: at any other, _comment finds none
        self.comment_starts = frozenset(marker[0] for marker in [
            *spec.line_comments, *(start for start, _ in spec.block_comments), *(spec.line_start_block or ())[:1]])
        self.plain_names, self.plain_puncts = _plain_starts(spec, self.special)
        self.name_and_space = _name_and_space(spec)

    def run(self) -> list[Token]:
        text, n, i = self.text, len(self.text), 0
        tokens, special, name_end, number_end = self.tokens, self.special, _NAME.match, _NUMBER.match
        comment_starts = self.comment_starts
        append, new, token_class, name_and_space = tokens.append, _new, Token, self.name_and_space.match
        # Most characters start a name or are punctuation that can start nothing else: they are
        # tested first, and their tokens made inline (a call per token was a sixth of the time).
        names, puncts = self.plain_names, self.plain_puncts
        heredocs = self.spec.heredoc == "ruby"  # only Ruby heredocs leave a body to skip
        blanks, space_end = _BLANKS, _SPACE.match
        while i < n:
            if heredocs and self.heredoc_skip is not None and i > self.heredoc_skip[0]:
                i = max(i, self.heredoc_skip[1])
                self.heredoc_skip = None
                continue
            ch = text[i]
            if ch in names and (match := name_and_space(text, i)) is not None:
                # the whitespace after the name too: the step that would come next
                value = match[1]
                end = i + len(value)
                append(new(token_class, ("name", value, i, end, False, ())))
                i = match.end()
                continue
            if ch in puncts:
                append(new(token_class, ("punct", ch, i, i + 1, False, ())))
                i += 1
                # half of them are followed by whitespace: skipped here, not by another turn
                if i < n and text[i] in blanks:
                    i = space_end(text, i).end()  # type: ignore[union-attr]  # text[i] is a blank
                continue
            if ch.isspace():
                i = _SPACE.match(text, i).end()  # type: ignore[union-attr]  # text[i] is a space
                continue
            if ch in special:
                skipped = self._comment(i) if ch in comment_starts else None
                if skipped is not None:
                    i = skipped
                    continue
                string_end = self._string(i)
                if string_end is None and ch in "<%~":
                    string_end = self._special_string(i)
                if string_end is not None:
                    i = string_end
                    continue
            if self.spec.regex_literals and ch == "/" and i >= self.no_regex_before and self._regex_allowed():
                regex_end = self._regex_end(i)
                if regex_end is not None:
                    i = regex_end
                    continue
            if ch in _NAME_START:
                end = name_end(text, i).end()  # type: ignore[union-attr]  # ch starts a name
                append(_token("name", text[i:end], i, end))
                i = end
            elif ch in _DIGITS:
                end = number_end(text, i).end()  # type: ignore[union-attr]  # ch is a digit
                append(_token("num", text[i:end], i, end))
                i = end
            else:
                append(_token("punct", ch, i, i + 1))
                i += 1
        return tokens

    # -- comments ------------------------------------------------------------------------------
    def _comment(self, i: int) -> int | None:
        text = self.text
        for marker in self.line_comments:
            if text.startswith(marker, i):
                if marker == "#" and self.spec.name == "php" and text.startswith("#[", i):
                    return None  # a PHP 8 attribute, not a comment
                end = text.find("\n", i)
                return len(text) if end < 0 else end
        for start, stop in self.block_comments:
            if text.startswith(start, i):
                end = text.find(stop, i + len(start))
                return len(text) if end < 0 else end + len(stop)
        block = self.spec.line_start_block
        if block and text.startswith(block[0], i) and (i == 0 or text[i - 1] == "\n"):
            end = text.find("\n" + block[1], i)
            if end < 0:
                return len(text)
            after = text.find("\n", end + 1)
            return len(text) if after < 0 else after
        return None

    # -- strings -------------------------------------------------------------------------------
    def _string(self, i: int) -> int | None:
        text = self.text
        start = i
        prefix = ""
        while i < len(text) and text[i] in self.spec.string_prefixes and len(prefix) < 3:
            prefix += text[i]
            i += 1
        if prefix and (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")):
            return None  # the letters belong to a longer name
        for quote in self.quotes:
            if text.startswith(quote, i):
                break
        else:
            return None
        if quote == "'" and self.spec.name in ("csharp", "java", "go", "kotlin") and not prefix:
            return self._char_literal(i)
        interp = self.spec.quotes[quote]
        raw = quote in self.spec.raw_quotes
        lowered = prefix.lower()
        if self.spec.name == "python":
            raw = "r" in lowered
            interp = "brace" if "f" in lowered else None
        elif self.spec.name == "csharp":
            raw = "@" in prefix or quote == '"""'
            interp = "brace" if "$" in prefix else None
        elif self.spec.name == "kotlin" and quote == '"""':
            raw = True  # Kotlin raw strings have no escapes, only $templates
        value, end, parts = self._read_string(i + len(quote), quote, raw, interp)
        self.tokens.append(_token("str", value, start, end, bool(parts), parts))
        return end

    def _char_literal(self, i: int) -> int:
        text = self.text
        j = i + 1
        if j < len(text) and text[j] == "\\":
            j += 2
        else:
            j += 1
        end = text.find("'", j)
        if end < 0 or end - i > 12:
            return i + 1
        self.tokens.append(_token("punct", "'", i, end + 1))
        return end + 1

    def _read_string(self, i: int, quote: str, raw: bool, interp: str | None,
                     closer: str | None = None) -> tuple[str, int, tuple[str, ...]]:
        """Read up to the closing ``quote``; ``closer`` set means balanced delimiters (``%q(..)``)."""
        text, n = self.text, len(self.text)
        out: list[str] = []
        parts: list[str] = []
        depth = 0
        single_line = len(quote) == 1 and quote not in ("`",) and closer is None \
            and self.spec.name not in ("ruby", "php", "elixir")
        plain = _plain_run(quote[0] + (closer or "") + ("" if raw else "\\") + ("\n" if single_line else "")
                           + _INTERPOLATION_STARTS.get(interp or "", ""))
        while i < n:
            run = plain.match(text, i)
            if run is not None:  # a stretch of ordinary characters, copied at once
                out.append(run.group())
                i = run.end()
                if i >= n:
                    break
            ch = text[i]
            if closer is not None:
                if ch == quote:
                    depth += 1
                elif ch == closer:
                    if depth == 0:
                        return "".join(out), i + 1, tuple(parts)
                    depth -= 1
            elif text.startswith(quote, i):
                if raw and quote == '"' and self.spec.name == "csharp" and text.startswith('""', i):
                    out.append('"')  # "" is an escaped quote in a C# verbatim string
                    i += 2
                    continue
                return "".join(out), i + len(quote), tuple(parts)
            if ch == "\\" and not raw:
                if i + 1 < n:
                    out.append(_unescape(text[i + 1]))
                i += 2
                continue
            if ch == "\n" and single_line:
                return "".join(out), i, tuple(parts)  # unterminated: stop at the line end
            if interp:
                skip = self._interpolation(i, interp)
                if skip is not None:
                    i = self._add_interpolation(i, skip, out, parts)
                    continue
            out.append(ch)
            i += 1
        return "".join(out), n, tuple(parts)

    def _add_interpolation(self, i: int, skip: tuple[int, bool, int], out: list[str],
                           parts: list[str]) -> int:
        end, placeholder, inner = skip
        if placeholder:
            out.append(PLACEHOLDER)
            closing = 1 if self.text[end - 1] == "}" and inner < end else 0
            parts.append(self.text[inner:end - closing].strip())
        else:
            out.append(self.text[i])  # a doubled brace, literal
        return end

    def _read_range(self, i: int, stop: int, interp: str | None) -> tuple[str, tuple[str, ...]]:
        """The value of a heredoc body between ``i`` and ``stop`` (no closing quote to look for)."""
        out: list[str] = []
        parts: list[str] = []
        while i < stop:
            if interp:
                skip = self._interpolation(i, interp)
                if skip is not None:
                    i = min(self._add_interpolation(i, skip, out, parts), stop)
                    continue
            if self.text[i] == "\\" and i + 1 < stop:
                out.append(_unescape(self.text[i + 1]))
                i += 2
                continue
            out.append(self.text[i])
            i += 1
        return "".join(out), tuple(parts)

    def _interpolation(self, i: int, style: str) -> tuple[int, bool, int] | None:
        """(end offset, is-a-placeholder, start of the expression) for an interpolation at ``i``."""
        text = self.text
        if style == "brace" and text[i] == "{":
            if text.startswith("{{", i):
                return i + 2, False, i
            return self._balanced(i + 1), True, i + 1
        if style == "brace" and text.startswith("}}", i):
            return i + 2, False, i
        if style == "dollar-brace" and text.startswith("${", i):
            return self._balanced(i + 2), True, i + 2
        if style == "hash" and text.startswith("#{", i):
            return self._balanced(i + 2), True, i + 2
        if style == "dollar":
            if text.startswith("{$", i):
                return self._balanced(i + 1), True, i + 1
            if text.startswith("${", i):
                return self._balanced(i + 2), True, i + 2
            if text[i] == "$":
                match = _DOLLAR_VAR.match(text, i)
                if match:
                    return match.end(), True, i + (0 if self.spec.name == "php" else 1)
        return None

    def _balanced(self, i: int) -> int:
        """Offset just after the ``}`` closing an interpolation that opened before ``i``."""
        text, depth = self.text, 1
        while i < len(text):
            ch = text[i]
            if ch in "\"'`":
                end = text.find(ch, i + 1)
                i = len(text) if end < 0 else end + 1
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return len(text)

    # -- heredocs, percent literals, sigils ----------------------------------------------------
    def _special_string(self, i: int) -> int | None:
        spec = self.spec
        if spec.heredoc == "ruby" and self.text.startswith("<<", i):
            return self._ruby_heredoc(i)
        if spec.heredoc == "php" and self.text.startswith("<<<", i):
            return self._php_heredoc(i)
        if spec.percent_literals and self.text[i] == "%":
            return self._percent_literal(i)
        if spec.sigils and self.text[i] == "~":
            return self._sigil(i)
        return None

    def _after_operand(self) -> bool:
        """True when the previous token ends an operand, so ``%``/``<<`` are operators."""
        if not self.tokens:
            return False
        last = self.tokens[-1]
        return last.kind in ("name", "num", "str") or (last.kind == "punct" and last.value in _OPERAND_END)

    def _ruby_heredoc(self, i: int) -> int | None:
        text = self.text
        match = _RUBY_HEREDOC.match(text, i)
        if not match:
            return None
        flavour, quote, ident = match.groups()
        if not flavour and not quote and not (ident.isupper() and (i == 0 or text[i - 1].isspace()
                                                                   or text[i - 1] == "(")):
            return None  # ``a << b`` is an operator
        if self.heredoc_skip is not None:
            body_start = self.heredoc_skip[1]  # a second heredoc on the same line follows the first
            line_end = self.heredoc_skip[0]
        else:
            line_end = text.find("\n", match.end())
            if line_end < 0:
                return None
            body_start = line_end + 1
        terminator = re.compile(r"^[ \t]*" + re.escape(ident) + r"[ \t]*\r?$", re.M)
        found = terminator.search(text, body_start)
        body_end = found.start() if found else len(text)
        after = found.end() if found else len(text)
        value, parts = self._read_range(body_start, body_end, None if quote == "'" else "hash")
        self.tokens.append(_token("str", value, i, match.end(), bool(parts), parts))
        self.heredoc_skip = (line_end, after)
        return match.end()

    def _php_heredoc(self, i: int) -> int | None:
        text = self.text
        match = _PHP_HEREDOC.match(text, i)
        if not match:
            return None
        quote, ident = match.groups()
        terminator = re.compile(r"^[ \t]*" + re.escape(ident) + r"\b", re.M)
        found = terminator.search(text, match.end())
        body_end = found.start() if found else len(text)
        end = found.end() if found else len(text)
        value, parts = self._read_range(match.end(), body_end, None if quote == "'" else "dollar")
        self.tokens.append(_token("str", value.rstrip("\r\n"), i, end, bool(parts), parts))
        return end

    def _percent_literal(self, i: int) -> int | None:
        match = _PERCENT.match(self.text, i)
        if not match or self._after_operand():
            return None
        kind, opener = match.groups()
        if not kind and opener not in "([{<|!/^":
            return None
        closer = _CLOSERS.get(opener)
        interp = "hash" if kind in ("", "Q", "W", "I") else None
        if closer:
            value, end, parts = self._read_string(match.end(), opener, kind.islower(), interp, closer)
        else:
            value, end, parts = self._read_string(match.end(), opener, kind.islower(), interp)
        if kind == "r":
            self.tokens.append(_token("punct", "/re/", i, end))
        else:
            self.tokens.append(_token("str", value, i, end, bool(parts), parts))
        return end

    def _sigil(self, i: int) -> int | None:
        match = _SIGIL.match(self.text, i)
        if not match:
            return None
        letter, opener = match.groups()
        interp = "hash" if letter.islower() else None
        closer = _CLOSERS.get(opener)
        if closer:
            value, end, parts = self._read_string(match.end(), opener, interp is None, interp, closer)
        else:
            value, end, parts = self._read_string(match.end(), opener, interp is None, interp)
        while end < len(self.text) and self.text[end].isalpha():
            end += 1  # modifiers such as ~r/x/i or ~w[a b]a
        if letter in ("s", "S", "c", "C", "w", "W"):
            self.tokens.append(_token("str", value, i, end, bool(parts), parts))
        else:
            self.tokens.append(_token("punct", "~" + letter, i, end))
        return end

    # -- regular expression literals (JavaScript, TypeScript) ----------------------------------
    def _regex_allowed(self) -> bool:
        if not self.tokens:
            return True
        last = self.tokens[-1]
        if last.kind == "punct":
            return last.value in _REGEX_BEFORE and last.value not in (")", "]")
        return last.kind == "name" and last.value in _REGEX_KEYWORDS

    def _regex_end(self, i: int) -> int | None:
        text, j, in_class = self.text, i + 1, False
        while j < len(text):
            ch = text[j]
            if ch == "\n":
                self.no_regex_before = j
                return None
            if ch == "\\":
                j += 2
                continue
            if ch == "[":
                in_class = True
            elif ch == "]":
                in_class = False
            elif ch == "/" and not in_class:
                j += 1
                while j < len(text) and text[j].isalpha():
                    j += 1
                self.tokens.append(_token("punct", "/re/", i, j))
                return j
            j += 1
        self.no_regex_before = len(text)
        return None


# The characters at which each interpolation style may start or end an interpolation
_INTERPOLATION_STARTS = {"brace": "{}", "dollar-brace": "$", "hash": "#", "dollar": "{$"}
_PLAIN_RUNS: dict[str, re.Pattern] = {}


def _plain_run(stops: str) -> re.Pattern:
    """A pattern for a run of string content holding none of ``stops`` (compiled once per set)."""
    pattern = _PLAIN_RUNS.get(stops)
    if pattern is None:
        pattern = _PLAIN_RUNS[stops] = re.compile("[^" + "".join(re.escape(c) for c in sorted(set(stops))) + "]+")
    return pattern


def _special_starts(spec: LanguageSpec) -> frozenset[str]:
    """First characters of the language's comments, quotes, string prefixes and special strings."""
    markers = [*spec.line_comments, *(start for start, _ in spec.block_comments), *spec.quotes]
    if spec.line_start_block:
        markers.append(spec.line_start_block[0])
    return frozenset(m[0] for m in markers) | frozenset(spec.string_prefixes) | frozenset("<%~")


_ASCII_PUNCTUATION = frozenset(chr(c) for c in range(0x21, 0x7f)) - _NAME_START - _DIGITS - set("\\")


def _plain_starts(spec: LanguageSpec, special: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Characters at which ``run`` reads a name when ``_name_and_space`` matches there, and those it
    reads as a punctuation token whatever follows: those that cannot start a comment, a string or
    a regex literal. A string prefix starts a string only when a quote follows (``_string``), which
    ``_name_and_space`` checks. ``<``, ``%`` and ``~`` are in ``special`` for every language but
    start strings only in those with heredocs, percent literals or sigils; elsewhere ``run`` finds
    no comment, quote or special string at them."""
    unused = {ch for ch, used in (("<", spec.heredoc), ("%", spec.percent_literals), ("~", spec.sigils))
              if not used}
    starts = {m[0] for m in [*spec.line_comments, *(start for start, _ in spec.block_comments), *spec.quotes,
                             *(spec.line_start_block or ())[:1]]}
    hard = special - (unused - starts) - (set(spec.string_prefixes) - starts)
    if spec.regex_literals:
        hard |= {"/"}
    return _NAME_START - hard, _ASCII_PUNCTUATION - hard - set(spec.string_prefixes)


_NAMES_AND_SPACE: dict[tuple, re.Pattern] = {}


def _name_and_space(spec: LanguageSpec) -> re.Pattern:
    """A name and the whitespace after it (group 1: the name), except where the name's first
    letters are a string prefix followed by a quote (``r"x"``): ``_string``'s condition, which
    takes up to three prefix letters (more never precede a quote)."""
    key = (spec.string_prefixes, tuple(spec.quotes))
    pattern = _NAMES_AND_SPACE.get(key)
    if pattern is None:
        not_a_string = ""
        if spec.string_prefixes and spec.quotes:
            prefixes = "".join(re.escape(ch) for ch in sorted(set(spec.string_prefixes)))
            quotes = "|".join(re.escape(q) for q in sorted(spec.quotes, key=len, reverse=True))
            not_a_string = f"(?![{prefixes}]{{1,3}}(?:{quotes}))"
        pattern = _NAMES_AND_SPACE[key] = re.compile(not_a_string + r"([A-Za-z_$@][A-Za-z0-9_$]*)\s*")
    return pattern


def _unescape(ch: str) -> str:
    return {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(ch, ch)
