"""Writing reports safely: atomically (temporary file + rename), never over an input file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from auditor.errors import UsageError
from auditor.i18n import t


def check_not_input(target: Path, inputs: Iterable[Path]) -> None:
    """Refuse ``target`` when it is (or links to) one of the ``inputs``."""
    for source in inputs:
        try:
            if target.exists() and source.exists() and os.path.samefile(target, source):
                raise UsageError(t("cli.refuse_overwrite_input", file=target))
        except OSError:
            continue
        if target.resolve() == source.resolve():
            raise UsageError(t("cli.refuse_overwrite_input", file=target))


def write_atomic(target: Path, payload: str | bytes) -> None:
    """Write ``payload`` to ``target`` so that readers see the old file or the whole new one.

    An interrupted write leaves no partial report: the temporary file is removed on any error,
    including KeyboardInterrupt.
    """
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
