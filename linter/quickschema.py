"""Tell a document that certainly matches a JSON Schema without importing jsonschema.

Importing jsonschema (and the referencing libraries it brings) costs about 85 ms, more than
Python's start-up and the whole warm check; the answer is almost always "no problems". This
module understands the few keywords the manifest and configuration schemas use and answers only
"certainly valid" or "not sure". Anything it is not sure of (an unknown keyword, a value whose
comparison could differ from jsonschema's, an actual problem) goes to jsonschema, which then
finds and words the problems, so messages come from one place.

Its one promise, property-tested against jsonschema: when ``certainly_valid`` says True,
jsonschema finds no error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Keywords that only annotate: they never make a document invalid.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "examples", "default"})


def certainly_valid(instance: Any, schema: Any) -> bool:
    """True only if ``instance`` matches ``schema`` (JSON Schema 2020-12) for certain."""
    if schema is True:
        return True
    if not isinstance(schema, dict):
        return False  # False (nothing matches) or not a schema at all
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        check = _KEYWORDS.get(keyword)
        if check is None or not check(instance, value, schema):
            return False
    return True


def _type_matches(instance: Any, name: Any) -> bool:
    # bool is an int in Python but neither an integer nor a number in JSON Schema
    if name == "string":
        return isinstance(instance, str)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "array":
        return isinstance(instance, list)
    if name == "object":
        return isinstance(instance, dict)
    if name == "null":
        return instance is None
    if name == "integer":
        return isinstance(instance, int) and not isinstance(instance, bool)
    return False  # "number" and unknown names: not worth being sure of


def _type(instance: Any, value: Any, _schema: dict) -> bool:
    names = value if isinstance(value, list) else [value]
    return any(_type_matches(instance, name) for name in names)


def _str_keys(instance: dict) -> bool:
    return all(type(key) is str for key in instance)


def _properties(instance: Any, value: Any, _schema: dict) -> bool:
    if not isinstance(instance, dict):
        return True  # applies to objects only
    if not isinstance(value, dict) or not _str_keys(instance):
        return False
    return all(certainly_valid(item, value[key]) for key, item in instance.items() if key in value)


def _additional(instance: Any, value: Any, schema: dict) -> bool:
    if not isinstance(instance, dict):
        return True
    if "patternProperties" in schema or not _str_keys(instance):
        return False
    known = schema.get("properties", {})
    if not isinstance(known, dict):
        return False
    return all(certainly_valid(item, value) for key, item in instance.items() if key not in known)


def _required(instance: Any, value: Any, _schema: dict) -> bool:
    if not isinstance(instance, dict):
        return True
    return isinstance(value, list) and all(type(name) is str and name in instance for name in value)


def _items(instance: Any, value: Any, _schema: dict) -> bool:
    if not isinstance(instance, list):
        return True
    if not (value is True or isinstance(value, dict)):
        return False  # an old draft's tuple form, or False
    return all(certainly_valid(item, value) for item in instance)


def _unique(instance: Any, value: Any, _schema: dict) -> bool:
    if not isinstance(instance, list) or value is False:
        return True
    # jsonschema's equality differs from Python's (1 and True are different): strings only
    return value is True and all(type(item) is str for item in instance) and len(set(instance)) == len(instance)


def _same(instance: Any, option: Any) -> bool:
    # exact type, so that 1 == True or 1 == 1.0 can never count as a match here
    return type(instance) is type(option) and type(option) in (str, int, bool) and instance == option


def _enum(instance: Any, value: Any, _schema: dict) -> bool:
    return isinstance(value, list) and any(_same(instance, option) for option in value)


def _const(instance: Any, value: Any, _schema: dict) -> bool:
    return _same(instance, value)


def _bound(size: Callable[[Any], int | None], at_least: bool) -> Callable[[Any, Any, dict], bool]:
    def check(instance: Any, value: Any, _schema: dict) -> bool:
        n = size(instance)
        if n is None:
            return True  # the keyword does not apply to this type
        if type(value) is not int:
            return False
        return n >= value if at_least else n <= value
    return check


def _str_size(instance: Any) -> int | None:
    return len(instance) if isinstance(instance, str) else None  # code points, as jsonschema counts


def _list_size(instance: Any) -> int | None:
    return len(instance) if isinstance(instance, list) else None


def _dict_size(instance: Any) -> int | None:
    return len(instance) if isinstance(instance, dict) else None


_KEYWORDS: dict[str, Callable[[Any, Any, dict], bool]] = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "uniqueItems": _unique,
    "enum": _enum,
    "const": _const,
    "minLength": _bound(_str_size, True),
    "maxLength": _bound(_str_size, False),
    "minItems": _bound(_list_size, True),
    "maxItems": _bound(_list_size, False),
    "minProperties": _bound(_dict_size, True),
    "maxProperties": _bound(_dict_size, False),
}
