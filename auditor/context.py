"""The audit context a rule may refer to besides the policy: what the policy is audited against.

Rule conditions read dotted paths. Paths under :data:`CONTEXT_ROOT` (``audited_against``) are
not policy fields: the engine fills them for each audit, so a rule can compare, for instance,
``policy.guideline_edition`` with ``audited_against.edition`` ("the policy follows an older
edition than the one it is audited against"). The policy model forbids unknown top-level keys,
so a policy can never declare, or spoof, this namespace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from auditor.policy.base import Edition

CONTEXT_ROOT = "audited_against"


class AuditContext(BaseModel):
    """``audited_against``: the edition and date of the audit (the same keys as the JSON report)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    edition: Edition = Field(description="The guideline edition the policy is audited against")
    date: dt.date = Field(description="The audit date")


def with_context(data: Mapping[str, Any], *, edition: str, today: dt.date) -> dict[str, Any]:
    """``data`` (plain policy data) plus the ``audited_against`` namespace for rule conditions."""
    return {**data, CONTEXT_ROOT: {"edition": edition, "date": today}}
