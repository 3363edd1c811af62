"""The matching knowledge: per policy path, the phrases that find a clause and what the clause means.

The knowledge is data (``rules/lexicon/*.yaml``, one file per area, kept with the rules), reviewed
like the rules. Each entry names a policy ``path`` and says how a sentence about it is found and read:

``topic``
    groups of alternative phrases; every group must occur in the sentence or in what encloses it
    (the article's caption, the lead sentence of an item list, the chapter title), and at least
    one group in the sentence itself.
``context`` / ``exclude``
    one of ``context`` must occur in the sentence or its enclosing headings; no ``exclude`` phrase
    may occur in the sentence.
``values``
    what each modality means for the value: ``must``, ``must_unless`` (an obligation with an
    exception), ``should``, ``may``, ``must_not``, ``must_not_unless`` (ただし…この限りでない),
    ``not_required``, each optionally ``+approval`` (許可を得て, 許可なく). A modality not listed
    leaves the value unanswered: nothing is ever defaulted.
``number``
    ``units`` (unit → factor: 年 → 365 for days) and the ``qualifiers`` accepted (``min`` 以上,
    ``max`` 以下・以内, ``none``), for an obligation stating a number.
``frequency``
    the value is the frequency an obligation states (毎年度 → annual, 毎月 → monthly, ...).
``pattern``
    a regular expression the sentence must match too (one role and not a longer name containing it).
``choices`` / ``items`` / ``capture``
    an enumerated value chosen by a phrase; a list built from the phrases a provision (and its
    items) names; a text captured by a regular expression (group ``value``).

:func:`check_lexicon` verifies every entry against the policy schema (``auditor rules lint``
runs it): the path exists, every value fits the field's type, units and regular expressions
are usable.
"""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from auditor.extract.host import Problem, field_annotation, value_fits
from auditor.extract.numbering import fold
from auditor.rules.catalogue import LEXICON_DIRNAME, builtin_rules_dir

LEXICON_DIR = builtin_rules_dir() / LEXICON_DIRNAME
"""Kept with the rules (``rules/lexicon/``, shipped in the wheel with the catalogue)."""

MODALITY_KEYS = frozenset(
    f"{modality}{suffix}"
    for modality in ("must", "must_unless", "should", "may", "must_not", "must_not_unless", "not_required")
    for suffix in ("", "+approval")
)
QUALIFIERS = frozenset({"min", "max", "above", "below", "none"})
_ENTRY_KEYS = frozenset(
    {
        "path",
        "topic",
        "context",
        "exclude",
        "values",
        "number",
        "frequency",
        "choices",
        "items",
        "capture",
        "confidence",
        "note",
        "modalities",
        "pattern",
    }
)


@dataclass(frozen=True)
class Choice:
    """A phrase (any of ``phrases``) that selects ``value``."""

    phrases: tuple[str, ...]
    value: Any


@dataclass(frozen=True)
class Entry:
    """How one policy path is found in a document and what the found clause means."""

    path: str
    topic: tuple[tuple[str, ...], ...]
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    units: dict[str, float] = field(default_factory=dict)
    qualifiers: tuple[str, ...] = ()
    frequency: bool = False
    choices: tuple[Choice, ...] = ()
    items: tuple[Choice, ...] = ()
    capture: re.Pattern[str] | None = None
    pattern: re.Pattern[str] | None = None
    """A regular expression the sentence must match as well (e.g. one role name and not a longer one)."""
    modalities: tuple[str, ...] = ("must",)
    """For number, frequency, choices, items and capture: the modalities under which they count."""
    confidence: float = 0.9
    file: str = ""
    index: int = 0

    @property
    def kind(self) -> str:
        """Which way the value is read: number, frequency, choices, items, capture or values."""
        if self.units:
            return "number"
        if self.frequency:
            return "frequency"
        if self.choices:
            return "choices"
        if self.items:
            return "items"
        if self.capture is not None:
            return "capture"
        return "values"

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every topic phrase (used to skip sentences quickly)."""
        return tuple(phrase for group in self.topic for phrase in group)


@dataclass(frozen=True)
class Lexicon:
    """Every entry, in file order."""

    entries: tuple[Entry, ...]

    def paths(self) -> list[str]:
        """The policy paths the lexicon can settle, without repeats."""
        return list(dict.fromkeys(entry.path for entry in self.entries))


@functools.cache
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Read every ``*.yaml`` of the lexicon (trusted package data; :func:`check_lexicon` lints it)."""
    entries: list[Entry] = []
    for path in sorted(directory.glob("*.yaml")):
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader()) or {}
        for index, item in enumerate(raw.get("entries", [])):
            entries.append(_entry(item, f"lexicon/{path.name}", index))
    return Lexicon(tuple(entries))


