"""Output formats, looked up by name. Each is a pure function: findings in, text out."""

from __future__ import annotations

from collections.abc import Callable

from linter.formatters import json_format, text_format
from linter.formatters.base import Report

Formatter = Callable[[Report], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text_format.render,
    "json": json_format.render,
}

__all__ = ["FORMATTERS", "Formatter", "Report"]
