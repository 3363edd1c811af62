"""The policy schema's fields by dotted path: what ``init`` comments and ``extract`` drafts read."""

from __future__ import annotations

from typing import Any

from pydantic.fields import FieldInfo

from auditor.policy.base import submodel


def field_at(path: str) -> FieldInfo | None:
    """The field at dotted ``path`` of the policy schema, or None when there is no such field."""
    from auditor.policy import Policy

    model: Any = Policy
    found: FieldInfo | None = None
    for part in path.split("."):
        if model is None or part not in model.model_fields:
            return None
        found = model.model_fields[part]
        model = submodel(found.annotation)
    return found


def description_at(path: str) -> str | None:
    """The field's description (the comment ``auditor init`` writes above it), or None."""
    field = field_at(path)
    return field.description if field is not None else None


def example_at(path: str) -> Any:
    """The compliant example the model proposes for ``path`` (what ``init --example`` writes), or None."""
    field = field_at(path)
    return field.examples[0] if field is not None and field.examples else None


def field_paths() -> list[str]:
    """Every leaf and section path of the policy schema, in model order (the order of ``auditor init``)."""
    from auditor.policy import Policy

    order: list[str] = []

    def walk(model: Any, prefix: str) -> None:
        for name, field in model.model_fields.items():
            order.append(prefix + name)
            sub = submodel(field.annotation)
            if sub is not None:
                walk(sub, f"{prefix}{name}.")

    walk(Policy, "")
    return order
