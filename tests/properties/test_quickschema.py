"""linter.quickschema: "certainly valid" must never be said of a document jsonschema rejects, and
must be said of the manifests and settings people actually write (or it saves nothing)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from fnx_strategies import FAST, structured, values
from linter.quickschema import certainly_valid
from linter.resources import data_dir

SCHEMAS = {path.name.split(".")[0]: json.loads(path.read_text(encoding="utf-8")) for path in sorted(data_dir().glob("*.schema.json"))}
# Values on which Python's and JSON Schema's equality or types disagree: 1 == True == 1.0, dates.
TRICKY = [0, 1, 1.0, True, False, None, "", "free", "purchasable", "error", "warning", "x", 2.5,
          datetime.date(2024, 1, 1), [], {}]


def near(schema: object, depth: int = 0) -> st.SearchStrategy:
    """Documents shaped like ``schema``: mostly valid, with a random mistake now and then."""
    mistake = st.one_of(st.sampled_from(TRICKY), values)
    if not isinstance(schema, dict) or depth > 4:
        return mistake
    kind = schema.get("type")
    if "enum" in schema:
        shaped = st.sampled_from(schema["enum"])
    elif "const" in schema:
        shaped = st.just(schema["const"])
    elif kind == "object":
        props = schema.get("properties", {})
        extra = st.dictionaries(st.sampled_from(["", "scope", "Scopes", "x"]), mistake, max_size=1)
        required = [k for k in schema.get("required", []) if k in props]
        shaped = st.fixed_dictionaries({k: near(props[k], depth + 1) for k in required},
                                       optional={k: near(v, depth + 1) for k, v in props.items() if k not in required}) \
            .flatmap(lambda d: st.one_of(st.just(d), st.just(d), extra.map(lambda e: {**d, **e})))
    elif kind == "array":
        item = near(schema.get("items", {}), depth + 1)
        shaped = st.lists(item, max_size=4).flatmap(
            lambda xs: st.sampled_from([xs, xs + xs[:1]]))  # sometimes a duplicate
    elif kind == "string":
        shaped = st.one_of(st.sampled_from(["", "a", "invoice", "tests/**", "é", "FNX001"]), st.text(max_size=6))
    elif kind == "boolean":
        shaped = st.booleans()
    elif kind == "integer":
        shaped = st.integers(-2, 5)
    else:
        shaped = mistake
    return st.one_of(*[shaped] * 12, mistake)  # one node in 13 wrong: whole documents are often right


def jsonschema_accepts(document: object, schema: dict) -> bool:
    return not any(True for _ in Draft202012Validator(schema).iter_errors(document))


# The schemas runs validate with it; the others use keywords it leaves to jsonschema ($ref, pattern).
@pytest.mark.parametrize("name", ["manifest", "config"])
def test_certainly_valid_documents_pass_jsonschema(name):
    schema = SCHEMAS[name]

    @settings(FAST, max_examples=300)
    @given(near(schema))
    def check(document):
        if certainly_valid(document, schema):
            assert jsonschema_accepts(document, schema), document

    check()


@FAST
@given(st.one_of(structured, values))
def test_random_manifests_certainly_valid_only_when_jsonschema_agrees(document):
    schema = SCHEMAS["manifest"]
    if certainly_valid(document, schema):
        assert jsonschema_accepts(document, schema)


def test_the_manifests_people_write_are_known_valid_without_jsonschema():
    repo = Path(__file__).resolve().parents[2]
    manifests = [repo / "examples" / "webshop" / "fortnox.yaml"]
    documents = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in manifests]
    documents.append({"scopes": ["invoice", "customer"], "licenses": ["Kundfaktura"], "service_account": False,
                      "oauth2": True, "distribution": "purchasable", "published": True,
                      "redirect_uris": ["https://shop.example.com/cb"], "exclude": ["tests/**"],
                      "include_tests": False, "lint": {"ignore": ["FNX002"]}})
    for document in documents:
        assert jsonschema_accepts(document, SCHEMAS["manifest"])
        assert certainly_valid(document, SCHEMAS["manifest"]), document
    settings_section = {"select": ["ALL"], "ignore": ["unused-scope"], "exclude": ["vendor/**"]}
    assert jsonschema_accepts(settings_section, SCHEMAS["config"])
    assert certainly_valid(settings_section, SCHEMAS["config"])


@pytest.mark.parametrize("document", [
    {"scopes": ["invoice", "invoice"]},  # not unique
    {"scopes": ["invoice"], "service_account": 1},  # 1 is not a boolean
    {"scopes": ["invoice"], "published": 0},
    {"scopes": ["invoice"], "distribution": "Free"},
    {"scopes": [""]},
    {"scopes": ["invoice"], "scope": ["x"]},  # unknown key
    {"licenses": ["Order"]},  # scopes are required
    {"scopes": "invoice"},
    {"scopes": [1]},
    {1: ["invoice"], "scopes": ["invoice"]},
    {"scopes": [datetime.date(2024, 1, 1)]},
    ["scopes"],
    None,
])
def test_problems_are_never_certainly_valid(document):
    assert not jsonschema_accepts(document, SCHEMAS["manifest"])
    assert not certainly_valid(document, SCHEMAS["manifest"])


def test_keywords_it_does_not_know_are_never_certain():
    assert not certainly_valid("abc", {"type": "string", "pattern": "^a"})
    assert not certainly_valid({"a": 1}, {"$ref": "#/$defs/x"})
    assert not certainly_valid(1.0, {"type": "integer"})  # valid, but not worth being sure of
    assert not certainly_valid(True, {"enum": [1]})
    assert not certainly_valid(1, {"const": True})
    assert certainly_valid(True, True) and not certainly_valid(True, False)
