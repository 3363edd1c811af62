"""``auditor init``: a complete, commented template policy generated from the policy model.

Every field of the model appears with its Japanese description as a comment. By default every
value is unanswered (``null``) with the value the rules expect and their level in a comment
above it (``expected``, worked out by :mod:`auditor.rules.expectations`), so an unedited template
audits as "not declared" everywhere and never as compliant; only who the body is, its network
model and the edition it follows are written. With ``example`` every value is instead the
guideline-compliant example (the field's example), adjusted for the chosen network model and
entity type. ``answers`` and ``notes`` merge a draft of ``auditor extract``: its settled values are
kept with their citation comments, the rest is left unanswered. Generating from the model keeps
the template complete as the model grows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from auditor.policy import Policy
from auditor.policy.base import EDITIONS, submodel
from auditor.policy.fields import description_at

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
}
# β' is β with the business systems moved to the internet connection segment.
MODEL_VALUES["beta_prime"] = {**MODEL_VALUES["beta"], "internet.business_systems_hosted": True}

HEADER = """\
# yaml-language-server: $schema=./policy.schema.json
# （エディタの補完・検査に使うスキーマは auditor schema policy > policy.schema.json で書き出します）
# 情報セキュリティポリシー宣言ファイル（auditor init --example で生成した記入例）
# 値は総務省ガイドラインが求める水準の例です。自団体のポリシー（基本方針・対策基準・実施手順）に
# 合わせて書き換えてください。宣言しない項目は監査で「未宣言」として不適合になります。
# 検査: auditor validate このファイル / 監査: auditor audit このファイル
"""

UNANSWERED_HEADER = """\
# yaml-language-server: $schema=./policy.schema.json
# （エディタの補完・検査に使うスキーマは auditor schema policy > policy.schema.json で書き出します）
# 情報セキュリティポリシー宣言ファイル（auditor init で生成したひな形）
# すべての項目が未回答（null）です。自団体のポリシー（基本方針・対策基準・実施手順）に基づいて
# 記入してください。各項目の上に、要件が求める値（期待値）と区分（必須・推奨）、ルール ID を示します。
# 未回答の項目は監査で「未宣言」として不適合になります（記入例: auditor init --example）。
# 検査: auditor validate このファイル / 監査: auditor audit このファイル
"""

DRAFT_HEADER = """\
# yaml-language-server: $schema=./policy.schema.json
# （エディタの補完・検査に使うスキーマは auditor schema policy > policy.schema.json で書き出します）
# 情報セキュリティポリシー宣言ファイル（auditor init --from {draft} で生成）
# 下書き（auditor extract）が条文から定めた値を根拠とともに残し、それ以外は未回答（null）です。
# 未回答の項目の上に、要件が求める値（期待値）と区分（必須・推奨）、ルール ID を示します。
# 検査: auditor validate このファイル / 監査: auditor audit このファイル
"""

IDENTITY = frozenset({"entity.name", "entity.code", "entity.type", "policy.guideline_edition", "network.model"})
"""Fields written even in an unanswered template: who the body is, its model, the edition it follows."""


RECENT_DATES = ("revised_on", "published_on", "last_performed_on", "last_reviewed_on")
"""Date fields that say when something was last done: the template dates them a month before today,
so that a fresh template does not fail "within the last fiscal year" rules a year later."""


def render_template(
    model: str = "alpha",
    entity: str = "municipality",
    today: dt.date | None = None,
    overrides: Mapping[tuple[str, ...], Any] | None = None,
    *,
    example: bool = True,
    expected: Mapping[str, str] | None = None,
    answers: Mapping[str, Any] | None = None,
    notes: Mapping[str, Sequence[str]] | None = None,
    draft_name: str | None = None,
    extra_sections: Mapping[str, Any] | None = None,
) -> str:
    """The template policy text for ``model`` (alpha, alpha_prime, beta, beta_prime) and ``entity``.

    ``example``: every value is the compliant example; otherwise every value but :data:`IDENTITY`
    is ``null`` with ``expected`` (dotted path -> what the rules expect) in a comment. ``answers``
    (dotted path -> value) and ``notes`` (dotted path -> comment lines) are what a draft settled;
    ``extra_sections`` (``waivers``, ``evidence``) are written as they are. ``overrides`` maps a field
    path to the value to write instead of the proposed one (``None`` leaves the field out); the
    synthetic data set in ``bench/`` varies the template this way.
    """
    if example:
        header = HEADER
    elif draft_name is not None:
        header = DRAFT_HEADER.format(draft=_comment(draft_name))
    else:
        header = UNANSWERED_HEADER
    lines = [header.rstrip("\n"), ""]
    values = _values(model, entity)
    values["recent"] = (today or dt.date.today()) - dt.timedelta(days=30)
    values["overrides"].update(overrides or {})
    values["example"] = example
    values["expected"] = expected or {}
    values["answers"] = answers or {}
    values["notes"] = notes or {}
    _emit(Policy, values, lines, indent=0)
    lines.append("")
    for name, section in (extra_sections or {}).items():
        if section:
            dumped = yaml.dump({name: section}, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
            lines.extend(dumped.rstrip("\n").splitlines())
            lines.append("")
    if not (extra_sections or {}).get("waivers"):
        lines.extend(_WAIVER_EXAMPLE)
    return "\n".join(lines).rstrip("\n") + "\n"


_WAIVER_EXAMPLE = (
    "# 例外措置（§7.4）: 個々の要件を CISO の承認で一時的に免除する場合に記載します。",
    "# waivers:",
    "#   - rule_id: TW-004",
    "#     justification: 代替措置として〇〇を実施している",
    "#     approver: {role: CISO（副市長）, name: 山田 太郎}",
    "#     approved_on: 2026-04-01",
    "#     expires_on: 2027-03-31",
)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _comment(text: str) -> str:
    return " ".join(str(text).split())


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
    answers: Mapping[str, Any] = values["answers"]
    for name, field in model.model_fields.items():
        here = (*path, name)
        dotted = ".".join(here)
        if name in ("schema_version", "waivers", "evidence") and not path:
            if name == "schema_version":
                lines.append(f"{pad}schema_version: 1")
            continue
        if here in overrides and overrides[here] is None and not _answered_below(answers, dotted):
            continue
        if field.description:
            lines.append(f"{pad}# {field.description}")
        sub = submodel(field.annotation)
        if here in overrides and not (sub is not None and _answered_below(answers, dotted)):
            value = overrides[here]
            if isinstance(value, dict):
                lines.append(f"{pad}{name}:")
                for key, item in value.items():
                    child = f"{dotted}.{key}"
                    if not values["example"] and child not in IDENTITY and child not in answers:
                        item = None
                    lines.append(f"{pad}  {key}: {_scalar(answers.get(child, item))}")
            elif values["example"] or dotted in IDENTITY or dotted in answers:
                lines.append(f"{pad}{name}: {_scalar(answers.get(dotted, value))}")
            else:
                _unanswered(values, lines, pad, name, dotted)
            continue
        if sub is not None:
            lines.append(f"{pad}{name}:")
            _emit(sub, values, lines, indent + 1, here)
        elif dotted in answers:
            lines.extend(f"{pad}# {_comment(note)}" for note in values["notes"].get(dotted, ()))
            lines.append(f"{pad}{name}: {_scalar(answers[dotted])}")
        elif not values["example"]:
            _unanswered(values, lines, pad, name, dotted)
        elif name in RECENT_DATES:
            lines.append(f"{pad}{name}: {values['recent'].isoformat()}")
        elif field.examples:
            lines.append(f"{pad}{name}: {_scalar(field.examples[0])}")


def _unanswered(values: dict[str, Any], lines: list[str], pad: str, name: str, dotted: str) -> None:
    lines.extend(f"{pad}# {_comment(note)}" for note in values["notes"].get(dotted, ()))
    expected = values["expected"].get(dotted)
    if expected:
        lines.append(f"{pad}# 期待値: {_comment(expected)}")
    lines.append(f"{pad}{name}: null")


def _answered_below(answers: Mapping[str, Any], dotted: str) -> bool:
    return any(path == dotted or path.startswith(dotted + ".") for path in answers)


def _scalar(value: Any) -> str:
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value  # a YAML date, unquoted, as the model expects
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


@dataclass(frozen=True)
class DraftAnswers:
    """What a draft policy settled: values by dotted path, the comments above each, whole sections."""

    answers: dict[str, Any]
    notes: dict[str, list[str]]
    sections: dict[str, Any]


_INLINE_NOTE = re.compile(r"^\s*[\w]+:\s*null\s+#\s?(?P<note>.*)$")


def draft_answers(path: Path) -> DraftAnswers:
    """Read a draft (``auditor extract``'s, or any policy file): its values, their comments, waivers and evidence.

    The draft must validate as a policy (:class:`~auditor.errors.InputError` otherwise). The comments
    kept for a value are those directly above it (its clause, page, quote and what decided it),
    without the field's description, which the template writes anew; for a value left unanswered,
    the comment on its line (why the document did not settle it).
    """
    from auditor.files.yamlsource import read_text
    from auditor.policy.loader import load_policy

    loaded = load_policy(path, str(path))
    text = read_text(path, str(path))[0].splitlines()
    answers: dict[str, Any] = {}
    notes: dict[str, list[str]] = {}

    def walk(node: Any, prefix: tuple[str, ...]) -> None:
        for key, value in node.items():
            here = (*prefix, key)
            if isinstance(value, dict):
                walk(value, here)
                continue
            dotted = ".".join(here)
            position = loaded.document.positions.get(here)
            comments = _comments_at(text, position.line if position else None, description_at(".".join(here)))
            if comments:
                notes[dotted] = comments
            if value is not None:
                answers[dotted] = value

    walk({k: v for k, v in loaded.data.items() if k not in ("schema_version", "waivers", "evidence")}, ())
    sections = {name: loaded.data[name] for name in ("waivers", "evidence") if loaded.data.get(name)}
    return DraftAnswers(answers=answers, notes=notes, sections=sections)


def _comments_at(lines: list[str], line: int | None, description: str | None) -> list[str]:
    if line is None or not 1 <= line <= len(lines):
        return []
    found: list[str] = []
    inline = _INLINE_NOTE.match(lines[line - 1])
    index = line - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        comment = lines[index].strip()[1:].strip()
        if comment and comment != description:
            found.append(comment)
        index -= 1
    found.reverse()
    if inline and inline["note"].strip():
        found.append(inline["note"].strip())
    return found
