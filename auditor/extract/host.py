"""What ``auditor extract`` takes from the rest of ``auditor``, in one place.

The policy schema's fields, the catalogue and the engine (for the gap list), errors, output and
messages: the extract modules import these from here, so their dependencies read in one file.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from auditor.errors import InputError, Problem, UsageError
from auditor.files.output import InputGuard, write_atomic
from auditor.i18n import t
from auditor.policy.fields import description_at, example_at, field_paths

if TYPE_CHECKING:
    from auditor.rules.rule import Rule

__all__ = [
    "InputError",
    "InputGuard",
    "Problem",
    "UsageError",
    "audit_fragment",
    "description_at",
    "example_at",
    "field_annotation",
    "field_paths",
    "rules_for_edition",
    "t",
    "validate_draft",
    "value_fits",
    "write_atomic",
]


def validate_draft(text: str, name: str) -> dict[str, Any]:
    """Parse and validate the draft YAML as a policy; return its data (raise :class:`InputError`)."""
    from auditor.policy.loader import parse_policy

    return parse_policy(text, name).data


def field_annotation(path: str) -> Any:
    """The policy schema's type for dotted ``path`` (without ``None``), or None when there is no such field."""
    from auditor.rules.schema_check import policy_field

    return policy_field(path)


def value_fits(value: Any, annotation: Any) -> bool:
    """True when the policy could declare ``value`` for a field of type ``annotation``."""
    from auditor.rules.schema_check import value_fits as fits

    return fits(value, annotation)


def code_problem(code: str) -> str | None:
    """What is wrong with a 全国地方公共団体コード, or None."""
    from auditor.policy.semantics import code_problem as problem

    return problem(code)


def rules_for_edition(edition: str) -> list[Rule]:
    """The built-in rules of ``edition`` (the gap list compares the draft with them)."""
    from auditor.rules.catalogue import load_catalogue

    return load_catalogue().for_edition(edition)


def rule_paths(rule: Rule, *, with_condition: bool = False) -> list[str]:
    """The policy paths a rule's check reads (and, ``with_condition``, its applicability condition)."""
    from auditor.rules.rule import leaves

    paths: list[str] = []
    conditions = [rule.check, rule.applies_to.when] if with_condition else [rule.check]
    for leaf in (leaf for condition in conditions for leaf in leaves(condition)):
        for path in (leaf.path, leaf.value_path):
            if path is not None and path not in paths and not path.startswith("audited_against"):
                paths.append(path)
    return paths


def audit_fragment(
    data: dict[str, Any], rules: list[Rule], edition: str, today: dt.date
) -> dict[str, tuple[str, str | None]]:
    """Each rule's status on policy ``data`` (pass, fail, manual, not_applicable, error) and what it expected."""
    from auditor.audit.engine import evaluate_rule
    from auditor.files.yamlsource import YamlDocument
    from auditor.policy.loader import LoadedPolicy

    loaded = LoadedPolicy(data=data, document=YamlDocument(file="draft", data=data, positions={}, sha256=""))
    outcomes: dict[str, tuple[str, str | None]] = {}
    for rule in rules:
        outcome = evaluate_rule(rule, loaded, edition=edition, today=today)
        outcomes[rule.id] = (outcome.status, outcome.expected)
    return outcomes
