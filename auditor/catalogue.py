"""The rule catalogue: finding, reading and validating rule files, and choosing them by edition.

The built-in catalogue is the repository's ``rules/`` directory, shipped inside the wheel as
``auditor/catalogue``. Extra packs given with ``--rules DIR`` are untrusted data: read with the
same safe YAML reader and validated against the same model, never executed.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditor import rulecache
from auditor.errors import InputError, Problem
from auditor.i18n import t
from auditor.policy.base import EDITIONS
from auditor.rule import AREA_CHAPTERS, Rule
from auditor.validation import problems_from_validation
from auditor.yamlsource import YamlDocument, load_yaml


@functools.cache
def builtin_rules_dir() -> Path:
    """Where the built-in rules are: inside the installed package, or ``rules/`` in a checkout."""
    packaged = Path(str(importlib.resources.files("auditor"))) / "catalogue"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class LoadedRule:
    """A validated rule and the file it came from."""

    rule: Rule
    file: str
    document: YamlDocument


@dataclass(frozen=True)
class Catalogue:
    """A set of rules with unique ids, in guideline order."""

    rules: tuple[LoadedRule, ...]

    def newest_edition(self) -> str:
        """The newest edition any rule belongs to (the default edition to audit against)."""
        present = {edition for loaded in self.rules for edition in loaded.rule.guideline.editions}
        return max(present, key=EDITIONS.index) if present else EDITIONS[-1]

    def editions(self) -> list[str]:
        """Editions the catalogue encodes, oldest first."""
        present = {edition for loaded in self.rules for edition in loaded.rule.guideline.editions}
        return [edition for edition in EDITIONS if edition in present]

    def for_edition(self, edition: str) -> list[Rule]:
        """The rules that belong to ``edition``."""
        if edition not in self.editions():
            from auditor.errors import UsageError

            raise UsageError(t("rules.edition_unknown", edition=edition, known=", ".join(self.editions())))
        return [loaded.rule for loaded in self.rules if edition in loaded.rule.guideline.editions]

    def get(self, rule_id: str) -> LoadedRule:
        """The rule with ``rule_id``; :class:`~auditor.errors.UsageError` when there is none."""
        for loaded in self.rules:
            if loaded.rule.id == rule_id:
                return loaded
        from auditor.errors import UsageError

        raise UsageError(t("rules.unknown_id", id=rule_id))


def rule_sort_key(rule: Rule) -> tuple[int, str, int]:
    """Guideline chapter order, then id prefix, then number: the order of every report."""
    prefix, _, number = rule.id.partition("-")
    return (AREA_CHAPTERS[rule.area][0], prefix, int(number))


def rule_files(directory: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` file below ``directory``, sorted for deterministic order."""
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rule_file(path: Path, display: str | None = None) -> LoadedRule:
    """Read and validate one rule file."""
    name = display or str(path)
    document = load_yaml(path, name)
    try:
        rule = Rule.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, document, Rule)) from None
    return LoadedRule(rule=rule, file=name, document=document)


def load_catalogue(directories: Sequence[Path] | None = None, *, include_builtin: bool = True,
                   use_cache: bool = True) -> Catalogue:
    """Load the built-in rules plus any extra directories; every problem is reported at once.

    ``use_cache=False`` always parses the YAML (``rules lint`` wants positions for its messages).
    """
    sources: list[Path] = [builtin_rules_dir()] if include_builtin else []
    sources.extend(directories or [])
    problems: list[Problem] = []
    loaded: list[LoadedRule] = []
    for directory in sources:
        if not directory.is_dir():
            problems.append(Problem(str(directory), None, None, t("file.missing")))
            continue
        files = rule_files(directory)
        if not files:
            problems.append(Problem(str(directory), None, None, t("rules.none", path=directory)))
            continue
        key = rulecache.fingerprint(directory, files)
        cached = rulecache.read(key) if use_cache else None
        if cached is not None:
            try:
                loaded.extend(_from_cache(cached))
                continue
            except ValidationError:
                pass  # a damaged cache is ignored and rebuilt below
        fresh: list[LoadedRule] = []
        for path in files:
            try:
                fresh.append(load_rule_file(path, _display(path, directory)))
            except InputError as exc:
                problems.extend(exc.problems)
        loaded.extend(fresh)
        if len(fresh) == len(files):
            rulecache.write(key, [(item.file, item.document.data) for item in fresh])
    problems.extend(_duplicate_ids(loaded))
    if problems:
        raise InputError(problems)
    return Catalogue(tuple(sorted(loaded, key=lambda item: rule_sort_key(item.rule))))


def _from_cache(entries: list[tuple[str, dict[str, Any]]]) -> list[LoadedRule]:
    return [
        LoadedRule(rule=Rule.model_validate(data), file=name, document=YamlDocument(name, data, {}, ""))
        for name, data in entries
    ]


def _display(path: Path, directory: Path) -> str:
    if directory == builtin_rules_dir():
        return f"rules/{path.relative_to(directory).as_posix()}"
    return str(path)


def _duplicate_ids(loaded: Iterable[LoadedRule]) -> list[Problem]:
    seen: dict[str, LoadedRule] = {}
    problems: list[Problem] = []
    for item in loaded:
        other = seen.setdefault(item.rule.id, item)
        if other is not item:
            line = item.document.positions.get(("id",))
            message = t("rules.duplicate_id", id=item.rule.id, other=other.file)
            problems.append(Problem(item.file, line.line if line else None, None, message))
    return problems
