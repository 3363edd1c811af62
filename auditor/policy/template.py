"""``auditor init``: a complete, commented template policy generated from the policy model.

Every field of the model appears with its Japanese description as a comment and the value the
guideline expects (the field's example), adjusted for the chosen network model and entity type.
Generating from the model keeps the template complete as the model grows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import yaml
from pydantic import BaseModel

from auditor.policy import Policy
from auditor.policy.base import EDITIONS, submodel

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

ENTITY_EXAMPLES = {
    "municipality": {"name": "みどり市", "name_en": "Midori City", "code": "019992", "type": "municipality"},
    "prefecture": {"name": "みどり県", "name_en": "Midori Prefecture", "code": "470007", "type": "prefecture"},
}

ROLE_TITLES = {
    "ciso": {"municipality": "副市長", "prefecture": "副知事"},
    "general_security_officer": {"municipality": "総務部長", "prefecture": "デジタル推進局長"},
    "department_security_officers": {"municipality": "各部局長", "prefecture": "各部局長"},
    "section_security_managers": {"municipality": "各課室長", "prefecture": "各課室長"},
    "system_managers": {"municipality": "各情報システム所管課長", "prefecture": "各情報システム所管課長"},
    "system_operators": {"municipality": "各情報システム担当者", "prefecture": "各情報システム担当者"},
    "ciso_advisor": {"municipality": "外部の情報セキュリティ専門家", "prefecture": "外部の情報セキュリティ専門家"},
}

# Values that differ by network model (paths under network.segments); None drops the field.
MODEL_VALUES: dict[str, dict[str, Any]] = {
    "alpha": {
        "lgwan.local_breakout": "none",
        "lgwan.lbo_destinations": None,
        "lgwan.tenant_restriction": None,
        "lgwan.cloud_inbound_files": None,
        "lgwan.lbo_endpoint_edr": None,
        "lgwan.cloud_mfa": None,
        "lgwan.lbo_traffic_monitoring": None,
        "lgwan.business_system_access": "local",
        "internet.business_systems_hosted": False,
    },
    "alpha_prime": {
        "lgwan.local_breakout": "restricted_saas",
        "lgwan.business_system_access": "local",
        "internet.business_systems_hosted": False,
    },
    "beta": {
        "lgwan.internet_browsing": "none",
        "lgwan.local_breakout": "none",
        "lgwan.lbo_destinations": None,
        "lgwan.tenant_restriction": None,
        "lgwan.cloud_inbound_files": None,
        "lgwan.lbo_endpoint_edr": None,
        "lgwan.cloud_mfa": None,
        "lgwan.lbo_traffic_monitoring": None,
        "lgwan.business_system_access": "screen_transfer",
        "internet.business_systems_hosted": False,
    },
    "beta_prime": {
        "lgwan.internet_browsing": "none",
        "lgwan.local_breakout": "none",
        "lgwan.lbo_destinations": None,
        "lgwan.tenant_restriction": None,
        "lgwan.cloud_inbound_files": None,
        "lgwan.lbo_endpoint_edr": None,
        "lgwan.cloud_mfa": None,
        "lgwan.lbo_traffic_monitoring": None,
        "lgwan.business_system_access": "screen_transfer",
        "internet.business_systems_hosted": True,
    },
}

HEADER = """\
# yaml-language-server: $schema=./policy.schema.json
# （エディタの補完・検査に使うスキーマは auditor schema policy > policy.schema.json で書き出します）
# 情報セキュリティポリシー宣言ファイル（auditor init で生成したひな形）
# 値は総務省ガイドラインが求める水準の例です。自団体のポリシー（基本方針・対策基準・実施手順）に
# 合わせて書き換えてください。宣言しない項目は監査で「未宣言」として不適合になります。
# 検査: auditor validate このファイル / 監査: auditor audit このファイル
"""


RECENT_DATES = ("revised_on", "published_on", "last_performed_on", "last_reviewed_on")
"""Date fields that say when something was last done: the template dates them a month before today,
so that a fresh template does not fail "within the last fiscal year" rules a year later."""


def render_template(
    model: str = "alpha",
    entity: str = "municipality",
    today: dt.date | None = None,
    overrides: Mapping[tuple[str, ...], Any] | None = None,
) -> str:
    """The template policy text for ``model`` (alpha, alpha_prime, beta, beta_prime) and ``entity``.

    ``overrides`` maps a field path to the value to write instead of the proposed one (``None``
    leaves the field out); the synthetic data set in ``bench/`` varies the template this way.
    """
    lines = [HEADER.rstrip("\n"), ""]
    values = _values(model, entity)
    values["recent"] = (today or dt.date.today()) - dt.timedelta(days=30)
    values["overrides"].update(overrides or {})
    _emit(Policy, values, lines, indent=0)
    lines.append("")
    lines.append("# 例外措置（§7.4）: 個々の要件を CISO の承認で一時的に免除する場合に記載します。")
    lines.append("# waivers:")
    lines.append("#   - rule_id: TW-004")
    lines.append("#     justification: 代替措置として〇〇を実施している")
    lines.append("#     approver: {role: CISO（副市長）, name: 山田 太郎}")
    lines.append("#     approved_on: 2026-04-01")
    lines.append("#     expires_on: 2027-03-31")
    return "\n".join(lines) + "\n"


def _values(model: str, entity: str) -> dict[str, Any]:
    overrides: dict[tuple[str, ...], Any] = {
        ("entity",): ENTITY_EXAMPLES[entity],
        ("policy", "guideline_edition"): EDITIONS[-1],
        ("network", "model"): model,
    }
    for role, titles in ROLE_TITLES.items():
        overrides[("organisation", role, "title")] = titles[entity]
    for dotted, value in MODEL_VALUES[model].items():
        overrides[("network", "segments", *dotted.split("."))] = value
    if entity == "municipality":
        overrides[("security_cloud",)] = None
    else:
        overrides[("network", "segments", "internet", "security_cloud")] = "joined"
    return {"overrides": overrides}


def _emit(
    model: type[BaseModel], values: dict[str, Any], lines: list[str], indent: int, path: tuple[str, ...] = ()
) -> None:
    pad = "  " * indent
    overrides: dict[tuple[str, ...], Any] = values["overrides"]
    for name, field in model.model_fields.items():
        here = (*path, name)
        if name in ("schema_version", "waivers"):
            if name == "schema_version":
                lines.append(f"{pad}schema_version: 1")
            continue
        if here in overrides and overrides[here] is None:
            continue
        if field.description:
            lines.append(f"{pad}# {field.description}")
        if here in overrides:
            value = overrides[here]
            if isinstance(value, dict):
                lines.append(f"{pad}{name}:")
                for key, item in value.items():
                    lines.append(f"{pad}  {key}: {_scalar(item)}")
            else:
                lines.append(f"{pad}{name}: {_scalar(value)}")
            continue
        sub = submodel(field.annotation)
        if sub is not None:
            lines.append(f"{pad}{name}:")
            _emit(sub, values, lines, indent + 1, here)
        elif name in RECENT_DATES:
            lines.append(f"{pad}{name}: {values['recent'].isoformat()}")
        elif field.examples:
            lines.append(f"{pad}{name}: {_scalar(field.examples[0])}")


def _scalar(value: Any) -> str:
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value  # a YAML date, unquoted, as the model expects
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()
