"""Fact extractors: per-file findings of things other than endpoint paths.

Each extractor sees a file's tokens once, during the single scan pass, and returns Facts
(see linter.scanner.uses.Fact). Rules then read ``ctx.facts_of(kind)``; no rule re-reads a file.
Register an extractor by adding it to EXTRACTORS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from linter.scanner.lexer import LineIndex, Token
from linter.scanner.uses import Fact

if TYPE_CHECKING:
    from linter.scanner.facts.exprs import Reader
    from linter.scanner.syntax import Code


@dataclass(frozen=True)
class FileView:
    """What an extractor may look at: the file's text, tokens (None for unlexed files), positions."""

    text: str
    display: str
    language: str | None
    tokens: list[Token] | None
    index: LineIndex
    code: Code | None = None  # the detector's Code for these tokens, when it ran: its lists are reused

    @cached_property
    def reader(self) -> Reader:
        """The file's expression reader (its constants collected once), shared by the extractors.
        Only for lexed files (tokens not None)."""
        from linter.scanner.facts.exprs import Reader

        assert self.tokens is not None
        code = self.code  # its lists of texts and kinds, when the detector ran
        return Reader(self.tokens, self.text, self.language, code.values if code else None,
                      code.kinds if code else None)

    @property
    def values(self) -> list[str]:
        """Each token's text (lexed files only)."""
        return self.reader.values

    @property
    def kinds(self) -> list[str]:
        """Each token's kind (lexed files only)."""
        return self.reader.kinds

    @cached_property
    def strings(self) -> list[int]:
        """Indexes of the string tokens, in order (lexed files only), found by C-level searches."""
        from linter.scanner.syntax import indexes_of

        return list(indexes_of(self.kinds, "str"))

    @cached_property
    def mentions_fortnox(self) -> bool:
        return "fortnox" in self.text.lower()

    def fact(self, kind: str, offset: int, **data) -> Fact:
        line, column = self.index.position(offset)
        return Fact(kind, self.display, line, column, data)


Extractor = Callable[[FileView], list[Fact]]

EXTRACTORS: list[Extractor] = []

# Registered extractors (imported here, after FileView, which they use).
from linter.scanner.facts import suppression  # noqa: E402

EXTRACTORS.append(suppression.extract)

# Imported here, after FileView exists, because each extractor module imports it from this package.
from linter.scanner.facts import credentials, legacy, oauth  # noqa: E402

EXTRACTORS += [oauth.extract, legacy.extract, credentials.extract]
