"""``check --stdin-filename PATH``: lint a buffer read from stdin as if it were the file PATH."""

from __future__ import annotations

import os
from pathlib import Path

from linter.engine import LintRequest
from linter.errors import LintError
from linter.manifest import MANIFEST_NAMES
from linter.scanner.files import decode


def stdin_request(request: LintRequest, filename: Path, data: bytes) -> LintRequest:
    """``request`` narrowed to ``filename``, whose text is ``data`` rather than what is on disk.

    Findings are reported for that file only; when it is the manifest, the buffer is the manifest.
    """
    text, reason = decode(data)
    if text is None:
        raise LintError(f"cannot lint stdin: {reason}", str(filename))
    absolute = Path(os.path.abspath(request.cwd / filename))
    if absolute.is_dir():
        raise LintError("is a folder; --stdin-filename names the file whose text is on stdin", str(filename))
    request.paths = [filename]
    request.overrides = {**request.overrides, absolute: text}
    if filename.name in MANIFEST_NAMES and request.manifest is None:
        request.manifest = absolute  # the buffer is the manifest, even beside another fortnox.y*ml
    request.manifest_findings = False  # a manifest buffer is itself in ``paths``
    return request
