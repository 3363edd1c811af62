"""Matching the lexicon against the outline: candidate values, each with its clause, then one decision per path.

For every provision (a node with words of its own, outside the definitions article) and every
sentence in it, each lexicon entry whose topic occurs is read: the sentence's modality
(inherited from the lead sentence for an item list or a table without a predicate of its own),
an exception in it, in the next sentence (ただし…) or in the next 項 (前項の規定にかかわらず), an
approval condition, numbers with units, a frequency. The entry says what that means for the
value; a reading it does not list gives no value.

Decision per path: one value from all clauses (the first clause is cited) is set; clauses
that disagree leave the path unanswered and are reported; a recommendation (望ましい, 努める) or
an obligation with an exception that the entry does not resolve is reported as weaker than a
requirement, and also leaves the path unanswered.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from auditor.evidence.model import QUOTE_LIMIT, Citation
from auditor.extract.host import field_annotation
from auditor.extract.lexicon import Entry, Lexicon
from auditor.extract.meaning import Reading, frequency, is_exception_sentence, quantities, read, sentences
from auditor.extract.numbering import normalise
from auditor.extract.outline import Node, article_text_label, provisions
from auditor.extract.reading import Document

MIN_CONFIDENCE = 0.6
"""Below this a candidate is reported for review, never set."""


@dataclass(frozen=True)
class Candidate:
    """A value one sentence gives for one path."""

    path: str
    value: Any
    citation: Citation
    confidence: float
    basis: str
    order: int


@dataclass(frozen=True)
class Weak:
    """A clause on the topic that does not settle the value: a recommendation, an unresolved exception."""

    path: str
    kind: str
    """should (望ましい・努める), exception (例外付き), low (low confidence)."""
    citation: Citation
    basis: str


@dataclass
class Matches:
    """Everything matching found: the decided values, disagreements and weaker clauses."""

    values: dict[str, Candidate] = field(default_factory=dict)
    conflicts: dict[str, list[Candidate]] = field(default_factory=dict)
    weak: dict[str, list[Weak]] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)
    """Paths with at least one clause on the topic (set, conflicting or weaker)."""


@dataclass
class _Sentence:
    node: Node
    original: str
    folded: str
    start: int
    end: int
    reading: Reading
    inherited: bool
    exception: bool
    local: str
    """The folded sentence plus its enclosing titles and lead sentences."""


def match(documents: Iterable[tuple[Document, Node]], lexicon: Lexicon) -> Matches:
    """Every candidate of every document, decided per path."""
    candidates: dict[str, list[Candidate]] = {}
    weak: dict[str, list[Weak]] = {}
    touched: set[str] = set()
    order = 0
    index = _Index(lexicon)
    for document, root in documents:
        for sentence in _sentences(document, root):
            for entry in index.entries_for(sentence):
                outcome = _apply(entry, sentence, document)
                if outcome is None:
                    continue
                touched.add(entry.path)
                order += 1
                if isinstance(outcome, Weak):
                    weak.setdefault(entry.path, []).append(outcome)
                else:
                    candidates.setdefault(entry.path, []).append(
                        Candidate(
                            outcome.path, outcome.value, outcome.citation, outcome.confidence, outcome.basis, order
                        )
                    )
    return _decide(candidates, weak, touched)


class _Index:
    """Which entries can apply to a sentence: those with a topic phrase in it (or their pattern, or a table row)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.entries = lexicon.entries
        self.by_phrase: dict[str, list[int]] = {}
        for position, entry in enumerate(lexicon.entries):
            for phrase in dict.fromkeys(entry.phrases):
                self.by_phrase.setdefault(phrase, []).append(position)
        self.patterned = [position for position, entry in enumerate(lexicon.entries) if entry.pattern is not None]

    def entries_for(self, sentence: _Sentence) -> list[Entry]:
        if sentence.node.row:
            return list(self.entries)
        text = sentence.folded
        chosen = {position for phrase, positions in self.by_phrase.items() if phrase in text for position in positions}
        for position in self.patterned:
            if position not in chosen:
                pattern = self.entries[position].pattern
                if pattern is not None and pattern.search(text):
                    chosen.add(position)
        return [self.entries[position] for position in sorted(chosen)]


def _decide(candidates: dict[str, list[Candidate]], weak: dict[str, list[Weak]], touched: set[str]) -> Matches:
    result = Matches(weak=weak, touched=touched)
    for path, found in candidates.items():
        confident = [candidate for candidate in found if candidate.confidence >= MIN_CONFIDENCE]
        for candidate in found:
            if candidate.confidence < MIN_CONFIDENCE:
                weak.setdefault(path, []).append(Weak(path, "low", candidate.citation, candidate.basis))
        if not confident:
            continue
        if _is_list(path):
            merged: list[Any] = []
            for candidate in confident:
                merged.extend(item for item in candidate.value if item not in merged)
            first = confident[0]
            result.values[path] = Candidate(
                path,
                _schema_order(path, merged),
                first.citation,
                min(c.confidence for c in confident),
                first.basis,
                first.order,
            )
            continue
        distinct = {repr(candidate.value) for candidate in confident}
        if len(distinct) == 1:
            result.values[path] = max(confident, key=lambda c: (c.confidence, -c.order))
        else:
            result.conflicts[path] = confident
    for path in list(result.values):
        if path in weak and any(item.kind == "exception" for item in weak[path]):
            # An obligation stated plainly in one clause and with an exception in another: not settled.
            result.conflicts[path] = [result.values.pop(path)]
    return result


