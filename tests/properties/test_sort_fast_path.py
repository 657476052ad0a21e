"""The scan sorts its uses and facts by a key of the compared fields (linter.scanner._USE_ORDER,
_FACT_ORDER): the same order, ties included, as sorting the dataclasses by ``<``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linter.scanner import _FACT_ORDER, _USE_ORDER
from linter.scanner.uses import EndpointUse, Fact

few_texts = st.sampled_from(["", "a", "a/b.py", "b", "/3/x", "/3/x/{}"])
small = st.integers(min_value=0, max_value=3)
uses = st.builds(EndpointUse, few_texts, small, small, few_texts, template=st.none() | few_texts,
                 method=st.none() | st.sampled_from(["GET", "POST"]), how=few_texts)
facts = st.builds(Fact, few_texts, few_texts, small, small, st.dictionaries(few_texts, small, max_size=2))


@given(st.lists(uses, max_size=40))
def test_uses_sort_by_key_as_by_lt(found):
    assert [id(u) for u in sorted(found, key=_USE_ORDER)] == [id(u) for u in sorted(found)]


@given(st.lists(facts, max_size=40))
def test_facts_sort_by_key_as_by_lt(found):
    assert [id(f) for f in sorted(found, key=_FACT_ORDER)] == [id(f) for f in sorted(found)]
