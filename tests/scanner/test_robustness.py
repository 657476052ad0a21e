"""Hostile input: never a traceback, never super-linear time."""

import random
import time

import pytest

from linter.scanner.extract import scan_text
from linter.scanner.lexer import EXTENSIONS

LANGUAGES = sorted(set(EXTENSIONS.values())) + [None]
# Shapes that make naive lexers and regular expressions backtrack or recurse
HOSTILE = [
    "${" * 600, "#{" * 600, "{$" * 600, "<<~A\n" * 400, "<<<EOT\n" * 400, "%Q(" * 600, "~s(" * 600,
    '"' + "\\" * 1000, "`${`${`" * 200, "/*" * 600, "f'{" * 600, '$"{' * 600, "a." * 1000 + "b(",
    "(" * 1000, ")" * 1000, "[{(" * 400, "x + " * 800 + '"/invoices"', "https://api.fortnox.se/3/" + "a/" * 1000,
    "${a:" * 600, '"fortnox' + " " * 2000, "-v1" * 1000 + "/api/warehouse/", "'invoices' => " * 600,
    "def a, do: " * 400, "@Value(\"${x}\") " * 400, "Fortnox::API::Repository::" * 400,
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_scans_quickly_without_errors(language, catalog):
    for text in HOSTILE:
        started = time.process_time()  # CPU time: other load on the machine does not count
        scan_text("fortnox BASE_URL\n" + text, "f.txt" if language is None else "f", language, catalog)
        assert time.process_time() - started < 0.5, (language, text[:20])


@pytest.mark.parametrize("language", LANGUAGES)
def test_random_code_like_text_never_raises(language, catalog):
    rng = random.Random(language or "plain")
    alphabet = 'abc_$@#{}()[]<>"\'`/\\.:;,=+-*%!?|~\n\t 0123456789' + "fortnox invoices https://api.fortnox.se/3/"
    for _ in range(40):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        scan_text(text, "f", language, catalog)
