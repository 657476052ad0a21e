"""A byte-level form of the scanner's PREFILTER, so most files are never decoded or lexed.

``extract.PREFILTER`` decides which files can name a Fortnox endpoint at all. Running that
regular expression over every file costs more than reading the files (Python's engine tries each
alternative at every position). When the pattern is a plain alternation of literals, as it is,
``bytes.__contains__`` on the lower-cased bytes answers the same question many times faster.

The byte test is only ever used to *skip* a file, so it must never say "no" when the regular
expression on the decoded text would say "yes":

* UTF-8 keeps ASCII bytes as they are and never uses them inside multi-byte characters, so an
  ASCII literal occurs in the bytes exactly when it occurs in the text;
* under IGNORECASE, Python's ``re`` also matches i, k and s to non-ASCII letters (İ, ı, K, ſ);
  for literals containing them, files with any non-ASCII byte are passed on to the regex;
* UTF-16/32 files and patterns that are not plain literals always go to the regex.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_META = set(".^$*+?{}[]()|\\")
_UNICODE_FOLDS = set("iks")  # ASCII letters that re.IGNORECASE matches to non-ASCII letters


def _literals(pattern: str) -> list[str] | None:
    """The alternatives of a pattern made only of escaped or plain characters and ``|``."""
    literals, current, i = [], [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            if i + 1 >= len(pattern) or pattern[i + 1].isalnum():
                return None  # \d, \b, \1 ... are not literals
            current.append(pattern[i + 1])
            i += 2
            continue
        if ch == "|":
            literals.append("".join(current))
            current = []
        elif ch in _META:
            return None
        else:
            current.append(ch)
        i += 1
    literals.append("".join(current))
    if any(not lit or not lit.isascii() for lit in literals):
        return None
    return literals


def byte_prefilter(regex: re.Pattern[str]) -> Callable[[bytes], bool] | None:
    """A test on UTF-8 bytes that is True whenever ``regex.search`` on their text can match.

    None when the pattern is not something this can mirror exactly; callers then decode and
    use the regular expression itself.
    """
    if regex.flags & re.VERBOSE:
        return None
    literals = _literals(regex.pattern)
    if literals is None:
        return None
    if not regex.flags & re.IGNORECASE:
        needles = tuple(lit.encode("ascii") for lit in literals)
        return lambda data: any(needle in data for needle in needles)
    needles = tuple(lit.lower().encode("ascii") for lit in literals)
    folds = any(_UNICODE_FOLDS & set(lit.lower()) for lit in literals)

    def test(data: bytes) -> bool:
        lowered = data.lower()  # ASCII-only lower-casing: exactly what bytes can tell us
        if any(needle in lowered for needle in needles):
            return True
        return folds and not data.isascii()

    return test
