"""Reading and writing evidence files (YAML or JSON), every problem one line naming the file and line.

``auditor extract`` writes JSON and ``auditor checklist import`` writes YAML; people write YAML
by hand. Both are read here: JSON first by :mod:`json` (its syntax errors keep JSON's wording),
then, like YAML, by the safe, bounded loader of :mod:`auditor.files.yamlsource`, which keeps the
line of every value so that a bad record is reported where it is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError, Problem
from auditor.evidence.model import EvidenceFile, EvidenceFormatError
from auditor.files.paths import read_file
from auditor.files.yamlsource import MAX_BYTES, PathKey, Position, decode, parse_yaml
from auditor.i18n import t

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
"""Largest evidence file read: far above what a whole policy's citations need."""

_HEADER = (
    "# auditor evidence register (docs/evidence.md): what was reviewed for each requirement, by whom, when.\n"
    "# `auditor audit POLICY --evidence FILE` settles the 要確認 requirements with these records.\n"
)


@dataclass(frozen=True)
class LoadedEvidence:
    """An evidence file as read: its content and where each member is written."""

    file: str
    evidence: EvidenceFile
    sha256: str = ""
    positions: dict[PathKey, Position] = field(default_factory=dict)

    def line_of(self, member: PathKey) -> int | None:
        """The line of ``member`` (e.g. ``("records", 3, "reviewed_on")``), or of its nearest written parent."""
        for cut in range(len(member), -1, -1):
            found = self.positions.get(member[:cut])
            if found is not None:
                return found.line
        return None


def dumps(evidence: EvidenceFile) -> str:
    """The evidence file as JSON text (UTF-8, keys in documented order, a final newline)."""
    return json.dumps(evidence.to_json(), ensure_ascii=False, indent=2) + "\n"


def dumps_yaml(evidence: EvidenceFile) -> str:
    """The evidence file as YAML for people to read and edit (same members as the JSON; empty ones left out)."""
    data = evidence.to_json()
    for key in ("documents", "values", "subject", "created_on"):
        if not data.get(key):
            data.pop(key, None)
    if "created_on" in data:
        data["created_on"] = evidence.created_on
    if "subject" in data:
        data["subject"] = {k: v for k, v in data["subject"].items() if v is not None}
    data["records"] = [_yaml_record(record) for record in data["records"]]
    body = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    return _HEADER + body


def _yaml_record(record: dict[str, Any]) -> dict[str, Any]:
    """A record without its empty members, dates as YAML dates (unquoted, as people write them)."""
    import datetime as dt

    kept = {key: value for key, value in record.items() if value is not None}
    for key in ("reviewed_on", "valid_until"):
        if key in kept:
            kept[key] = dt.date.fromisoformat(kept[key])
    return kept


class _NoAliases(yaml.SafeDumper):
    """Repeat equal values instead of writing YAML anchors a reader would have to follow."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def load(path: Path, display: str | None = None) -> EvidenceFile:
    """Read an evidence file; raise :class:`InputError` (exit 2) naming the file and the bad member."""
    return read(path, display).evidence


def read(path: Path, display: str | None = None) -> LoadedEvidence:
    """Read an evidence file with the line of every member; raise :class:`InputError` (exit 2)."""
    import hashlib

    name = display or str(path)
    raw = read_file(path, name, limit=MAX_EVIDENCE_BYTES)
    digest = hashlib.sha256(raw).hexdigest()
    data, positions = _parse(raw, name)
    try:
        evidence = EvidenceFile.from_json(data)
    except EvidenceFormatError as exc:
        located = LoadedEvidence(name, EvidenceFile(), digest, positions)
        detail = t("evidence.invalid", detail=exc)
        raise InputError([Problem(name, located.line_of(exc.member), None, detail)]) from None
    return LoadedEvidence(name, evidence, digest, positions)


def _parse(raw: bytes, name: str) -> tuple[Any, dict[PathKey, Position]]:
    """The data of an evidence file and the position of each member (when the YAML loader can give them)."""
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise InputError([Problem(name, None, None, t("evidence.not_utf8", offset=exc.start))]) from None
        except json.JSONDecodeError as exc:
            raise InputError([Problem(name, exc.lineno, exc.colno, t("evidence.json", detail=exc.msg))]) from None
        except RecursionError:
            raise InputError([Problem(name, None, None, t("evidence.too_deep"))]) from None
        if len(raw) > MAX_BYTES or not isinstance(data, dict):
            return data, {}
        try:  # JSON as written by json.dumps is YAML too: read it again for the lines
            return data, parse_yaml(raw.decode("utf-8-sig"), name).positions
        except InputError:
            return data, {}
    if len(raw) > MAX_BYTES:
        raise InputError.of(name, t("file.too_large", size=len(raw), limit=MAX_BYTES))
    document = parse_yaml(decode(raw, name), name)
    return document.data, document.positions
