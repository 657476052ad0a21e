"""Where the shipped data lives: ``linter/_data`` in a wheel, ``data/`` beside the package in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(installed: str, checkout: str, marker: str) -> Path:
    for candidate in (_PACKAGE / installed, _PACKAGE.parent / checkout):
        if (candidate / marker).exists():
            return candidate
    raise FileNotFoundError(f"fortnox-scope-lint is missing its {checkout}/ folder")


def data_dir() -> Path:
    return _find("_data", "data", "manifest.schema.json")


def rules_dir() -> Path:
    return _find("_rules", "rules", "missing-scope.yaml")