def _is_list(path: str) -> bool:
    return typing.get_origin(field_annotation(path)) is list


def _schema_order(path: str, items: list[Any]) -> list[Any]:
    annotation = field_annotation(path)
    choices = typing.get_args(typing.get_args(annotation)[0]) if typing.get_origin(annotation) is list else ()
    if not choices:
        return items
    return [choice for choice in choices if choice in items]


def _sentences(document: Document, root: Node) -> Iterable[_Sentence]:
    for node in provisions(root):
        if not node.text or node.is_definition() or node.kind in ("supplement",):
            continue
        if any(ancestor.kind == "supplement" for ancestor in node.ancestors()):
            continue
        folded, index = normalise(node.text)
        spans = sentences(folded)
        lead = _lead(node)
        context = _context(node)
        if node.row and node.parent is not None:
            header = next((child for child in node.parent.children if child.row), None)
            if header is not None and header is not node:
                context = f"{normalise(header.text)[0]} {context}"
        following = _next_sibling(node)
        next_is_exception = following is not None and is_exception_sentence(normalise(following.text)[0])
        for position, (begin, end) in enumerate(spans):
            piece = folded[begin:end]
            reading = read(piece)
            inherited = False
            if reading.modality == "none" and (lead is not None or node.row):
                parent = lead if lead is not None else Reading("must", False, False, "表")
                reading = Reading(
                    parent.modality,
                    reading.exception or parent.exception,
                    reading.approval or parent.approval,
                    f"{parent.trigger}（見出し・柱書から）",
                )
                inherited = True
            later = [folded[b:e] for b, e in spans[position + 1 :]]
            exception = reading.exception or any(is_exception_sentence(text) for text in later[:1]) or next_is_exception
            if is_exception_sentence(piece) and position > 0:
                continue  # the ただし sentence is read as part of the sentence before it
            original_start = index[begin] if begin < len(index) else 0
            original_end = (index[end - 1] + 1) if end - 1 < len(index) else len(node.text)
            yield _Sentence(
                node=node,
                original=node.text[original_start:original_end].strip(),
                folded=piece,
                start=original_start,
                end=original_end,
                reading=reading,
                inherited=inherited,
                exception=exception,
                local=f"{piece} {context}",
            )


def _lead(node: Node) -> Reading | None:
    """The reading of the lead sentence that an item or table row belongs to (the last sentence of its parent)."""
    if node.kind not in ("item", "kanji_item", "kana", "kana_paren", "circled", "row"):
        return None
    for parent in node.ancestors():
        if parent.text:
            folded = normalise(parent.text)[0]
            spans = sentences(folded)
            if spans:
                begin, end = spans[-1]
                reading = read(folded[begin:end])
                if reading.modality != "none":
                    return reading
        if parent.kind in ("article", "chapter", "section", "table", "document"):
            break
    return None


def _context(node: Node) -> str:
    return normalise(" ".join(part for part in (node.title or "", node.context()) if part))[0]


def _next_sibling(node: Node) -> Node | None:
    parent = node.parent
    if parent is None:
        return None
    siblings = parent.children
    position = siblings.index(node)
    if position + 1 < len(siblings) and siblings[position + 1].kind == "paragraph":
        return siblings[position + 1]
    if node.kind == "article":
        return next((child for child in node.children if child.kind == "paragraph"), None)
    return None


