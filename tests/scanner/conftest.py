"""Helpers for scanner tests: scan a few files written into a temp folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from linter.catalog import load_catalog
from linter.scanner import scan


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture
def uses(tmp_path: Path, catalog):
    """``uses(files, include_tests=False)`` -> [(path, line, column, method, endpoint, how, confidence)]."""

    def run(files: dict[str, str], include_tests: bool = False) -> list[tuple]:
        for name, content in files.items():
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(content), encoding="utf-8")
        result = scan([tmp_path], catalog, tmp_path, include_tests=include_tests)
        return [(u.path, u.line, u.column, u.method, u.endpoint, u.how, u.confidence) for u in result.uses]

    return run
