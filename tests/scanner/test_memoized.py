"""What the detector computes once per file is computed once in either build.

mypyc compiles ``functools.cached_property`` into a plain property that runs again at every
access (python/mypy#21611): the compiled build gave the same answers while scanning an Elixir
file with many helpers twice as slowly as before. The compiled modules memoize by hand instead.
The suite also runs against the compiled build (tests/test_compiled_build.py), where the
identity checks below are what would fail."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

from linter.catalog import load_catalog
from linter.compiled import COMPILED_MODULES
from linter.scanner.detect import FileDetector
from linter.scanner.evaluate import _Named
from linter.scanner.lexer import LANGUAGES, LineIndex, tokenize
from linter.scanner.symbols import Binding

KOTLIN = '''
suspend fun HttpClient.lookup(which: Lookup) = get(which.path)
fun sync(client: HttpClient) { client.lookup(Lookup.INVOICES); lookup(other) }
val secret = "fortnox"
'''

MEMOS = ["_name_tokens", "_string_tokens", "_called", "_calls_by_name", "_calls",
         "_extensions", "_declared_functions"]


@pytest.fixture(scope="module")
def detector() -> FileDetector:
    return FileDetector(KOTLIN, "Sync.kt", "kotlin", tokenize(KOTLIN, LANGUAGES["kotlin"]), load_catalog(),
                        LineIndex(KOTLIN))


@pytest.mark.parametrize("name", MEMOS)
def test_each_detector_memo_is_made_once(detector: FileDetector, name: str):
    first, again = getattr(detector, name), getattr(detector, name)
    if isinstance(first, tuple):  # mypyc keeps a tuple unboxed and boxes it afresh at each return
        assert len(first) == len(again) and all(a is b for a, b in zip(first, again))
    else:
        assert again is first


def test_the_memos_hold_what_they_say(detector: FileDetector):
    code = detector.code
    assert detector.mentions_fortnox is True
    assert [code.values[k] for k in detector._string_tokens] == ["fortnox"]
    # a name before "(": declarations too
    assert detector._called[1] == ["lookup", "get", "sync", "lookup", "lookup"]
    assert {name: len(at) for name, at in detector._calls_by_name.items()} == {"lookup": 3, "get": 1, "sync": 1}
    assert [call.name for _, call in detector._calls] == ["lookup", "get", "sync", "lookup", "lookup"]
    assert detector._extensions == {4: "HttpClient"}  # the token of "lookup"
    assert code.values[4] == "lookup"
    assert detector._declared_functions == frozenset({"lookup", "sync"})


def test_a_names_positions_are_made_once():
    named = _Named([Binding("key", "key", 10, 11), Binding("key", "key", 20, 21, member=True)])
    position, member_position = named.position, named.member_position
    assert named.position is position and named.member_position is member_position
    assert (position, member_position) == ({10: 0, 20: 1}, {20: 0})


def test_no_compiled_module_uses_cached_property():
    for module in COMPILED_MODULES:
        spec = importlib.util.find_spec(module)
        assert spec is not None and spec.origin is not None
        source = Path(spec.origin).with_name(module.rsplit(".", 1)[1] + ".py")  # beside an extension too
        tree = ast.parse(source.read_text(encoding="utf-8"))
        named = {node.attr if isinstance(node, ast.Attribute) else node.id
                 for node in ast.walk(tree) if isinstance(node, (ast.Attribute, ast.Name))}
        assert "cached_property" not in named, f"{module}: mypyc would compile it to a plain property"
