"""Reading and writing evidence files (JSON), every problem one line naming the file and the member."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.errors import InputError, Problem
from auditor.evidence.model import EvidenceFile, EvidenceFormatError
from auditor.i18n import t

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
"""Largest evidence file read: far above what a whole policy's citations need."""


def dumps(evidence: EvidenceFile) -> str:
    """The evidence file as JSON text (UTF-8, keys in documented order, a final newline)."""
    return json.dumps(evidence.to_json(), ensure_ascii=False, indent=2) + "\n"


def load(path: Path, display: str | None = None) -> EvidenceFile:
    """Read an evidence file; raise :class:`InputError` (exit 2) naming the file and the bad member."""
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_EVIDENCE_BYTES + 1)
    except OSError as exc:
        raise InputError([Problem(name, None, None, t("evidence.unreadable", reason=exc.strerror or exc))]) from None
    if len(raw) > MAX_EVIDENCE_BYTES:
        raise InputError([Problem(name, None, None, t("evidence.too_large", limit=MAX_EVIDENCE_BYTES))])
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError([Problem(name, None, None, t("evidence.not_utf8", offset=exc.start))]) from None
    except json.JSONDecodeError as exc:
        raise InputError([Problem(name, exc.lineno, exc.colno, t("evidence.json", detail=exc.msg))]) from None
    except RecursionError:
        raise InputError([Problem(name, None, None, t("evidence.too_deep"))]) from None
    try:
        return EvidenceFile.from_json(data)
    except EvidenceFormatError as exc:
        raise InputError([Problem(name, None, None, t("evidence.invalid", detail=exc))]) from None
