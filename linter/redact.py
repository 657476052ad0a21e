"""Redaction: the only form in which a secret found in source may leave the scanner.

Facts keep ``redact(secret)``, never the secret, so no formatter, cache or log can print it.
"""

from __future__ import annotations

MAX_PREFIX = 6


def redact(secret: str) -> str:
    """A short prefix and the length: enough to find the literal, too little to use it.

    At most a quarter of the secret is shown (and at most 6 characters), so a short client
    secret keeps most of itself hidden: ``eyJhbG…(redacted, 812 chars)``.
    """
    shown = secret[:min(MAX_PREFIX, len(secret) // 4)]
    return f"{shown}…(redacted, {len(secret)} chars)"
