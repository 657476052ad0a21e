"""The cheap test that decides which files are lexed at all (a 10,000-file project must stay fast).

A file is lexed when its raw text contains "fortnox" (any case), "/3/", "/api/", a quoted
string that starts with a Fortnox REST resource name ("invoices", '/customers/', `orders/${id}`),
or a base-URL-like name (BASE_URL, baseUri, apiUrl, BaseAddress): such files may reach Fortnox
through a base URL defined in another file.
"""

from __future__ import annotations

import re

from linter.resources import data_dir


def _resources() -> list[str]:
    """First path segments of the shipped catalog's /3/ endpoints, read without parsing YAML."""
    try:
        text = (data_dir() / "scopes.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, FileNotFoundError):
        return []
    return sorted(set(re.findall(r"/3/([a-z]+)", text)))


def _trie(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, with shared prefixes factored out so the
    engine never tries the same prefix twice (no nested quantifiers: linear time)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(tree)


def _render(node: dict) -> str:
    branches = []
    optional = "" in node
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _render(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if optional else body


_WORDS = _resources()
_QUOTED_RESOURCE = r"[\"'`/]/?(?:" + _trie(_WORDS) + r")[/\"'`?]" if _WORDS else r"(?!x)x"
_BASE_NAME = r"(?i:base_?ur[il]|api_?(?:base|url|root)|baseaddress)"
PREFILTER = re.compile(r"(?i:fortnox)|/3/|/api/|" + _BASE_NAME + "|" + _QUOTED_RESOURCE)
