"""Adversarial input takes linear time: every regular expression the scanner uses, and the lexer.

This is a test of algorithmic growth, not a speed target: each case runs on an input of size n
and of size 4n, and the larger must take less than 8 times as long (linear growth gives about 4,
quadratic about 16). Timings are the best of several runs; a tiny absolute allowance absorbs
timer noise when both runs take microseconds. They are this process's CPU time, not wall time:
other work on a busy machine (a parallel test run, a benchmark) then barely moves them.
"""

from __future__ import annotations

import ast
import gc
import importlib
import pkgutil
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import linter.scanner
from linter.scanner.lexer import LANGUAGES, tokenize

N = 4_000
RATIO = 8
NOISE = 0.003  # seconds
SCANNER_MODULES = ["linter.catalog"] + [m.name for m in pkgutil.walk_packages(linter.scanner.__path__, "linter.scanner.")]


def best_time(run: Callable[[], object], repeat: int = 3) -> float:
    """The best CPU time of ``repeat`` runs, with the cyclic collector paused: a run that makes
    thousands of match objects can set off a full collection, whose cost is the size of the whole
    heap (after a long property-test session, a quarter of a second), not of the input."""
    best = float("inf")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
    finally:
        if was_enabled:
            gc.enable()
    return best


def grows_linearly(run_on: Callable[[int], Callable[[], object]]) -> tuple[bool, float, float]:
    """Time sizes n and 4n. The larger is timed once first: a clearly super-linear case fails at
    once (a quadratic one on 4n can take seconds); a borderline one is re-timed, best of three,
    so a busy machine does not fail a linear pattern."""
    small_run, large_run = run_on(N), run_on(4 * N)
    small, large = best_time(small_run), best_time(large_run, repeat=1)
    if large <= RATIO * small + NOISE:
        return True, small, large
    if large > 3 * RATIO * small + 0.25:  # a GC pause is tens of ms; quadratic here is seconds
        return False, small, large
    small, large = best_time(small_run), best_time(large_run)
    return large <= RATIO * small + NOISE, small, large


def _flags(call: ast.Call) -> int:
    """re.I | re.M ... named among a call's other arguments."""
    flags = 0
    for node in ast.walk(ast.Module(body=[ast.Expr(a) for a in call.args[1:]] +
                                    [ast.Expr(k.value) for k in call.keywords], type_ignores=[])):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re" \
                and isinstance(getattr(re, node.attr, None), re.RegexFlag):
            flags |= getattr(re, node.attr)
    return flags


def scanner_patterns() -> dict[str, re.Pattern]:
    """Compiled patterns held by the scanner's modules, and every literal pattern passed to re.*()."""
    found: dict[str, re.Pattern] = {}
    for name in SCANNER_MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[f"{name}.{attr}"] = value
        # a compiled module's file is its extension; its source is the .py beside it
        path = Path(module.__file__)
        source = path.with_name(path.name.split(".")[0] + ".py").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found[f"{name}:{node.lineno}"] = re.compile(node.args[0].value, _flags(node))
    return found


NAMES = scanner_patterns()


def distinct(patterns: dict[str, re.Pattern]) -> dict[str, re.Pattern]:
    """Each distinct expression once (modules re-export some), under its first name."""
    found: dict[tuple[str, int], tuple[str, re.Pattern]] = {}
    for name, pattern in sorted(patterns.items()):
        found.setdefault((pattern.pattern, pattern.flags), (name, pattern))
    return dict(found.values())


PATTERNS = distinct(NAMES)
# Near-misses for URL, path, name and interpolation patterns: repeated, then broken by "!".
SEEDS = ["https://api.fortnox.se", "https://api.fortnox.se:1", "http://api.fortnox.se/", "/3/", "/3/a",
         "/api/", "/api/x/", "fortnox", "FoRtNoX", "{", "{a", "{a/", "}", "$a", "$a[", "$a->", "${", "#{",
         "a", "a_", "0", "0.", " ", "\n", "/", "//", "?", "#", "getasync", "get", "\\", "'", '"']


def test_the_scanner_patterns_were_all_found():
    # A guard that this file still sees the scanner's regular expressions after refactors.
    assert {"linter.scanner.extract.API_URL", "linter.scanner.prefilter.PREFILTER", "linter.scanner.paths.API_URL",
            "linter.scanner.lexer._NAME", "linter.catalog._NORMALISE_VAR"} <= set(NAMES)
    assert len(PATTERNS) >= 50


def test_the_timing_tells_linear_from_quadratic_growth():
    # A guard that CPU-time measurement still sees growth: looking for a "b" from every start of
    # a text of a's to its end fails; looking a bounded distance ahead from each start passes.
    def quadratic(n: int) -> Callable[[], object]:
        text = "a" * (4 * n)  # long enough that the timer's noise allowance cannot hide the growth
        return lambda: [text[i:].count("b") for i in range(n)]

    def linear(n: int) -> Callable[[], object]:
        text = "a" * n
        return lambda: [text[i:i + 64].count("b") for i in range(n)]

    assert not grows_linearly(quadratic)[0]
    assert grows_linearly(linear)[0]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_regular_expression_is_linear_on_near_misses(name):
    pattern = PATTERNS[name]
    slow = []
    for seed in SEEDS:
        def run_on(size: int, seed: str = seed) -> Callable[[], object]:
            text = seed * (size // len(seed)) + "!"
            return lambda: (list(pattern.finditer(text)), pattern.match(text), pattern.search(text[1:]))

        linear, small, large = grows_linearly(run_on)
        if not linear:
            slow.append(f"{seed!r}: {small * 1000:.1f} ms -> {large * 1000:.1f} ms")
            break  # one seed is proof enough; the rest would only add minutes
    assert slow == []


# Whole files that try to make the lexer rescan: unclosed strings, comments, regex literals,
# interpolations and brackets, each repeated on one long line.
LEXER_CASES = {
    "javascript": ["=/[", "=/", "`${", '"', "/*", "(/", "'\\", "`${'", "${{"],
    "typescript": ["=/[", "`${`"],
    "python": ['"', "'''", 'f"{', 'rf"', "#", '"\\', "f'{{"],
    "php": ['"$a[', '"{$', '"$a->', "#[", "/*"],
    "kotlin": ['"$a[', '"${', '"""'],
    "ruby": ['"#{', "\n=begin", "`#{"],
    "csharp": ['$"{', '@"', "'\\"],
    "java": ["'\\", '"""'],
    "go": ["`", "'\\"],
    "elixir": ['"#{', "'''"],
}


@pytest.mark.parametrize("language", sorted(LEXER_CASES))
def test_lexer_is_linear_on_adversarial_lines(language):
    spec = LANGUAGES[language]
    slow = []
    for seed in LEXER_CASES[language]:
        def run_on(size: int, seed: str = seed) -> Callable[[], object]:
            text = 'u = "https://api.fortnox.se/3/invoices"\n' + seed * (size // len(seed))
            return lambda: tokenize(text, spec)

        linear, small, large = grows_linearly(run_on)
        if not linear:
            slow.append(f"{seed!r}: {small * 1000:.1f} ms -> {large * 1000:.1f} ms")
            break
    assert slow == []
