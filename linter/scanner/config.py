"""Base URLs in configuration files (.env, JSON, YAML, properties): names other files read.

``"Fortnox": {"BaseUrl": "https://api.fortnox.se/3/"}`` in appsettings.json is read in code as
``config["Fortnox:BaseUrl"]``; ``FORTNOX_URL=...`` in .env as ``process.env.FORTNOX_URL``. Each
URL yields a ``base-url`` fact under its key, its section + key and its whole key path, so
that linter.scanner.project can match the names code uses.
"""

from __future__ import annotations

import json
import re

from linter.scanner.lexer import LineIndex
from linter.scanner.paths import API_URL, base_prefix
from linter.scanner.symbols import norm
from linter.scanner.uses import Fact

_LINE = re.compile(r"(?m)^[ \t]*(?:export[ \t]+)?[\"']?([A-Za-z_][A-Za-z0-9_.:-]*)[\"']?[ \t]*[:=][ \t]*"
                   r"[\"']?(https?://[^\s\"',]+)")
MAX_PARSE = 1_000_000  # parse structured config up to this size; larger files fall back to lines


def config_bases(text: str, display: str, index: LineIndex) -> list[Fact]:
    if "api.fortnox.se" not in text:
        return []  # nothing to record; parsing every config file would cost more than it tells
    pairs: list[tuple[list[str], str]] = []
    lowered = display.lower()
    if len(text) <= MAX_PARSE and lowered.endswith(".json"):
        pairs = _walk(_load_json(text), [])
    elif len(text) <= MAX_PARSE and lowered.endswith((".yaml", ".yml")):
        pairs = _walk(_load_yaml(text), [])
    if not pairs:
        pairs = [([key], url) for key, url in _LINE.findall(text)]
    facts: list[Fact] = []
    for keys, url in pairs:
        fortnox = API_URL.match(url) is not None
        prefix = base_prefix(url) if fortnox else ""
        if fortnox and prefix not in ("", "/3") and not prefix.startswith("/api/"):
            continue  # a full endpoint URL in data, not a base
        offset = text.find(url)
        line, column = index.position(max(offset, 0))
        for name in _names(keys):
            facts.append(Fact("base-url", display, line, column, {
                "name": name, "written": ".".join(keys), "url": url.rstrip("/") if fortnox else "",
                "fortnox": fortnox, "client": False, "prefix": prefix}))
    return facts


def _names(keys: list[str]) -> list[str]:
    parts = [p for k in keys for p in re.split(r"[.:]", k) if p]
    names = [norm(parts[-1]), norm("".join(parts[-2:])), norm("".join(parts))] if parts else []
    return [n for n in dict.fromkeys(names) if n]


def _walk(node: object, path: list[str]) -> list[tuple[list[str], str]]:
    found: list[tuple[list[str], str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _walk(value, path + [str(key)])
    elif isinstance(node, list):
        for item in node[:1000]:
            found += _walk(item, path)
    elif isinstance(node, str) and path and re.match(r"https?://[^\s]+$", node.strip()):
        found.append((path, node.strip()))
    return found


def _load_json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _load_yaml(text: str) -> object:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None
