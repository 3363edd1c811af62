"""Generate a synthetic national data set: one policy file per local body of Japan (1,788 bodies).

47 prefectures and 1,741 municipalities (20 designated cities, other cities, Tokyo's 23 special
wards, towns and villages) laid out per prefecture the way the real 全国地方公共団体コード are:
``PP000`` for the prefecture, ``PP100``/``PP130``/``PP150`` for designated cities, ``PP201...``
for cities, ``13101...`` for the special wards, ``PP3xx``-``PP9xx`` for towns and villages in
blocks by district (郡), each with its check digit. Counts per prefecture follow the real
structure closely; the municipalities' names are invented, the prefectures' are real.

Each policy starts from the ``auditor init --example`` template for its network model and entity type and
is varied deterministically: a maturity per body (larger bodies tend to be more mature), a
national propensity per field to be left out or declared weaker than the guideline expects, the
guideline edition the policy follows, occasional missing sections and exceptions (例外措置),
some of them expired. The shares are plausible, not survey figures. Every file is validated
as it is written, so the data set audits cleanly (no unusable files).

Usage::

    python bench/national.py OUT_DIR                 # all 1,788 bodies, OUT_DIR/<PP>/<code>.yaml
    python bench/national.py OUT_DIR --count 50      # 50 bodies spread over the country
    python bench/national.py OUT_DIR --seed 7        # another, equally deterministic, nation
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from auditor.policy import Policy, code_check_digit
from auditor.policy.base import submodel
from auditor.policy.loader import parse_policy
from auditor.policy.template import render_template

# (prefecture code, name, municipalities, of which cities); Tokyo's cities exclude the 23 wards.
PREFECTURES: tuple[tuple[int, str, int, int], ...] = (
    (1, "北海道", 179, 35),
    (2, "青森県", 40, 10),
    (3, "岩手県", 33, 14),
    (4, "宮城県", 35, 14),
    (5, "秋田県", 25, 13),
    (6, "山形県", 35, 13),
    (7, "福島県", 59, 13),
    (8, "茨城県", 44, 32),
    (9, "栃木県", 25, 14),
    (10, "群馬県", 35, 12),
    (11, "埼玉県", 63, 40),
    (12, "千葉県", 54, 37),
    (13, "東京都", 62, 26),
    (14, "神奈川県", 33, 19),
    (15, "新潟県", 30, 20),
    (16, "富山県", 15, 10),
    (17, "石川県", 19, 11),
    (18, "福井県", 17, 9),
    (19, "山梨県", 27, 13),
    (20, "長野県", 77, 19),
    (21, "岐阜県", 42, 21),
    (22, "静岡県", 35, 23),
    (23, "愛知県", 54, 38),
    (24, "三重県", 29, 14),
    (25, "滋賀県", 19, 13),
    (26, "京都府", 26, 15),
    (27, "大阪府", 43, 33),
    (28, "兵庫県", 41, 29),
    (29, "奈良県", 39, 12),
    (30, "和歌山県", 30, 9),
    (31, "鳥取県", 19, 4),
    (32, "島根県", 19, 8),
    (33, "岡山県", 27, 15),
    (34, "広島県", 23, 14),
    (35, "山口県", 19, 13),
    (36, "徳島県", 24, 8),
    (37, "香川県", 17, 8),
    (38, "愛媛県", 20, 11),
    (39, "高知県", 34, 11),
    (40, "福岡県", 60, 29),
    (41, "佐賀県", 20, 10),
    (42, "長崎県", 21, 13),
    (43, "熊本県", 45, 14),
    (44, "大分県", 18, 14),
    (45, "宮崎県", 26, 9),
    (46, "鹿児島県", 43, 19),
    (47, "沖縄県", 41, 11),
)
TOKYO_WARDS = 23
DESIGNATED_CITIES = {
    1: 1,
    4: 1,
    11: 1,
    12: 1,
    14: 3,
    15: 1,
    22: 2,
    23: 1,
    26: 1,
    27: 2,
    28: 1,
    33: 1,
    34: 1,
    40: 2,
    43: 1,
}
DESIGNATED_CODES = (100, 130, 150)
NATIONAL_TOTAL = 1788

Kind = Literal["prefecture", "designated", "city", "ward", "town", "village"]

# Network model shares by kind of body (α, α', β, β'): larger bodies move to β/β' more often.
MODEL_WEIGHTS: dict[str, tuple[float, float, float, float]] = {
    "prefecture": (0.45, 0.20, 0.25, 0.10),
    "designated": (0.30, 0.10, 0.30, 0.30),
    "city": (0.60, 0.10, 0.20, 0.10),
    "ward": (0.50, 0.10, 0.25, 0.15),
    "town": (0.80, 0.05, 0.10, 0.05),
    "village": (0.85, 0.05, 0.07, 0.03),
}
MODELS = ("alpha", "alpha_prime", "beta", "beta_prime")
# Mean maturity by kind; a body's own maturity is drawn around it.
MATURITY = {"prefecture": 0.85, "designated": 0.85, "city": 0.72, "ward": 0.78, "town": 0.62, "village": 0.55}
EDITION_WEIGHTS = {"R7.3": 0.35, "R6.10": 0.30, "R5.3": 0.20, "R4.3": 0.10, "R2.12": 0.05}
OPTIONAL_SECTIONS = ("telework", "social_media", "external_services", "outsourcing")
WAIVER_RULES = ("MN-007", "LG-005", "BT-009", "IN-002", "AP-003")
REFERENCE_DATE = dt.date(2026, 11, 22)
"""Dates (adoption, waivers) are drawn around this day so the data set does not age."""

_FIRST = (
    "東西南北上下中大小新高若青白長広本古山川石松竹梅桜柳杉森林"
    "宮浜沢岡原野田谷島津崎江瀬坂見里花美富豊春秋朝日月星光明和平清緑"
)
_SECOND = "山川田野原沢島崎岡浜松森井谷根尾津江瀬部宮城野里見坂木戸浦石橋倉塚丘台"
_SUFFIX = {"prefecture": "", "designated": "市", "city": "市", "ward": "区", "town": "町", "village": "村"}
_CISO = {"designated": "副市長", "city": "副市長", "ward": "副区長", "town": "副町長", "village": "副村長"}


@dataclass(frozen=True)
class Body:
    """One local body of the synthetic nation."""

    code: str
    name: str
    kind: Kind

    @property
    def prefecture(self) -> str:
        return self.code[:2]


def with_check_digit(first_five: str) -> str:
    """A six-digit 全国地方公共団体コード from its first five digits."""
    return first_five + str(code_check_digit(first_five))


def bodies(seed: int = 0) -> list[Body]:
    """All 1,788 bodies in code order (deterministic for ``seed``)."""
    found: list[Body] = []
    taken: set[str] = set()
    for number, name, municipalities, cities in PREFECTURES:
        rng = random.Random(f"{seed}:names:{number}")
        names = _names(rng, taken)
        found.append(Body(with_check_digit(f"{number:02d}000"), name, "prefecture"))
        designated = DESIGNATED_CITIES.get(number, 0)
        for index in range(designated):
            found.append(
                Body(with_check_digit(f"{number:02d}{DESIGNATED_CODES[index]}"), next(names) + "市", "designated")
            )
        wards = TOKYO_WARDS if number == 13 else 0
        for index in range(wards):
            found.append(Body(with_check_digit(f"{number:02d}{101 + index}"), next(names) + "区", "ward"))
        for index in range(cities - designated):
            found.append(Body(with_check_digit(f"{number:02d}{201 + index}"), next(names) + "市", "city"))
        rest = municipalities - cities - wards
        for offset, kind in _towns_and_villages(rng, rest):
            found.append(Body(with_check_digit(f"{number:02d}{offset}"), next(names) + _SUFFIX[kind], kind))
    assert len(found) == NATIONAL_TOTAL, len(found)
    assert len({body.code for body in found}) == NATIONAL_TOTAL
    assert len({body.name for body in found}) == NATIONAL_TOTAL
    return found


def _names(rng: random.Random, taken: set[str]) -> Iterator[str]:
    """Invented names in a shuffled order, each used once in the whole country (``taken`` is shared
    by the prefectures): a batch report never shows two bodies of one name."""
    pairs = [a + b for a in _FIRST for b in _SECOND if a != b]
    rng.shuffle(pairs)
    for pair in pairs:
        if pair not in taken:
            taken.add(pair)
            yield pair


def _towns_and_villages(rng: random.Random, count: int) -> Iterator[tuple[int, str]]:
    """Codes 301-999 grouped in district blocks, as real town/village codes are."""
    blocks = max(1, -(-count // 4))
    step = max(10, min(40, 690 // blocks))
    start, left = 300, count
    while left:
        size = min(left, rng.randint(1, min(8, step - 1)))
        for index in range(size):
            yield start + 1 + index, ("village" if rng.random() < 0.2 else "town")
        left -= size
        start += step
    assert start < 1000 + step


def _leaves(model: type[BaseModel], path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], FieldInfo]]:
    for name, field in model.model_fields.items():
        here = (*path, name)
        sub = submodel(field.annotation)
        if sub is not None:
            yield from _leaves(sub, here)
        elif field.examples:
            yield here, field


FIXED = {("schema_version",), ("policy", "guideline_edition"), ("network", "model")}
LEAVES = [(path, field) for path, field in _leaves(Policy) if path[0] != "entity" and path not in FIXED]


def _weaker(field: FieldInfo, example: Any, rng: random.Random) -> Any:
    """A value of the field's type that differs from the proposed (compliant) one."""
    annotation = _strip_none(field.annotation)
    origin = typing.get_origin(annotation)
    if annotation is bool:
        return not example
    if origin is Literal:
        others = [choice for choice in typing.get_args(annotation) if choice != example]
        return rng.choice(others) if others else example
    if annotation is int:
        low = next((m.ge for m in field.metadata if hasattr(m, "ge")), 0)
        return max(low, int(example) // 2 if example else low)
    if annotation is dt.date or (isinstance(example, str) and example[:2] == "20" and len(example) == 10):
        return (dt.date.fromisoformat(str(example)) - dt.timedelta(days=365 * rng.randint(2, 6))).isoformat()
    if origin is list and isinstance(example, list) and example:
        kept = [item for item in example if rng.random() < 0.5]
        return kept if kept != example else example[:-1]
    return None  # free text: the weaker form is leaving it out


def _strip_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def policy_text(body: Body, seed: int = 0) -> str:
    """The policy file of ``body``: the template for its model, varied deterministically."""
    rng = random.Random(f"{seed}:body:{body.code}")
    propensity = _propensities(seed)
    model = rng.choices(MODELS, weights=MODEL_WEIGHTS[body.kind])[0]
    editions = list(EDITION_WEIGHTS)
    edition = rng.choices(editions, weights=list(EDITION_WEIGHTS.values()))[0]
    if model == "alpha_prime" and editions.index(edition) > 1:
        edition = "R6.10"  # α' exists from the R6.10 edition on
    entity = "prefecture" if body.kind == "prefecture" else "municipality"
    maturity = min(0.98, max(0.2, rng.gauss(MATURITY[body.kind], 0.12)))
    overrides: dict[tuple[str, ...], Any] = {
        ("entity",): {"name": body.name, "code": body.code, "type": entity},
        ("policy", "guideline_edition"): edition,
    }
    if body.kind in _CISO:
        overrides[("organisation", "ciso", "title")] = _CISO[body.kind]
    for path, field in LEAVES:
        if rng.random() < propensity[path] * (1 - maturity) * 0.8:
            overrides[path] = None if rng.random() < 0.4 else _weaker(field, field.examples[0], rng)
    if editions.index(edition) > 1 and rng.random() < 0.5:
        # Policies last revised before R6.10 often predate the statutory policy (施行 2026-04-01).
        overrides[("policy", "statutory_policy_adopted")] = False
    for section in OPTIONAL_SECTIONS:
        if rng.random() < (1 - maturity) * 0.08:
            overrides[(section,)] = None
    text = render_template(model, entity, today=REFERENCE_DATE, overrides=overrides)
    if rng.random() < 0.04:
        text += _waiver(rng)
    return text


_PROPENSITY_CACHE: dict[int, dict[tuple[str, ...], float]] = {}


def _propensities(seed: int) -> dict[tuple[str, ...], float]:
    """How readily each field is left out or weakened nationally (a few often, most rarely)."""
    if seed not in _PROPENSITY_CACHE:
        rng = random.Random(f"{seed}:fields")
        _PROPENSITY_CACHE[seed] = {path: rng.betavariate(0.6, 3.0) for path, _ in LEAVES}
    return _PROPENSITY_CACHE[seed]


def _waiver(rng: random.Random) -> str:
    approved = REFERENCE_DATE - dt.timedelta(days=rng.randint(30, 700))
    expires = approved + dt.timedelta(days=rng.choice((180, 365, 730)))
    return (
        "waivers:\n"
        f"  - rule_id: {rng.choice(WAIVER_RULES)}\n"
        "    justification: システム更改までの経過措置として代替の運用管理を実施している\n"
        "    approver: {role: CISO, name: 情報 太郎}\n"
        f"    approved_on: {approved.isoformat()}\n"
        f"    expires_on: {expires.isoformat()}\n"
    )


def select(all_bodies: list[Body], count: int | None) -> list[Body]:
    """``count`` bodies spread evenly over the country (all of them when ``count`` is None)."""
    if count is None or count >= len(all_bodies):
        return all_bodies
    step = len(all_bodies) / count
    return [all_bodies[int(index * step)] for index in range(count)]


def generate(directory: Path, count: int | None = None, seed: int = 0, check: bool = True) -> list[Path]:
    """Write the data set into ``directory`` (``<PP>/<code>.yaml``) and return the files written."""
    written: list[Path] = []
    for body in select(bodies(seed), count):
        text = policy_text(body, seed)
        target = directory / body.prefecture / f"{body.code}.yaml"
        if check:
            parse_policy(text, str(target))  # raises on a generator bug: the data set must be valid
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=None, help="number of bodies (default: all 1,788)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-check", action="store_true", help="skip validating each file as it is written")
    args = parser.parse_args(argv)
    files = generate(args.directory, args.count, args.seed, check=not args.no_check)
    size = sum(path.stat().st_size for path in files)
    print(f"wrote {len(files)} policies ({size / 1e6:.1f} MB) to {args.directory}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
