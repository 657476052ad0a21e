"""The manifest edits behind the language server's quick fixes, and the range they replace."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from linter.fix import rewrite_scope
from linter.lsp.convert import document_range
from linter.lsp.server import comment_opener


@pytest.mark.parametrize(("text", "action", "scope", "after"), [
    ("scopes: [customer, invoice]\n", "add", "order", "scopes: [customer, invoice, order]\n"),
    ("scopes: [customer, invoice]\n", "remove", "customer", "scopes: [invoice]\n"),
    ("scopes:\r\n  - customer\r\n", "add", "order", "scopes:\r\n  - customer\r\n  - order\r\n"),
    ("\ufeffscopes:\n  - customer  # shop\n  - invoice\n", "remove", "invoice", "\ufeffscopes:\n  - customer  # shop\n"),
    ("licenses: [Order]\nscopes:\n- customer\nredirect_uris: []\n", "add", "order",
     "licenses: [Order]\nscopes:\n- customer\n- order\nredirect_uris: []\n"),
])
def test_the_edit_keeps_everything_else_as_written(text, action, scope, after):
    assert rewrite_scope(text, action, scope, "fortnox.yaml") == after


@pytest.mark.parametrize(("text", "action", "scope"), [
    ("scopes: [customer, order]\n", "add", "order"),  # already there: the diagnostic is stale
    ("scopes: [customer]\n", "remove", "order"),  # already gone
    ("scopes: [customer\n", "add", "order"),  # the buffer does not parse
    ("scopes: customer\n", "add", "order"),  # not a list
    ("", "add", "order"),
    ("- a\n- b\n", "add", "order"),  # not a mapping
])
def test_no_edit_when_there_is_nothing_safe_to_do(text, action, scope):
    assert rewrite_scope(text, action, scope, "fortnox.yaml") is None


def test_the_range_is_the_whole_document_in_utf16_units():
    assert document_range("a: 1\nb: \U0001F600") == types.Range(
        start=types.Position(line=0, character=0), end=types.Position(line=1, character=5))
    assert document_range("a: 1\n") == types.Range(
        start=types.Position(line=0, character=0), end=types.Position(line=1, character=0))


@pytest.mark.parametrize(("name", "opener"), [
    ("app.py", "#"), ("app.rb", "#"), ("lib/app.ex", "#"), ("fortnox.yaml", "#"), ("ci.YML", "#"),
    ("app.ts", "//"), ("App.cs", "//"), ("App.kt", "//"), ("main.go", "//"), ("index.php", "//"),
    ("data.json", None), ("README.md", None), ("Makefile", None),
])
def test_the_ignore_comment_is_written_as_the_language_writes_comments(name, opener):
    assert comment_opener(Path(name)) == opener