def _loader() -> Any:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _phrases(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    return tuple(fold(str(item)) for item in value or [])


def _entry(item: dict[str, Any], file: str, index: int) -> Entry:
    topic = tuple(_phrases(group) for group in item.get("topic", []))
    number = item.get("number") or {}
    choices = tuple(Choice(_phrases(choice.get("phrases")), choice.get("value")) for choice in item.get("choices", []))
    items = tuple(Choice(_phrases(choice.get("phrases")), choice.get("value")) for choice in item.get("items", []))
    capture = item.get("capture")
    default_modalities = ("must",)
    return Entry(
        path=str(item.get("path", "")),
        topic=topic,
        context=_phrases(item.get("context")),
        exclude=_phrases(item.get("exclude")),
        values=dict(item.get("values") or {}),
        units={fold(str(unit)): float(factor) for unit, factor in (number.get("units") or {}).items()},
        qualifiers=tuple(number.get("qualifiers") or ("min", "none")),
        frequency=bool(item.get("frequency", False)),
        choices=choices,
        items=items,
        capture=re.compile(fold(capture)) if isinstance(capture, str) else None,
        pattern=re.compile(fold(item["pattern"])) if isinstance(item.get("pattern"), str) else None,
        modalities=tuple(item.get("modalities") or default_modalities),
        confidence=float(item.get("confidence", 0.9)),
        file=file,
        index=index,
    )


def check_lexicon(directory: Path = LEXICON_DIR) -> list[Problem]:
    """Every problem in the lexicon: unknown keys, paths not in the policy schema, values that do not fit."""
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.yaml")):
        name = f"rules/lexicon/{path.name}"
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader()) or {}
        except yaml.YAMLError as exc:
            problems.append(Problem(name, None, None, f"YAML: {str(exc).splitlines()[0]}"))
            continue
        if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list):
            problems.append(Problem(name, None, None, "expected a mapping with a list 'entries'"))
            continue
        for index, item in enumerate(raw["entries"]):
            for message in _entry_problems(item):
                problems.append(Problem(name, None, None, f"entries[{index}] ({_path_of(item)}): {message}"))
    return problems


def _path_of(item: Any) -> str:
    return str(item.get("path")) if isinstance(item, dict) else "?"


def _entry_problems(item: Any) -> list[str]:
    if not isinstance(item, dict):
        return ["expected a mapping"]
    problems = [f"unknown key '{key}'" for key in item if key not in _ENTRY_KEYS]
    path = item.get("path")
    annotation = field_annotation(path) if isinstance(path, str) else None
    if annotation is None:
        return [*problems, f"path '{path}' does not exist in the policy schema"]
    topic = item.get("topic")
    if (
        not isinstance(topic, list)
        or not topic
        or not all(
            isinstance(group, list) and group and all(isinstance(p, str) and p.strip() for p in group)
            for group in topic
        )
    ):
        problems.append("topic must be a non-empty list of non-empty lists of phrases")
    for key in ("context", "exclude"):
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
            problems.append(f"{key} must be a list of phrases")
    ways = [key for key in ("values", "number", "frequency", "choices", "items", "capture") if item.get(key)]
    if len(ways) != 1:
        problems.append(
            f"needs exactly one of values, number, frequency, choices, items, capture (has {ways or 'none'})"
        )
    values = item.get("values") or {}
    if not isinstance(values, dict):
        problems.append("values must map modalities to values")
        values = {}
    for key, value in values.items():
        if key not in MODALITY_KEYS:
            problems.append(f"values: unknown modality '{key}'")
        elif value is not None and not value_fits(value, annotation):
            problems.append(f"values.{key}: {value!r} does not fit the field")
    number = item.get("number")
    if number is not None:
        if annotation is not int:
            problems.append("number is only for whole-number fields")
        units = number.get("units") if isinstance(number, dict) else None
        if (
            not isinstance(units, dict)
            or not units
            or not all(isinstance(factor, int | float) and factor > 0 for factor in units.values())
        ):
            problems.append("number.units must map units to positive factors")
        qualifiers = number.get("qualifiers", []) if isinstance(number, dict) else []
        if not set(qualifiers) <= QUALIFIERS:
            problems.append(f"number.qualifiers must be among {sorted(QUALIFIERS)}")
    if item.get("frequency") and not value_fits("annual", annotation):
        problems.append("frequency is only for frequency fields")
    for key in ("choices", "items"):
        for position, choice in enumerate(item.get(key) or []):
            if not isinstance(choice, dict) or not _phrases(choice.get("phrases")):
                problems.append(f"{key}[{position}] needs phrases")
                continue
            value = choice.get("value")
            target = annotation
            if key == "items":
                target = typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else None
            if target is None or not value_fits(value, target):
                problems.append(f"{key}[{position}].value {value!r} does not fit the field")
    capture = item.get("capture")
    if capture is not None:
        if annotation is not str:
            problems.append("capture is only for text fields")
        try:
            if "value" not in re.compile(fold(str(capture))).groupindex:
                problems.append("capture needs a group named 'value'")
        except re.error as exc:
            problems.append(f"capture: {exc}")
    pattern = item.get("pattern")
    if pattern is not None:
        try:
            re.compile(fold(str(pattern)))
        except re.error as exc:
            problems.append(f"pattern: {exc}")
    modalities = item.get("modalities", [])
    if not isinstance(modalities, list) or not set(modalities) <= {"must", "may", "should", "none", "must_not"}:
        problems.append("modalities must be among must, may, should, must_not, none")
    confidence = item.get("confidence", 0.9)
    if isinstance(confidence, bool) or not isinstance(confidence, int | float) or not 0 < confidence <= 1:
        problems.append("confidence must be a number in (0, 1]")
    return problems
