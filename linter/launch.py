"""The console entry point: a repeated editor check is answered from its recording
(linter.replay) before the CLI and everything it imports are loaded."""

from __future__ import annotations

import sys

from linter.replay import replayed


def main() -> None:
    code = replayed(sys.argv)
    if code is not None:
        sys.exit(code)
    from linter.cli import main as run_cli

    run_cli()
