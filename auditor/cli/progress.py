"""A progress bar for long runs, drawn on standard error only when it is a terminal.

Logs, pipes and CI output never see it (nothing is written unless the stream is a TTY); on a
terminal it redraws one line at most ten times a second and erases itself when done, so the
report and the error lines that follow start on a clean line.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 30
_INTERVAL = 0.1


class ProgressBar:
    """``label [#########.........] 512/1788  29%  0:07``; ``advance`` as work completes."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.label = label
        self.done = 0
        self.enabled = _is_tty(self.stream) if enabled is None else enabled
        self._started = time.monotonic()
        self._drawn = 0.0

    def advance(self, count: int = 1) -> None:
        """Record ``count`` more finished items and redraw when due."""
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= _INTERVAL or self.done >= self.total):
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        fraction = self.done / self.total if self.total else 1.0
        filled = int(_WIDTH * fraction)
        elapsed = int(now - self._started)
        bar = "#" * filled + "." * (_WIDTH - filled)
        self.stream.write(
            f"\r\x1b[K{self.label} [{bar}] {self.done}/{self.total} {fraction:4.0%} {elapsed // 60}:{elapsed % 60:02d}"
        )
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar (only if it was drawn)."""
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False
