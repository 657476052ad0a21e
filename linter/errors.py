"""Errors that stop linting (exit code 2). Raised in the library, turned into messages by the CLI."""

from __future__ import annotations


class LintError(Exception):
    """Something could not be linted: a broken manifest, catalog or path.

    ``path``/``line``/``column`` locate the problem when known, so the message reads like a finding.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"
