"""The closed vocabularies shared by policies, rules and evidence: network models, entity types, editions.

Plain ``Literal`` types with no pydantic, so the rule engine can use them without building the
policy models.
"""

from __future__ import annotations

from typing import Literal

Frequency = Literal["continuous", "daily", "weekly", "monthly", "quarterly", "annual", "ad_hoc", "none"]
"""How often something is done; 'annual' means every fiscal year (毎年度)."""

NetworkModel = Literal["alpha", "alpha_prime", "beta", "beta_prime"]
"""三層の対策のモデル: α, α' (R6.10), β, β' (R2.12)."""

EntityType = Literal["municipality", "prefecture"]

Edition = Literal["R2.12", "R4.3", "R5.3", "R6.10", "R7.3"]
"""Guideline editions: 令和2年12月版, 令和4年3月版, 令和5年3月版, 令和6年10月版, 令和7年3月版."""

EDITIONS: tuple[str, ...] = ("R2.12", "R4.3", "R5.3", "R6.10", "R7.3")

EvidenceMethod = Literal["閲覧", "聴取", "実地確認", "設定確認"]
"""How evidence was reviewed: reading a document or record, an interview, an on-site check, a settings check."""

EvidenceResult = Literal["確認済み", "確認できない", "一部確認"]
"""What the review of evidence found: confirmed, could not be confirmed, partly confirmed."""
