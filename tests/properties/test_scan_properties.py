"""Random source text never crashes the scanner, and the fast paths never change its answers."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fnx_strategies import FAST, source_text
from linter.cache import scan_from_row, scan_row
from linter.catalog import load_catalog
from linter.scanner.extract import PREFILTER, language_of, scan_text
from linter.scanner.files import decode
from linter.scanner.lexer import EXTENSIONS, LANGUAGES, tokenize
from linter.scanner.syntax import Code
from linter.scanner.bytefilter import byte_prefilter
from linter.scanner.uses import FileScan
from linter.scanner.work import FAST_PREFILTER, WorkContext, scan_path

CATALOG = load_catalog()
LANGUAGE_OR_NONE = st.sampled_from([*sorted(LANGUAGES), None])


@FAST
@given(source_text, LANGUAGE_OR_NONE)
def test_scanning_random_text_never_crashes_and_places_uses_inside_the_text(text, language):
    found = scan_text(text, "src/f", language, CATALOG)
    lines = text.split("\n")
    for use in found.uses:
        assert 1 <= use.line <= len(lines)
        assert 1 <= use.column <= len(lines[use.line - 1]) + 1
    assert scan_text(text, "src/f", language, CATALOG).to_json() == found.to_json()  # deterministic
    cached = FileScan.from_json(json.loads(json.dumps(found.to_json())))  # what the cache stores
    assert cached.to_json() == found.to_json()
    assert found.to_json()["uses"] == [asdict(u) for u in found.uses]  # the fast copy is asdict's
    stored = scan_from_row(json.loads(json.dumps(scan_row(found))))  # what the results file holds
    assert stored.to_json() == found.to_json()


def test_the_shipped_prefilter_has_a_byte_form():
    # If PREFILTER stops being a plain alternation, every file is decoded and regex-searched.
    assert FAST_PREFILTER is not None


@FAST
@given(st.one_of(source_text.map(lambda t: t.encode("utf-8")), st.binary(max_size=200)))
def test_byte_prefilter_never_hides_what_the_regex_would_find(data):
    if not FAST_PREFILTER(data):
        assert PREFILTER.search(data.decode("utf-8", errors="replace")) is None


EXOTIC = "iksIKS\u0130\u0131\u212a\u017f/.:-ab3 "


@FAST
@given(st.lists(st.text(alphabet="iksIKS/.:-ab3", min_size=1, max_size=4), min_size=1, max_size=4),
       st.booleans(), st.text(alphabet=EXOTIC, max_size=30))
def test_byte_prefilter_matches_re_for_any_literal_alternation(literals, ignore_case, text):
    regex = re.compile("|".join(re.escape(lit) for lit in literals), re.IGNORECASE if ignore_case else 0)
    test = byte_prefilter(regex)
    assert test is not None
    if not test(text.encode("utf-8")):
        assert regex.search(text) is None


@FAST
@given(st.text(alphabet="ab/é", min_size=1, max_size=3), st.booleans(),
       st.text(alphabet="ab/", min_size=1, max_size=3), st.text(alphabet="ab/é\u0131 ", max_size=30))
def test_byte_prefilter_matches_re_with_literal_lookbehinds(behind, negative, literal, text):
    regex = re.compile(f"(?<{'!' if negative else '='}{re.escape(behind)})[ab]/?{re.escape(literal)}|zz")
    test = byte_prefilter(regex)
    assert (test is None) == (not behind.isascii())  # only ASCII lookbehinds have a byte form
    if test is not None:
        assert test(text.encode("utf-8")) == (regex.search(text) is not None)


@FAST
@given(st.text(alphabet="ab/\"-", min_size=1, max_size=5), st.sampled_from(["", "*", "?", "{2}"]),
       st.text(alphabet="ab/", max_size=3), st.text(alphabet="ab/\"-\u0131 ", max_size=30))
def test_byte_prefilter_matches_re_with_a_leading_class(members, repeat, literal, text):
    # A short leading class is searched as one expression per member: the same matches.
    regex = re.compile(f"[{re.escape(members)}]{repeat}(?<!/a/){re.escape(literal)}|zz")
    test = byte_prefilter(regex)
    assert test is not None
    assert test(text.encode("utf-8")) == (regex.search(text) is not None)


@FAST
@given(st.lists(st.text(alphabet="ab/3", min_size=1, max_size=3), min_size=1, max_size=3),
       st.text(alphabet="ab/", max_size=3), st.text(alphabet="ab/3\u0131 ", max_size=30))
def test_byte_prefilter_matches_re_when_branches_share_a_first_character(literals, literal, text):
    # Literals and expressions led by the same character are searched as one expression.
    branches = [re.escape(lit) for lit in literals] + [f"/(?<!a/)b?{re.escape(literal)}", f"[/a]{re.escape(literal)}"]
    regex = re.compile("|".join(branches))
    test = byte_prefilter(regex)
    assert test is not None
    assert test(text.encode("utf-8")) == (regex.search(text) is not None)


@FAST
@given(st.lists(st.text(alphabet="abAB_", min_size=1, max_size=3), min_size=1, max_size=4),
       st.text(alphabet="abAB_zZq\u0131 ", max_size=30))
def test_byte_prefilter_matches_re_for_literals_differing_only_in_case(literals, text):
    # Case variants are looked for in the lower-cased bytes made for the caseless group first.
    regex = re.compile("|".join(re.escape(lit) for lit in literals) + "|(?i:zzq)")
    test = byte_prefilter(regex)
    assert test is not None
    assert test(text.encode("utf-8")) == (regex.search(text) is not None)


def encodings(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from([text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"),
                            text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-32"),
                            text.encode("utf-8") + b"\xff\xfe\x80"])


@FAST
@given(st.one_of(source_text.flatmap(encodings), st.binary(max_size=100)), st.sampled_from(sorted(EXTENSIONS) + [".txt"]))
def test_reading_a_file_gives_exactly_what_decoding_and_scanning_its_text_gives(data, extension):
    # The byte-level shortcuts (binary sniff, byte prefilter) must never change a result.
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "f" + extension)
        with open(path, "wb") as handle:
            handle.write(data)
        outcome = scan_path(path, "f" + extension, WorkContext(CATALOG))
    text, reason = decode(data)
    assert outcome.reason == reason
    if text is not None:
        assert outcome.scan.to_json() == scan_text(text, "f" + extension, language_of(Path(path)), CATALOG).to_json()


@FAST
@given(source_text, st.sampled_from(sorted(LANGUAGES)))
def test_line_breaks_before_tokens_are_found_from_the_breaks_as_from_the_gaps(text, language):
    # Code visits the line breaks, not the tokens; the answer is the gap-by-gap one.
    tokens = tokenize(text, LANGUAGES[language])
    code = Code(tokens, text, language)
    previous_ends = [0] + [t.end for t in tokens[:-1]]
    assert code.newline_before == ["\n" in text[end:t.offset] for end, t in zip(previous_ends, tokens)]
