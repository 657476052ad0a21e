"""Resolving a path against a base URL (new URL, urljoin, new Uri) gives what the standard does:
urllib.parse.urljoin is the reference, for references without dot segments, queries first or
fragments (which the scanner never meets in a Fortnox path)."""

from __future__ import annotations

from urllib.parse import urljoin

from hypothesis import given
from hypothesis import strategies as st

from fnx_strategies import FAST
from linter.scanner.evaluate import Piece, Value, _resolved
from linter.scanner.lexer import PLACEHOLDER

SEGMENT = st.sampled_from(["3", "api", "warehouse", "invoices", "x-y", "v1", "12"])
PATH = st.lists(SEGMENT, max_size=4).map("/".join)
BASE = st.builds(lambda host, path, slash, lead: f"https://{host}" + (f"/{path}" if path or lead else "")
                 + ("/" if slash and path else ""),
                 st.sampled_from(["api.fortnox.se", "example.com:8080"]), PATH, st.booleans(), st.booleans())
REFERENCE = st.builds(lambda lead, path, tail: ("/" if lead else "") + path + tail,
                      st.booleans(), PATH.filter(bool), st.sampled_from(["", "/", "?page=2"]))


def split(text: str, cuts: list[int]) -> list[Piece]:
    """``text`` as pieces cut at ``cuts`` (as folding joins constants and literals)."""
    at = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    return [Piece(text[a:b], k) for k, (a, b) in enumerate(zip(at, at[1:])) if b > a]


@FAST
@given(BASE, REFERENCE, st.lists(st.integers(0, 60), max_size=3), st.lists(st.integers(0, 60), max_size=3))
def test_a_resolved_reference_is_what_urljoin_makes(base, reference, base_cuts, reference_cuts):
    resolved = _resolved(Value(split(base, base_cuts)), Value(split(reference, reference_cuts)))
    assert resolved is not None and resolved.text == urljoin(base, reference)
    assert resolved.how == "url-join"
    assert [p for p in resolved.pieces if p.token >= 0][-len(split(reference, reference_cuts)):] == \
        split(reference, reference_cuts)  # the reference's pieces are kept: uses point into them


@given(st.sampled_from([PLACEHOLDER + "/3", "/3/", "api.fortnox.se/3", "https://api.fortnox.se/" + PLACEHOLDER]),
       st.sampled_from(["invoices", PLACEHOLDER + "/invoices", "https://api.fortnox.se/3/orders", ""]))
def test_nothing_is_resolved_when_it_cannot_be_known(base, reference):
    known = "://" in base and PLACEHOLDER not in base and reference and not reference.startswith(PLACEHOLDER) \
        and "://" not in reference
    assert (_resolved(Value([Piece(base, 0)]), Value([Piece(reference, 1)])) is not None) == bool(known)
