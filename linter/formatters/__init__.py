"""Output formats, looked up by name. Each is a pure function: a Report in, text out."""

from __future__ import annotations

from collections.abc import Callable

from linter.formatters import (
    full_format,
    github_format,
    gitlab_format,
    json_format,
    junit_format,
    markdown_format,
    sarif_format,
    text_format,
)
from linter.formatters.base import Report

Formatter = Callable[[Report], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text_format.render,
    "full": full_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "gitlab": gitlab_format.render,
    "junit": junit_format.render,
    "markdown": markdown_format.render,
}

__all__ = ["FORMATTERS", "Formatter", "Report"]
