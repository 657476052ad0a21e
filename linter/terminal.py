"""Terminal concerns: is a stream a terminal, may we colour it, and the progress counter."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TextIO


def is_tty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def color_enabled(mode: str, stream: object, environ: Mapping[str, str]) -> bool:
    """``--color auto`` colours a terminal unless NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    if mode == "always":
        return True
    if mode == "never":
        return False
    return is_tty(stream) and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


class Progress:
    """``scanned N files…`` on a terminal's stderr, once a scan has run for ``delay`` seconds.

    Small trees finish first and never see it; it is erased before the report is printed.
    """

    def __init__(self, stream: TextIO, delay: float = 0.5, interval: float = 0.1,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.delay, self.interval, self.clock = stream, delay, interval, clock
        self.started = clock()
        self.count = 0
        self.last: float | None = None

    def __call__(self, _display: str = "") -> None:
        self.count += 1
        now = self.clock()
        if now - self.started < self.delay or (self.last is not None and now - self.last < self.interval):
            return
        self.last = now
        self.stream.write(f"\rfortnox-lint: scanned {self.count} files…\x1b[K")
        self.stream.flush()

    def finish(self) -> None:
        if self.last is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