def _apply(entry: Entry, sentence: _Sentence, document: Document) -> Candidate | Weak | None:
    if (
        not any(phrase in sentence.folded for phrase in entry.phrases)
        and not (entry.pattern is not None and entry.pattern.search(sentence.folded))
        and not sentence.node.row
    ):  # a table row rarely repeats its topic: its table's title holds it
        return None
    if not all(any(phrase in sentence.local for phrase in group) for group in entry.topic):
        return None
    if entry.context and not any(phrase in sentence.local for phrase in entry.context):
        return None
    if any(phrase in sentence.folded for phrase in entry.exclude):
        return None
    if entry.pattern is not None and not entry.pattern.search(sentence.folded):
        return None
    reading = sentence.reading
    citation = _citation(sentence, document)
    confidence = entry.confidence - (0.1 if sentence.inherited else 0.0)
    words = [phrase for phrase in entry.phrases if phrase in sentence.local][:4]
    basis = f"{'・'.join(words)}; {_describe(reading, sentence.exception)}"
    kind = entry.kind
    if kind == "values":
        key = reading.modality + ("_unless" if sentence.exception and reading.modality in ("must", "must_not") else "")
        for candidate in [f"{key}+approval", key] if reading.approval else [key]:
            if candidate in entry.values:
                value = entry.values[candidate]
                if value is None:
                    return Weak(entry.path, "exception" if "unless" in key else "should", citation, basis)
                return Candidate(entry.path, value, citation, confidence, f"{basis} → {_show(value)}", 0)
        if reading.modality == "should" or key.endswith("_unless"):
            return Weak(entry.path, "should" if reading.modality == "should" else "exception", citation, basis)
        return None
    if reading.modality not in entry.modalities:
        if reading.modality == "should":
            return Weak(entry.path, "should", citation, basis)
        return None
    if sentence.exception and reading.modality == "must":
        return Weak(entry.path, "exception", citation, basis)
    if kind == "number":
        for quantity in quantities(sentence.folded):
            factor = entry.units.get(quantity.unit)
            if factor is None or quantity.qualifier not in entry.qualifiers:
                continue
            value = round(quantity.value * factor)
            return Candidate(entry.path, value, citation, confidence, f"{basis}; {quantity.text} → {value}", 0)
        return None
    if kind == "frequency":
        found = frequency(sentence.folded)
        if found is None:
            return None
        return Candidate(entry.path, found[0], citation, confidence, f"{basis}; {found[1]} → {found[0]}", 0)
    if kind == "choices":
        for choice in entry.choices:
            phrase = next((p for p in choice.phrases if p in sentence.folded), None)
            if phrase is not None:
                return Candidate(
                    entry.path, choice.value, citation, confidence, f"{basis}; {phrase} → {_show(choice.value)}", 0
                )
        return None
    if kind == "items":
        scope = _with_items(sentence)
        found_items = [choice.value for choice in entry.items if any(p in scope for p in choice.phrases)]
        if not found_items:
            return None
        return Candidate(entry.path, found_items, citation, confidence, f"{basis}; {len(found_items)} 項目", 0)
    if kind == "capture" and entry.capture is not None:
        found_text = entry.capture.search(sentence.folded)
        if found_text is None:
            return None
        begin, end = found_text.span("value")
        value = _original_span(sentence, begin, end)
        return Candidate(entry.path, value, citation, confidence, f"{basis}; 「{value}」", 0)
    return None


def _with_items(sentence: _Sentence) -> str:
    """The sentence and, when it leads a list, the items below it."""
    parts = [sentence.folded]
    for child in sentence.node.walk():
        if child is not sentence.node and child.text:
            parts.append(normalise(child.text)[0])
    return " ".join(parts)


def _original_span(sentence: _Sentence, begin: int, end: int) -> str:
    """The original characters of a span of the folded sentence (captured names keep their writing)."""
    folded, index = normalise(sentence.original)
    offset = folded.find(sentence.folded.strip()[:20])
    base = max(offset, 0)
    lead = len(sentence.folded) - len(sentence.folded.lstrip())
    start, stop = base + begin - lead, base + end - lead
    if 0 <= start < stop <= len(index):
        return sentence.original[index[start] : index[stop - 1] + 1]
    return sentence.folded[begin:end]


def _citation(sentence: _Sentence, document: Document) -> Citation:
    node = sentence.node
    quote = sentence.original
    if sentence.exception:
        quote = _with_exception(sentence)
    if len(quote) > QUOTE_LIMIT:
        quote = quote[:QUOTE_LIMIT]
    caption = (
        node.title
        if node.kind == "article"
        else next(
            (ancestor.title for ancestor in node.ancestors() if ancestor.kind == "article" and ancestor.title), None
        )
    )
    return Citation(
        file=document.file,
        page=node.page,
        clause=article_text_label(node),
        quote=quote,
        title=document.title,
        caption=caption,
        line=node.line if node.page is None else None,
    )


def _with_exception(sentence: _Sentence) -> str:
    """The sentence and the ただし sentence right after it, when there is one (still a verbatim substring)."""
    text = sentence.node.text
    rest = text[sentence.end :]
    folded_rest = normalise(rest)[0]
    spans = sentences(folded_rest)
    if spans and is_exception_sentence(folded_rest[spans[0][0] : spans[0][1]]):
        _, index = normalise(rest)
        stop = index[spans[0][1] - 1] + 1 if spans[0][1] - 1 < len(index) else len(rest)
        return text[sentence.start : sentence.end + stop].strip()
    return sentence.original


def _show(value: Any) -> str:
    """A value as the policy YAML writes it (true, "blocked", [a, b])."""
    return json.dumps(value, ensure_ascii=False)


def _describe(reading: Reading, exception: bool) -> str:
    names = {
        "must": "義務",
        "should": "努力義務・推奨",
        "may": "許可・可能",
        "must_not": "禁止",
        "not_required": "不要",
        "none": "定めなし",
    }
    text = f"{names[reading.modality]}（{reading.trigger}）" if reading.trigger else names[reading.modality]
    if exception:
        text += "＋例外（ただし書き等）"
    if reading.approval:
        text += "＋許可・承認の条件"
    return text
