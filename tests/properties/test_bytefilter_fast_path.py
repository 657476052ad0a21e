"""The byte prefilter's cheaper searches (loosened expressions first, literals grouped by their
lower-cased first character, searches started at their first character) answer exactly as the
regular expression does on the decoded text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from fnx_strategies import FAST
from linter.scanner.bytefilter import _loosened, byte_prefilter
from linter.scanner.prefilter import PREFILTER
from linter.scanner.work import FAST_PREFILTER

# What the shipped prefilter looks for, near misses of it, and what could fool a byte-level test.
PIECES = ["/", "//", "/3/", "/3", "3/", "/api/", "/api", "api/", "/api/time/", "/api/warehouse", "/api/users/",
          "'", '"', "`", "?", "invoices", "orders", "customers/", "stockpoints-v1", "stockpoints", "me", "sie",
          "Invoices", "fortnox", "Fortnox", "FORTNOX", "fortnoks", "BASE_URL", "base_url", "Base_Url", "BaseAddress",
          "baseaddress", "base", "client_secret", "ClientSecret", "client secret", "clientsecret", "access-token",
          "AccessToken", "refresh.token", "REFRESH_TOKEN", "authorizationcode", "Authorization-Code", "token",
          "\n", " ", "é", "\u00e9/", "x", "-", "_"]
FOLDING = ("\u0130", "\u0131", "\u212a", "\u017f")  # passed on by design (see bytefilter)
near_misses = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30).map("".join)


CASELESS = [["fortnox"], ["client", "secret"], ["access", "token"], ["refresh", "token"], ["authorization", "code"]]


@FAST
@given(near_misses, st.sampled_from([b"", b"\xff", b"\xe2\x80", b"\xc3"]))
def test_the_shipped_byte_prefilter_answers_as_the_regex_does(text, junk):
    data = text.encode("utf-8")
    data = data[:len(data) // 2] + junk + data[len(data) // 2:]  # invalid UTF-8 in the middle too
    decoded = data.decode("utf-8", errors="replace")
    found = PREFILTER.search(decoded) is not None
    # By design it says yes more often in two cases only: the pieces of a caseless alternative
    # anywhere in the file ("client ... secret"), and letters that case-fold to ASCII (see bytefilter).
    loose = any(all(piece.encode() in data.lower() for piece in pieces) for pieces in CASELESS) \
        or any(ch in decoded for ch in FOLDING)
    assert FAST_PREFILTER(data) == found or (loose and not found)


MEMBERS = st.text(alphabet="ab/\"", min_size=1, max_size=3)


@FAST
@given(MEMBERS, st.sampled_from(["", "(?<!/a/)", "(?<=b)", "(?<!a)(?<=/)"]),
       st.sampled_from(["a", "/", "\\/", "b", "c", ""]), st.sampled_from(["?", "", "*", "??"]),
       st.text(alphabet="ab/", min_size=1, max_size=3),
       st.text(alphabet="ab/\"c\u0131 ", max_size=30))
def test_a_loosened_expression_matches_wherever_its_branch_does(members, behind, optional, repeat, literal, text):
    branch = f"[{re.escape(members)}]{behind}{optional}{repeat if optional else ''}{re.escape(literal)}"
    loose = _loosened(branch)
    if re.search(branch, text):
        assert re.search(loose, text)
    # and the filter built on it still answers exactly
    regex = re.compile(branch + "|zz")
    assert byte_prefilter(regex)(text.encode("utf-8")) == (regex.search(text) is not None)


def test_loosening_drops_lookbehinds_and_an_optional_member_of_the_leading_class():
    assert _loosened("[\"'/](?<!/api/)/?(?:a|b)[/?]") == "[\"'/](?:a|b)[/?]"
    assert _loosened("[ab]c?d") == "[ab]c?d"  # c is not a member: "acd" has no "[ab]d"
    assert _loosened("/(?<=x)a") == "/a"


@FAST
@given(st.lists(st.sampled_from(["BASE_URL", "base_url", "BaseAddress", "bx", "B", "b_", "Q"]), min_size=1, max_size=4),
       st.text(alphabet="BASEbaseURLurl_dDrx Q", max_size=30))
def test_literals_sharing_a_lower_cased_first_character_are_found_as_they_are(literals, text):
    regex = re.compile("|".join(re.escape(lit) for lit in literals) + "|(?i:zzq)")
    assert byte_prefilter(regex)(text.encode("utf-8")) == (regex.search(text) is not None)
