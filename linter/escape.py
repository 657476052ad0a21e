"""Making untrusted text safe to print on a terminal or in a one-line-per-finding format.

File names, strings from the scanned code and manifest values are chosen by whoever wrote the
repository. Printed raw, an escape sequence could recolour or rewrite the terminal, a newline
could forge a finding line, and a bidirectional override could make text read differently
from what it is ("Trojan Source"). We show all of these as visible escapes instead.
"""

from __future__ import annotations

import re

# C0 controls (tab and newline too: output is one line per finding), DEL, C1 controls,
# bidirectional formatting characters, and lone surrogates (undecodable bytes in file names).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character written as a visible escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text)
