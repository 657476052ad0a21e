"""The optional compiled build: which modules it compiles, and which of them this installation runs
compiled.

``FORTNOX_LINT_COMPILE=1 pip install .`` compiles the scanner's hot modules with mypyc (see
``hatch_build.py``); a plain install runs them as Python. Both give the same results (tested); the
compiled ones scan a Fortnox-heavy file in about 60% of the time. This module imports nothing of
the linter's, so that the build hook can read COMPILED_MODULES without the linter's dependencies.
"""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

# The lexer and the detector's passes: most of a cold check's CPU once the prefilter has let a
# file through; and the byte prefilter, which every file goes through (its searches are C already,
# the loop around them gains 7%). The rest gains little compiled, and tests replace some of their
# functions (linter.scanner.work's), which compiled callers would not see.
COMPILED_MODULES = (
    "linter.scanner.bytefilter",
    "linter.scanner.lexer",
    "linter.scanner.syntax",
    "linter.scanner.symbols",
    "linter.scanner.evaluate",
    "linter.scanner.detect",
)


def compiled_modules(root: Path | None = None) -> list[str]:
    """The modules of COMPILED_MODULES that the installation in ``root`` (this one by default) loads
    from an extension module: the import system prefers one to the .py file beside it. Looked up on
    disk, without importing them."""
    root = root or Path(__file__).resolve().parent.parent
    found = []
    for name in COMPILED_MODULES:
        stem = root.joinpath(*name.split("."))
        if any(stem.with_name(stem.name + suffix).is_file() for suffix in importlib.machinery.EXTENSION_SUFFIXES):
            found.append(name)
    return found


def build_description(root: Path | None = None) -> str:
    """"compiled", "pure Python", or which modules are compiled when only some are."""
    found = compiled_modules(root)
    if not found:
        return "pure Python"
    if len(found) == len(COMPILED_MODULES):
        return "compiled"
    return "partly compiled: " + ", ".join(name.rsplit(".", 1)[1] for name in found)
