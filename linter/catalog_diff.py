"""`fortnox-lint catalog diff`: keep the catalog in step with Fortnox's OpenAPI document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from linter.catalog import load_catalog
from linter.errors import LintError

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def openapi_paths(path: Path) -> dict[str, tuple[str, ...]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LintError(f"cannot read OpenAPI document: {exc}", str(path)) from None
    except json.JSONDecodeError as exc:
        raise LintError(f"not valid JSON: {exc.msg}", str(path), exc.lineno, exc.colno) from None
    paths = document.get("paths") if isinstance(document, dict) else None
    if not isinstance(paths, dict):
        raise LintError("not an OpenAPI document (no 'paths' object)", str(path))
    return {p: tuple(m.upper() for m in HTTP_METHODS if isinstance(ops, dict) and m in ops)
            for p, ops in paths.items()}


def _key(path: str) -> str:
    return path.rstrip("/") or "/"


def run_diff(openapi: Path, catalog_path: Path | None, out: TextIO, err: TextIO) -> int:
    try:
        catalog = load_catalog(catalog_path)
        spec = {_key(p): methods for p, methods in openapi_paths(openapi).items()}
    except LintError as exc:
        err.write(f"fortnox-lint: error: {exc}\n")
        return 2
    ours = {_key(e.path): e for e in catalog.endpoints}
    unmapped = sorted(set(spec) - set(ours))
    missing = sorted(p for p, e in ours.items() if p not in spec and e.in_openapi)
    methods = sorted(p for p in set(spec) & set(ours) if spec[p] and set(spec[p]) != set(ours[p].methods))
    legacy = sorted(p for p, e in ours.items() if p not in spec and not e.in_openapi)
    for title, items in (("Paths in the OpenAPI document the catalog does not map", unmapped),
                         ("Catalog paths the OpenAPI document lacks", missing),
                         ("Paths whose methods differ", methods)):
        if items:
            out.write(f"{title} ({len(items)}):\n")
            for item in items:
                detail = ""
                if item in methods:
                    detail = f"  catalog {'|'.join(ours[item].methods)}, document {'|'.join(spec[item])}"
                out.write(f"  {item}{detail}\n")
    if not (unmapped or missing or methods):
        out.write(f"The catalog ({catalog.version}) maps all {len(spec)} paths of {openapi}"
                  f" ({len(legacy)} legacy catalog paths not in the document, as expected).\n")
        return 0
    return 1
