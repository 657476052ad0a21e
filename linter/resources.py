"""Where the shipped data lives: ``linter/_data`` in a wheel, ``data/`` beside the package in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(installed: str, checkout: str, marker: str) -> Path:
    for candidate in (_PACKAGE / installed, _PACKAGE.parent / checkout):
        if (candidate / marker).exists():
            return candidate
    raise FileNotFoundError(f"fortnox-scope-lint is missing its {checkout}/ folder")


# The catalog as a wheel's build parsed it (hatch_build.py), beside data/scopes.yaml; it counts only
# while its "yaml_blake2b" is parsed_catalog_key() of the YAML next to it (linter.cache).
PARSED_CATALOG = "scopes.parsed.json"


def parsed_catalog_key(raw: bytes) -> str:
    """The digest of the catalog YAML ``raw`` that its parsed copy records."""
    try:  # the bare module skips hashlib's OpenSSL import
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - Python builds without it
        from hashlib import blake2b
    return blake2b(raw, digest_size=16).hexdigest()


def data_dir() -> Path:
    return _find("_data", "data", "manifest.schema.json")


def rules_dir() -> Path:
    return _find("_rules", "rules", "missing-scope.yaml")
