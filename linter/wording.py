"""How the linter words counts in what it prints."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless the count is one: "1 file", "3 files", "0 scopes"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
