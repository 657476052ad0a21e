"""Where reports go: one format to standard output (or --output), others to their own files.

``--format NAME`` picks what standard output shows; ``--format NAME:FILE`` also writes NAME to FILE,
so one run can print text for people and leave SARIF for the upload step. Files are written
atomically (a temporary file beside the target, then ``os.replace``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter import atomic
from linter.formatters import FORMATTERS


@dataclass(frozen=True)
class Output:
    fmt: str
    path: Path | None = None  # None: standard output


def parse_spec(spec: str) -> Output:
    """``NAME``, ``NAME:FILE`` or ``NAME:-`` (standard output); ValueError with a message fit for
    the user otherwise."""
    name, sep, file = spec.partition(":")
    name = name.strip().lower()
    if name not in FORMATTERS:
        raise ValueError(f"unknown format {name!r}; choose from {', '.join(sorted(FORMATTERS))}")
    if sep and not file:
        raise ValueError(f"{spec!r} names no file after ':'")
    return Output(name, Path(file) if sep and file != "-" else None)


def default_format(stdout_tty: bool, environ: Mapping[str, str]) -> str:
    """github annotations inside GitHub Actions, the grouped view on a terminal, else plain text."""
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "full" if stdout_tty else "text"


def plan(specs: Sequence[str], output: Path | None, *, stdout_tty: bool,
         environ: Mapping[str, str]) -> list[Output]:
    """The outputs of one run, the standard-output one first."""
    parsed = [parse_spec(spec) for spec in specs]
    main = [o for o in parsed if o.path is None]
    if len(main) > 1:
        raise ValueError("only one format can go to standard output; give the others a file, "
                         "e.g. --format sarif:results.sarif")
    if main:
        fmt = main[0].fmt
    else:
        fmt = default_format(stdout_tty, environ) if output is None else "text"
    outputs = [Output(fmt, output)] + [o for o in parsed if o.path is not None]
    seen: set[str] = set()
    for o in outputs:
        if o.path is not None:
            key = os.path.abspath(o.path)
            if key in seen:
                raise ValueError(f"{o.path} is named for two outputs")
            seen.add(key)
    return outputs


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step, so a reader never sees half a report.

    Devices and pipes (``/dev/stdout``) are written directly: they cannot be replaced.
    """
    if path.exists() and not path.is_file():
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    atomic.write_atomic(path, text.encode("utf-8"))
