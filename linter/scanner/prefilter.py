"""The cheap test that decides which files are lexed at all (a 10,000-file project must stay fast).

A file is lexed when its raw text contains "fortnox" (any case), "/3/", "/api/" followed by one
of Fortnox's /api/ areas ("/api/warehouse", "/api/time"; a plain "/api/users" is some other
service's and is everywhere in web code), one of the base URL names BASE_URL, base_url or
BaseAddress, or a Fortnox resource name right after a quote or a slash and followed by one ("invoices",
'/customers/', `orders/${id}`, "stockpoints-v1"): such a file may reach Fortnox through a base
URL or a helper defined in another file.

One regular expression, tried once per file. The resource names form a trie (shared prefixes
factored out) and the base names are case-sensitive literals, which keeps it near the speed of the
original three-word test; looser spellings (baseUrl, apiUrl) were measured and left out because
they cost a third of the speed for few files.
"""

from __future__ import annotations

import re

from linter.resources import data_dir


def _catalog_text() -> str:
    """The shipped catalog's text, read once and searched without parsing YAML."""
    try:
        return (data_dir() / "scopes.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _first_segments(text: str, prefix: str) -> list[str]:
    """First path segments after ``prefix`` ("/3/", "/api/") in the catalog ``text``."""
    return sorted(set(re.findall(re.escape(prefix) + r"([a-z][a-z0-9-]*)", text)))


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


_CATALOG = _catalog_text()
_AREAS = _first_segments(_CATALOG, "/api/")
# /3/ resources, and the versioned resources under each /api/ area ("stockpoints-v1" with a
# /api/warehouse base; only versioned ones count as relative paths, see paths._path_shape)
_VERSIONED = [w for a in _AREAS for w in _first_segments(_CATALOG, f"/api/{a}/") if re.search(r"-v\d+$", w)]
_WORDS = sorted(set(_first_segments(_CATALOG, "/3/") + _VERSIONED))
# Not right after "/api/": "/api/orders/" is another service's path (Fortnox's are under /3/ and
# the /api/ areas above), and web code is full of them. The lookbehind comes after the leading
# class so that the engine can still skip ahead to quotes and slashes (three times faster).
_QUOTED_RESOURCE = r"[\"'`/](?<!/api/)/?(?:" + _trie(_WORDS) + r")[/\"'`?]" if _WORDS else r"(?!x)x"
_API_AREA = r"/api/(?:" + _trie(_AREAS) + r")[/\"'`?]" if _AREAS else "/api/"  # no catalog: stay broad
# Credential names too: a secret may sit in a config file that never says Fortnox (hardcoded-credential).
_CREDENTIALS = r"(?i:client.?secret|access.?token|refresh.?token|authorization.?code)"
PREFILTER = re.compile(r"(?i:fortnox)|/3/|" + _API_AREA + "|BASE_URL|base_url|BaseAddress|" + _CREDENTIALS + "|"
                       + _QUOTED_RESOURCE)
