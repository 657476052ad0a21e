"""The README's command table has a row for every command, and each row names every option that
command takes, so a new flag cannot ship undocumented (and a half-resolved merge cannot hide)."""

from __future__ import annotations

import re

import click

from conftest import REPO
from linter.cli import cli

CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7})( |$)", re.MULTILINE)


def command_rows() -> dict[str, str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"\| `fortnox-lint ([a-z][a-z -]*?)(?: [A-Z\[].*?)?` \|(.*)", line)
        if match:
            rows[match[1]] = match[2]
    return rows


def commands(group: click.Group = cli, prefix: str = "") -> dict[str, click.Command]:
    found = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(commands(command, f"{prefix}{name} "))
        else:
            found[prefix + name] = command
    return found


def test_every_command_has_a_row_naming_each_of_its_options():
    rows = command_rows()
    assert set(rows) == set(commands())
    for name, command in commands().items():
        options = [max(param.opts, key=len) for param in command.params
                   if isinstance(param, click.Option) and not param.hidden and param.name != "help"]
        missing = [option for option in options if f"`{option}" not in rows[name]
                   and f"/{option}" not in rows[name]]
        assert missing == [], f"README's row for {name} does not name {missing}"


def test_no_merge_conflict_markers_in_the_documentation():
    for path in [REPO / "README.md", *sorted((REPO / "rules").glob("*.yaml"))]:
        assert not CONFLICT_MARKER.search(path.read_text(encoding="utf-8")), path
