"""Manifest discovery, positions and YAML safety."""

from pathlib import Path

import pytest

from linter.errors import LintError
from linter.manifest import find_manifest, load_manifest, parse_manifest


def test_found_in_the_folder_or_above(tmp_path: Path):
    (tmp_path / "fortnox.yaml").write_text("scopes: []\n")
    deep = tmp_path / "src" / "app"
    deep.mkdir(parents=True)
    assert find_manifest(deep) == tmp_path / "fortnox.yaml"
    assert find_manifest(deep / "file.py") == tmp_path / "fortnox.yaml"


def test_yml_spelling(tmp_path: Path):
    (tmp_path / "fortnox.yml").write_text("scopes: []\n")
    assert find_manifest(tmp_path) == tmp_path / "fortnox.yml"


def test_entries_carry_positions():
    manifest = parse_manifest("# app\nscopes:\n  - invoice   # x\n  - customer\nlicenses: [Order]\n",
                              Path("fortnox.yaml"), "fortnox.yaml")
    assert [(e.value, e.line, e.column) for e in manifest.scopes] == [("invoice", 3, 5), ("customer", 4, 5)]
    assert [(e.value, e.line, e.column) for e in manifest.licenses] == [("Order", 5, 12)]
    assert manifest.valid


@pytest.mark.parametrize("text,message", [
    ("scopes: [a\n", "fortnox.yaml:2:1: invalid YAML: expected ',' or ']', but got '<stream end>'"),
    ("scopes: []\nscopes: [b]\n", "fortnox.yaml:2:1: duplicate key 'scopes'"),
    ("scopes: !!python/object:os.system []\n",
     "fortnox.yaml:1:9: invalid YAML value: unsupported tag 'tag:yaml.org,2002:python/object:os.system'"),
    ("scopes: !!python/name:os.system\n",
     "fortnox.yaml:1:9: invalid YAML value: could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/name:os.system'"),
])
def test_broken_yaml_is_a_lint_error_with_position(text, message):
    with pytest.raises(LintError) as info:
        parse_manifest(text, Path("fortnox.yaml"), "fortnox.yaml")
    assert str(info.value).splitlines()[0] == message


def test_alias_bomb_is_refused():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(LintError, match="too deeply aliased"):
        parse_manifest("\n".join(lines) + "\n", Path("f"), "fortnox.yaml")


def test_invalid_utf8(tmp_path: Path):
    target = tmp_path / "fortnox.yaml"
    target.write_bytes(b"scopes: [\xff]\n")
    with pytest.raises(LintError, match="manifest is not valid UTF-8"):
        load_manifest(target, "fortnox.yaml")


def test_bom_is_accepted(tmp_path: Path):
    target = tmp_path / "fortnox.yaml"
    target.write_bytes(b"\xef\xbb\xbfscopes: [invoice]\n")
    assert [e.value for e in load_manifest(target).scopes] == ["invoice"]
