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

CONTEXT_ROOT = "audited_against"


def with_context(data: Mapping[str, Any], *, edition: str, today: dt.date) -> dict[str, Any]:
    """``data`` (plain policy data) plus the ``audited_against`` namespace for rule conditions."""
    return {**data, CONTEXT_ROOT: {"edition": edition, "date": today}}
