"""The draft policy YAML: every schema field, the settled ones set and cited, the rest left unanswered.

The draft has the shape ``auditor init`` writes (every section and field in model order, each with
its Japanese description as a comment), but a field is set only where a clause settles it; above
the value stand the clause, page and quote, and what decided it. Every other field is ``null``
(unanswered: the audit reports it as not declared), with the reason when a clause was found but did
not settle it (a recommendation, an exception, clauses that disagree).
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from auditor.evidence.model import Citation
from auditor.extract.host import description_at, field_annotation, field_paths, t
from auditor.extract.matching import Matches
from auditor.extract.reading import Document

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SKIPPED = ("schema_version", "waivers", "evidence")


@dataclass(frozen=True)
class Settled:
    """A value in the draft, with where it came from (a clause, or the command line)."""

    value: Any
    citation: Citation | None
    basis: str
    confidence: float = 1.0


@dataclass
class Draft:
    """What the draft declares: values by dotted path, and notes on the paths left unanswered."""

    values: dict[str, Settled] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def data(self) -> dict[str, Any]:
        """The declared values as nested policy data (unanswered fields absent)."""
        root: dict[str, Any] = {"schema_version": 1}
        for path, settled in self.values.items():
            node = root
            *parents, last = path.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = _python_value(path, settled.value)
        return root


def build_draft(matches: Matches, identity: Mapping[str, Settled]) -> Draft:
    """The draft from the decided matches plus the identity fields (entity, edition, model)."""
    draft = Draft()
    for path, settled in identity.items():
        draft.values[path] = settled
    for path, candidate in matches.values.items():
        if path in identity:
            continue
        draft.values[path] = Settled(candidate.value, candidate.citation, candidate.basis, candidate.confidence)
    for path, found in matches.conflicts.items():
        if path not in draft.values:
            where = "、".join(dict.fromkeys(_short(c.citation) for c in found))
            draft.notes[path] = t("extract.draft.conflict", where=where)
    for path, weak in matches.weak.items():
        if path in draft.values or path in draft.notes:
            continue
        kind = t("extract.modality.should") if weak[0].kind == "should" else t("extract.modality.conditional")
        where = "、".join(dict.fromkeys(_short(item.citation) for item in weak))
        draft.notes[path] = t("extract.draft.weaker", kind=kind, where=where)
    return draft


def _short(citation: Citation) -> str:
    page = f"（p.{citation.page}）" if citation.page is not None else ""
    return f"{citation.clause or citation.file}{page}"


def render_draft(draft: Draft, documents: Sequence[Document]) -> str:
    """The draft as commented YAML in model order."""
    lines = [t("extract.draft.header"), t("extract.draft.sources")]
    for document in documents:
        pages = f", {document.pages} p." if document.pages else ""
        lines.append(
            f"#   {_comment(document.file)} ({document.format}{pages}, sha256 {document.sha256[:16]}…)"
            + (f" {_comment(document.title)}" if document.title else "")
        )
    lines.append("")
    lines.append("schema_version: 1")
    order = field_paths()
    sections = {path for path in order if field_annotation(path) is not None and _is_section(path)}
    for path in order:
        if path.split(".")[0] in _SKIPPED:
            continue
        depth = path.count(".")
        pad = "  " * depth
        name = path.rsplit(".", 1)[-1]
        description = description_at(path)
        if path in sections:
            if path.startswith("security_cloud") and not _wanted_section(draft, path):
                continue
            if description and depth == 0:
                lines.append(f"{pad}# {_comment(description)}")
            lines.append(f"{pad}{name}:")
            continue
        if path.startswith("security_cloud") and not _wanted_section(draft, "security_cloud"):
            continue
        settled = draft.values.get(path)
        if description:
            lines.append(f"{pad}# {_comment(description)}")
        if settled is None:
            note = draft.notes.get(path, t("extract.draft.unanswered"))
            lines.append(f"{pad}{name}: null  # {_comment(note)}")
            continue
        if settled.citation is not None:
            lines.append(f"{pad}# 根拠: {_comment(settled.citation.label(quote_limit=0).split('「')[0])}")
            lines.append(f"{pad}# 引用: 「{_comment(settled.citation.quote)}」")
            lines.append(f"{pad}# 判定: {_comment(settled.basis)}（確度 {settled.confidence:.2f}）")
        else:
            lines.append(f"{pad}# {_comment(settled.basis)}")
        lines.append(f"{pad}{name}: {_scalar(path, settled.value)}")
    return "\n".join(lines) + "\n"


def _wanted_section(draft: Draft, prefix: str) -> bool:
    """The prefectural security-cloud section is written only for a prefecture (or when a value was found)."""
    entity = draft.values.get("entity.type")
    if entity is not None and entity.value == "prefecture":
        return True
    return any(path.startswith(prefix) for path in draft.values)


def _is_section(path: str) -> bool:
    from pydantic import BaseModel

    annotation = field_annotation(path)
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _comment(text: str) -> str:
    return _CONTROL.sub(" ", text)


def _python_value(path: str, value: Any) -> Any:
    if field_annotation(path) is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _scalar(path: str, value: Any) -> str:
    annotation = field_annotation(path)
    if annotation is dt.date:
        return str(value)
    if annotation is str or (typing.get_origin(annotation) is typing.Literal and isinstance(value, str)):
        text = yaml.safe_dump(value, allow_unicode=True, default_style='"', width=10_000).strip()
        return text.removesuffix("...").strip()
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip()
    return dumped.removesuffix("...").strip()
