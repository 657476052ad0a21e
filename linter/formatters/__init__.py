"""Output formats, looked up by name. Each is a pure function: a Report in, text out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module

from linter.formatters.base import Report

Formatter = Callable[[Report], str]

# name -> module with a ``render``; a format's module (and what it needs: xml, hashlib...) is
# imported only when that format is used, so a check does not pay for all eight.
_MODULES = {
    "text": "text_format",
    "full": "full_format",
    "json": "json_format",
    "sarif": "sarif_format",
    "github": "github_format",
    "gitlab": "gitlab_format",
    "junit": "junit_format",
    "markdown": "markdown_format",
}


class _Formatters(Mapping[str, Formatter]):
    def __getitem__(self, name: str) -> Formatter:
        return import_module(f"{__name__}.{_MODULES[name]}").render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATTERS: Mapping[str, Formatter] = _Formatters()

__all__ = ["FORMATTERS", "Formatter", "Report"]
