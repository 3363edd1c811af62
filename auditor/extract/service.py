"""The extract pipeline without the command line: documents in, draft text, evidence and gap list out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor import __version__
from auditor.evidence.model import Citation, DocumentSource, EvidenceFile, ExtractedValue
from auditor.extract.draft import Draft, Settled, build_draft, render_draft
from auditor.extract.host import (
    InputError,
    Problem,
    UsageError,
    code_problem,
    rule_paths,
    rules_for_edition,
    t,
    validate_draft,
)
from auditor.extract.lexicon import load_lexicon
from auditor.extract.matching import Matches, match
from auditor.extract.outline import build
from auditor.extract.reading import Document, read_document
from auditor.extract.report import GapReport, gap_report

_BODY = re.compile(r"^(.{1,20}?[都道府県市区町村])(?:の)?(?:情報セキュリティ|サイバーセキュリティ)")
_PREFECTURE = ("都", "道", "府", "県")


@dataclass(frozen=True)
class Options:
    """What the command line adds: identity the documents cannot give, and how to read them."""

    entity_code: str | None = None
    entity_name: str | None = None
    model: str | None = None
    edition: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class Extraction:
    """The result of one run."""

    documents: tuple[Document, ...]
    matches: Matches
    draft: Draft
    text: str
    edition: str

    def evidence(self, today: dt.date) -> EvidenceFile:
        """The evidence file: every value set from a clause, with the rules that read its path."""
        rules_by_path: dict[str, list[str]] = {}
        for rule in rules_for_edition(self.edition):
            for path in rule_paths(rule):
                rules_by_path.setdefault(path, []).append(rule.id)
        values = tuple(
            ExtractedValue(
                path=path,
                value=_json(settled.value),
                citation=settled.citation,
                confidence=settled.confidence,
                basis=settled.basis,
                rules=tuple(rules_by_path.get(path, ())),
            )
            for path, settled in self.draft.values.items()
            if settled.citation is not None
        )
        documents = tuple(
            DocumentSource(file=d.file, sha256=d.sha256, format=d.format, pages=d.pages, title=d.title)
            for d in self.documents
        )
        return EvidenceFile(
            generator=f"auditor {__version__} extract", documents=documents, values=values, created_on=today
        )

    def report(self, today: dt.date) -> GapReport:
        """The 改定対応 gap list against the rules of the edition."""
        return gap_report(self.draft, self.matches, self.edition, today)


def extract(paths: Sequence[Path], options: Options, output_name: str = "draft.yaml") -> Extraction:
    """Read every document, match, decide, write and validate the draft; raise InputError/UsageError."""
    documents: list[Document] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for path in paths:
        try:
            document = read_document(path, str(path), encoding=options.encoding)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if document.sha256 in seen:
            problems.append(Problem(str(path), None, None, t("extract.duplicate_input")))
            continue
        seen.add(document.sha256)
        documents.append(document)
    if problems:
        raise InputError(problems)
    trees = [(document, build(document)) for document in documents]
    matches = match(trees, load_lexicon())
    identity = _identity(documents, matches, options)
    draft = build_draft(matches, identity)
    text = render_draft(draft, documents)
    try:
        validate_draft(text, output_name)
    except InputError as exc:
        detail = exc.problems[0].format() if exc.problems else str(exc)
        raise UsageError(t("extract.draft_invalid", detail=detail)) from None
    return Extraction(
        documents=tuple(documents),
        matches=matches,
        draft=draft,
        text=text,
        edition=str(identity["policy.guideline_edition"].value),
    )


def _identity(documents: Sequence[Document], matches: Matches, options: Options) -> dict[str, Settled]:
    """entity, guideline edition and network model: from the options, else from the documents, else refused."""
    given = t("extract.draft.from_option")
    identity: dict[str, Settled] = {}
    name = options.entity_name
    name_citation: Citation | None = None
    if name is None:
        for document in documents:
            for line in (document.title, *(line.text for line in document.lines[:5])):
                found = _BODY.match(line.strip()) if line else None
                if found and line:
                    name = found.group(1)
                    name_citation = Citation(
                        file=document.file,
                        page=document.lines[0].page,
                        clause="",
                        quote=line.strip()[:200],
                        title=document.title,
                        line=document.lines[0].line if document.lines[0].page is None else None,
                    )
                    break
            if name is not None:
                break
    if name is None:
        raise UsageError(t("extract.need_name"))
    basis = given if name_citation is None else "文書名から / from the document's title"
    identity["entity.name"] = Settled(name, name_citation, basis)
    if options.entity_code is None:
        raise UsageError(t("extract.need_code"))
    problem = code_problem(options.entity_code)
    if problem is not None:
        raise UsageError(t("extract.bad_code", detail=problem))
    identity["entity.code"] = Settled(options.entity_code, None, given)
    kind = "prefecture" if name.endswith(_PREFECTURE) else "municipality"
    identity["entity.type"] = Settled(kind, None, f"団体名「{name}」から / from the name")
    for path, option, key in (
        ("policy.guideline_edition", options.edition, "extract.need_edition"),
        ("network.model", options.model, "extract.need_model"),
    ):
        if option is not None:
            identity[path] = Settled(option, None, given)
        elif path in matches.values:
            candidate = matches.values[path]
            identity[path] = Settled(candidate.value, candidate.citation, candidate.basis, candidate.confidence)
        else:
            raise UsageError(t(key))
    return identity


def _json(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
