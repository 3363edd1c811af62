"""Checks of the rule catalogue itself (``auditor rules lint``).

A rule is wrong when: a path it checks does not exist in the policy schema (or the audit context
``audited_against``), an id does not match its area prefix or file name, a source names an unknown
document or gives what its kind cannot have (editions outside the guideline, an in-force date
outside a law), it rests on secondary sources only, its guideline citation names no section of the
guideline, a translation is missing (Japanese text without Japanese, English text
that is Japanese, or both the same), it replaces a rule that does not exist or shares an edition
with it, or its pass/fail examples do not behave as stated.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from auditor.errors import InputError, Problem
from auditor.files.yamlsource import YamlDocument
from auditor.policy.loader import validate_policy
from auditor.rules.catalogue import Catalogue, LoadedRule
from auditor.rules.coverage import guideline_citation, section_of
from auditor.rules.rule import ID_PREFIXES, Rule, Text, leaves
from auditor.rules.schema_check import leaf_problem, policy_field, source_problems

EXAMPLE_DATE = dt.date(2026, 11, 22)
"""Fixed date at which rule examples are evaluated, so lint results never change with the clock."""

BASE_ENTITIES = {
    "municipality": {"name": "例示市", "code": "019992", "type": "municipality"},
    "prefecture": {"name": "例示県", "code": "470007", "type": "prefecture"},
}


def field_annotation(path: str) -> Any:
    """The type annotation of the policy (or audit-context) field at dotted ``path``, or None."""
    return policy_field(path)


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
MAX_JAPANESE_IN_ENGLISH = 0.2
"""English text may quote a Japanese term (e.g. LGWAN接続系) but must not be Japanese prose."""


def japanese_share(text: str) -> float:
    """Share of Japanese characters (kana, kanji) among the non-blank characters of ``text``."""
    visible = [char for char in text if not char.isspace()]
    return len(_JAPANESE.findall(text)) / len(visible) if visible else 0.0


def translation_problems(name: str, text: Text) -> list[str]:
    """What is wrong with a bilingual text: missing Japanese, English that is Japanese, or a copy."""
    problems = []
    if not _JAPANESE.search(text.ja):
        problems.append(f"{name}.ja has no Japanese text")
    if japanese_share(text.en) > MAX_JAPANESE_IN_ENGLISH:
        problems.append(f"{name}.en is not in English")
    if text.ja.strip() == text.en.strip():
        problems.append(f"{name} is not translated (ja and en are the same)")
    return problems


def _texts(rule: Rule) -> list[tuple[str, Text]]:
    texts = [("title", rule.title), ("description", rule.description), ("remediation", rule.remediation)]
    if rule.manual is not None:
        texts.append(("manual.evidence", rule.manual.evidence))
    if rule.applies_to.when_text is not None:
        texts.append(("applies_to.when_text", rule.applies_to.when_text))
    return texts


def example_policy(rule: Rule, fragment: dict[str, Any], name: str) -> YamlDocument:
    """A minimal valid policy for ``rule`` with ``fragment`` merged in."""
    base: dict[str, Any] = {
        "entity": dict(BASE_ENTITIES[rule.applies_to.entities[0]]),
        "policy": {"guideline_edition": rule.editions()[-1]},
        "network": {"model": rule.applies_to.models[0]},
    }
    merged = deep_merge(base, fragment)
    return YamlDocument(file=name, data=merged, positions={}, sha256="")


def deep_merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """``overlay`` merged into a copy of ``base`` (mappings recursively, other values replaced)."""
    result = copy.deepcopy(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def run_example(loaded: LoadedRule, kind: str, index: int, fragment: dict[str, Any], edition: str) -> str:
    """The status the rule gives on one of its example fragments."""
    document = example_policy(loaded.rule, fragment, f"{loaded.file}#examples.{kind}[{index}]")
    policy = validate_policy(document)
    from auditor.audit.engine import evaluate_rule  # lint sits above the engine: it runs each example

    return evaluate_rule(loaded.rule, policy, edition=edition, today=EXAMPLE_DATE).status


def lint_rule(loaded: LoadedRule) -> list[Problem]:
    """Every problem with one rule."""
    rule = loaded.rule
    problems: list[Problem] = []

    def report(message: str, key: tuple[str | int, ...] = ("id",)) -> None:
        position = loaded.document.position(key)
        problems.append(Problem(loaded.file, position.line if position else None, None, f"{rule.id}: {message}"))

    prefix = rule.id.split("-")[0]
    if ID_PREFIXES.get(prefix) != rule.area:
        report(f"id prefix '{prefix}' does not belong to area '{rule.area}'")
    stem = loaded.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem != rule.id:
        report(f"file name '{stem}' should be the rule id")
    if (rule.area == "statutory") != (rule.tier() == "statutory"):
        report("a rule cites a law exactly when it is in area 'statutory' (法令上の義務)", ("area",))
    if rule.check is None and rule.manual is None:
        report("has neither a check nor manual evidence", ("check",))
    for index, message in source_problems(rule):
        report(message, ("sources", index))
    if rule.tier() == "guideline" and guideline_citation(rule) is not None and section_of(rule) is None:
        report(
            f"citation '{guideline_citation(rule)}' names no section of the guideline "
            "(cite e.g. '対策基準 6.1 …', '対策基準 3.(1) …' or '基本方針 8 …')",
            ("sources",),
        )
    for name, text in _texts(rule):
        for message in translation_problems(name, text):
            report(message, (name.split(".")[0],))
    conditions = [c for c in (rule.check, rule.applies_to.when) if c is not None]
    for condition in conditions:
        for leaf in leaves(condition):
            for path in (leaf.path, leaf.value_path):
                if path is not None and field_annotation(path) is None:
                    report(f"path '{path}' does not exist in the policy schema", ("check",))
            misfit = leaf_problem(leaf)  # the operator or value does not fit the field (packs refuse it)
            if misfit is not None and misfit[0] == "op":
                report(misfit[1], ("check",))
    edition = rule.editions()[-1]
    examples = rule.examples
    if rule.check is not None and not (examples.fail and (examples.pass_ or examples.manual)):
        report("a rule with a check needs 'fail' and 'pass' (or 'manual') examples", ("examples",))
    expectations = {
        "pass": examples.pass_,
        "fail": examples.fail,
        "not_applicable": examples.not_applicable,
        "manual": examples.manual or ([] if rule.check is not None else [{}]),
    }
    for kind, fragments in expectations.items():
        for index, fragment in enumerate(fragments):
            try:
                status = run_example(loaded, kind, index, fragment, edition)
            except (InputError, ValidationError) as exc:
                report(f"example {kind}[{index}] is not a valid policy: {str(exc).splitlines()[0]}", ("examples",))
                continue
            if status != kind:
                report(f"example {kind}[{index}] gives '{status}', expected '{kind}'", ("examples",))
    return problems


def replacement_problems(catalogue: Catalogue) -> list[Problem]:
    """``replaces`` must name existing rules of other editions (or `rules diff` would mislead)."""
    by_id = {loaded.rule.id: loaded.rule for loaded in catalogue.rules}
    problems = []
    for loaded in catalogue.rules:
        rule = loaded.rule
        position = loaded.document.position(("replaces",))
        line = position.line if position else None
        for old_id in rule.replaces:
            old = by_id.get(old_id)
            if old is None:
                problems.append(Problem(loaded.file, line, None, f"{rule.id}: replaces unknown rule {old_id}"))
            elif set(old.editions()) & set(rule.editions()):
                problems.append(
                    Problem(loaded.file, line, None, f"{rule.id}: replaces {old_id}, which is in the same edition(s)")
                )
    return problems


def lint_catalogue(catalogue: Catalogue) -> list[Problem]:
    """Every problem in every rule of ``catalogue``."""
    problems = [problem for loaded in catalogue.rules for problem in lint_rule(loaded)]
    return problems + replacement_problems(catalogue)
