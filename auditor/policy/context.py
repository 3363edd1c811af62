"""The schema of the audit context (``audited_against``) that rule conditions may read.

Only rule checking needs it (:mod:`auditor.rules.schema_check`); the engine fills the namespace itself
(:func:`auditor.rules.context.with_context`).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from auditor.vocab import Edition


class AuditContext(BaseModel):
    """``audited_against``: the edition and date of the audit (the same keys as the JSON report)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    edition: Edition = Field(description="The guideline edition the policy is audited against")
    date: dt.date = Field(description="The audit date")
