"""The shared helpers: terminal-safe text, UTF-8-safe JSON, folded fix text."""

from __future__ import annotations

import json

from linter.formatters.base import clean, json_text, one_line


def test_clean_makes_control_characters_visible() -> None:
    assert clean("a\x1b[31mb\rc\nd\x00e\x7ff\x9bg") == "a\\x1b[31mb\\x0dc\\x0ad\\x00e\\x7ff\\x9bg"


def test_clean_escapes_bidi_overrides_and_undecodable_file_name_bytes() -> None:
    assert clean("x\u202eyz\u2066") == "x\\u202eyz\\u2066"
    assert clean("caf\udce9.py") == "caf\\xe9.py"  # os.fsdecode(b"caf\xe9.py")


def test_clean_keeps_tabs_and_letters() -> None:
    assert clean("\tBokföring 名前 ✓") == "\tBokföring 名前 ✓"


def test_json_text_turns_undecodable_bytes_into_literal_escapes() -> None:
    text = json_text({"path": "caf\udce9.py", "msg": "a\x1bb"})
    text.encode("utf-8")  # would raise on a lone surrogate
    assert json.loads(text) == {"path": "caf\\xe9.py", "msg": "a\x1bb"}
    assert text == '{\n  "path": "caf\\\\xe9.py",\n  "msg": "a\\u001bb"\n}\n'


def test_one_line_folds_whitespace() -> None:
    assert one_line("Add the scope\n  to fortnox.yaml.\n") == "Add the scope to fortnox.yaml."
