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

from auditor.errors import InputError, Problem
from auditor.files.paths import Walk, input_directory, resolved
from auditor.files.yamlsource import YamlDocument, load_yaml
from auditor.i18n import t
from auditor.rules import cache as rulecache
from auditor.rules.rule import AREA_CHAPTERS, Rule
from auditor.vocab import EDITIONS

RULE_SUFFIXES = (".yaml", ".yml")


@functools.cache
def builtin_rules_dir() -> Path:
    """Where the built-in rules are: inside the installed package, or ``rules/`` in a checkout."""
    packaged = Path(str(importlib.resources.files("auditor"))) / "catalogue"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"  # auditor/rules/catalogue.py -> the checkout


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
        present = {edition for loaded in self.rules for edition in loaded.rule.editions()}
        return max(present, key=EDITIONS.index) if present else EDITIONS[-1]

    def editions(self) -> list[str]:
        """Editions the catalogue encodes, oldest first."""
        present = {edition for loaded in self.rules for edition in loaded.rule.editions()}
        return [edition for edition in EDITIONS if edition in present]

    def for_edition(self, edition: str) -> list[Rule]:
        """The rules that belong to ``edition``: those whose guideline source lists it, every statutory
        rule (it applies by the audit date instead), and those resting on another document issued by
        then (:func:`auditor.rules.documents.rule_editions`)."""
        if edition not in self.editions():
            from auditor.errors import UsageError

            raise UsageError(t("rules.edition_unknown", edition=edition, known=", ".join(self.editions())))
        return [loaded.rule for loaded in self.rules if edition in loaded.rule.editions()]

    def select(self, edition: str | None = None) -> tuple[str, list[Rule]]:
        """The edition to audit against (``edition``, else the newest encoded) and its rules."""
        chosen = edition or self.newest_edition()
        return chosen, self.for_edition(chosen)

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


LEXICON_DIRNAME = "lexicon"
"""A directory of the catalogue holding ``auditor extract``'s matching data, not rules."""


