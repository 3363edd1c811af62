"""The policy model: what a Japanese local body declares about its information security.

One pydantic model per area of the MIC guideline's 対策基準 (see the sibling modules), with the
root :class:`Policy` in :mod:`auditor.policy.model`. Unknown keys are errors; every control is
optional so that an undeclared control fails its rule as "not declared" rather than failing
validation. The policy JSON Schema is generated from here.

The names below are imported on first use: building the sixty model classes costs more than
the rest of an audit, and a valid policy is checked without them (:mod:`auditor.schemas.compiled`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.policy.base import EDITIONS
    from auditor.policy.entity import Entity
    from auditor.policy.model import Policy
    from auditor.policy.semantics import code_check_digit
    from auditor.policy.waivers import Approver, Waiver

POLICY_SCHEMA_VERSION = 1

_LAZY = {
    "EDITIONS": "auditor.policy.base",
    "Entity": "auditor.policy.entity",
    "Policy": "auditor.policy.model",
    "code_check_digit": "auditor.policy.semantics",
    "Approver": "auditor.policy.waivers",
    "Waiver": "auditor.policy.waivers",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["EDITIONS", "POLICY_SCHEMA_VERSION", "Approver", "Entity", "Policy", "Waiver", "code_check_digit"]
