"""Did-you-mean suggestions for misspelt names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    candidates = list(candidates)
    lowered = {c.lower(): c for c in candidates}
    if name.lower() in lowered:  # a case slip is the likeliest mistake of all
        return lowered[name.lower()]
    # difflib.get_close_matches breaks ties towards the larger string (FNX02 -> FNX302); take the
    # smaller one instead, so the older, better-known name wins (FNX02 -> FNX002).
    best, best_ratio = None, 0.7
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(name.lower())
    for candidate in sorted(lowered):
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= best_ratio and matcher.quick_ratio() >= best_ratio:
            ratio = matcher.ratio()
            if ratio > best_ratio or (best is None and ratio >= best_ratio):
                best, best_ratio = candidate, ratio
    return lowered[best] if best else None


def hint(name: str, candidates: Iterable[str]) -> str:
    best = did_you_mean(name, candidates)
    return f"; did you mean '{best}'?" if best else ""