def rule_files(directory: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` rule file below ``directory``, sorted (not the lexicon; hidden names and
    linked directories skipped)."""
    walk = Walk(directory, RULE_SUFFIXES, max_entries=MAX_PACK_ENTRIES)
    return sorted(found.path for found in walk if _is_rule_file(found.path, directory))


def _is_rule_file(path: Path, directory: Path) -> bool:
    return LEXICON_DIRNAME not in path.relative_to(directory).parts[:-1]


def load_rule_file(path: Path, display: str | None = None, *, check_schema: bool = True) -> LoadedRule:
    """Read and validate one rule file: the rule schema, then its fit to the policy schema.

    ``check_schema=False`` skips the second part, for ``rules lint``, which reports it itself
    along with everything else that is wrong with the rule.
    """
    return validate_rule(load_yaml(path, display or str(path)), check_schema=check_schema)


def validate_rule(document: YamlDocument, *, check_schema: bool = True) -> LoadedRule:
    """Validate parsed YAML as a rule (see :func:`load_rule_file`); raise :class:`InputError` listing every problem."""
    from pydantic import ValidationError

    from auditor.files.validation import problems_from_validation
    from auditor.rules import schema as rulemodel

    try:
        rule = rulemodel.to_rule(rulemodel.Rule.model_validate(document.data))
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, document, rulemodel.Rule)) from None
    loaded = LoadedRule(rule=rule, file=document.file, document=document)
    problems = _schema_problems([loaded]) if check_schema else []
    if problems:
        raise InputError(problems)
    return loaded


MAX_RULE_FILES = 5000
"""Most rule files read from one directory; the whole guideline needs a few hundred."""

MAX_PACK_ENTRIES = 4 * MAX_RULE_FILES
"""Most directory entries of any kind looked at below one directory: ``--rules /usr`` is refused at once."""

MAX_PACK_BYTES = 2 * 1024 * 1024
"""Most bytes of rule files read from one directory: five times the whole built-in catalogue.

Each file is bounded on its own (:mod:`auditor.files.yamlsource`); this bounds the sum, so a pack of
thousands of maximal files cannot cost minutes."""


def load_catalogue(
    directories: Sequence[Path] | None = None,
    *,
    include_builtin: bool = True,
    use_cache: bool = True,
    check_schema: bool = True,
) -> Catalogue:
    """Load the built-in rules plus any extra directories; every problem is reported at once.

    Extra directories are untrusted packs: besides the rule schema, every path a rule reads must
    exist in the policy schema and every operator and value must fit the field
    (:mod:`auditor.rules.schema_check`, also re-checked on cached data); symbolic links leading out of
    the pack are not followed.
    ``use_cache=False`` always parses the YAML (``rules lint`` wants positions for its messages);
    ``check_schema=False`` (``rules lint`` only, which reports those problems itself) skips the
    policy-schema check and never caches.
    """
    builtin = builtin_rules_dir()
    sources: list[Path] = [builtin] if include_builtin else []
    sources.extend(directories or [])
    problems: list[Problem] = []
    loaded: list[LoadedRule] = []
    to_cache: list[tuple[str, list[LoadedRule]]] = []
    for directory in sources:
        trusted = directory == builtin
        try:
            if not trusted:
                input_directory(directory, not_directory=t("rules.not_directory"))
            files, refused = _pack_files(directory, limited=not trusted)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(refused)
        if not files:
            if not refused:
                problems.append(Problem(str(directory), None, None, t("rules.none", path=directory)))
            continue
        key = rulecache.fingerprint(directory, files)
        cached = _read_cache(key) if use_cache and not refused else None
        if cached is not None:
            from_cache = _from_cache(cached)  # None when damaged: rebuilt below
            if from_cache is not None:
                pack_problems = [] if trusted or not check_schema else _schema_problems(from_cache)
                if not pack_problems:
                    loaded.extend(from_cache)
                    continue
        fresh: list[LoadedRule] = []
        for path in files:
            try:
                fresh.append(load_rule_file(path, _display(path, directory), check_schema=check_schema))
            except InputError as exc:
                problems.extend(exc.problems)
        loaded.extend(fresh)
        if len(fresh) == len(files) and not refused and check_schema:
            to_cache.append((key, fresh))
    problems.extend(_duplicate_ids(loaded))
    if problems:
        raise InputError(problems)
    for key, fresh in to_cache:  # only a catalogue that loaded cleanly is cached (positions matter)
        rulecache.write(key, [(item.file, item.document.data) for item in fresh])
    return Catalogue(tuple(sorted(loaded, key=lambda item: rule_sort_key(item.rule))))


def _read_cache(key: str) -> list[tuple[str, dict[str, Any]]] | None:
    """The cached rule data for ``key``; a damaged or tampered cache reads as no cache."""
    try:
        return rulecache.read(key)
    except (ValueError, TypeError, AttributeError):
        return None


def _pack_files(directory: Path, *, limited: bool) -> tuple[list[Path], list[Problem]]:
    """The rule files of ``directory``, refusing links that lead outside it and, for an untrusted
    pack (``limited``), absurd counts and sizes: the walk stops as soon as a limit is crossed."""
    root = resolved(directory)
    files: list[Path] = []
    problems: list[Problem] = []
    size = 0
    walk = Walk(directory, RULE_SUFFIXES, max_entries=MAX_PACK_ENTRIES)
    for found in walk:
        if not _is_rule_file(found.path, directory):
            continue
        if found.linked and not resolved(found.path).is_relative_to(root):
            problems.append(Problem(str(found.path), None, None, t("rules.outside_pack")))
            continue
        files.append(found.path)
        size += found.size
        if limited and len(files) > MAX_RULE_FILES:
            raise InputError.of(str(directory), t("paths.pack_too_many_files", limit=MAX_RULE_FILES))
        if limited and size > MAX_PACK_BYTES:
            raise InputError.of(str(directory), t("paths.pack_too_large", limit=MAX_PACK_BYTES))
    return sorted(files), [*walk.problems, *problems]


def _schema_problems(rules: Iterable[LoadedRule]) -> list[Problem]:
    from auditor.rules.schema_check import schema_problems

    problems: list[Problem] = []
    for item in rules:
        for key, message in schema_problems(item.rule):
            position = item.document.position(key)
            problems.append(
                Problem(
                    item.file,
                    position.line if position else None,
                    position.column if position else None,
                    f"{item.rule.id}: {message}",
                )
            )
    return problems


def _from_cache(entries: list[tuple[str, dict[str, Any]]]) -> list[LoadedRule] | None:
    """Cached rule data validated again (by the compiled rule schema), or None if any is not a rule."""
    from auditor.schemas import compiled  # the speed seam: the rule schema compiled from rules.schema

    rules = compiled.rules([data for _, data in entries])
    if rules is None:
        return None
    return [
        LoadedRule(rule=rule, file=name, document=YamlDocument(name, data, {}, ""))
        for rule, (name, data) in zip(rules, entries, strict=True)
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
