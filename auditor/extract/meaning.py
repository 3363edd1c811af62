"""What a sentence of a policy says: its modality, its conditions and exceptions, numbers with units.

Japanese 例規 put the force of a sentence at its end: 〜しなければならない / 〜ものとする / 〜する
(obligation), 〜よう努める / 〜が望ましい (recommendation), 〜できる / 〜を認める (permission),
〜してはならない / 〜を禁止する / 〜しないこと (prohibition), 〜を要しない (no requirement). The
predicate is read from the end of the sentence, so a 〜できる inside a relative clause does not
make an obligation a permission. Exceptions are ただし…この限りでない, 〜を除き, and a following 項
beginning 前項の規定にかかわらず. Approval conditions (許可を得て, 許可なく, 承認を受けた場合に限り)
are flagged separately, because "forbidden without approval" means approval is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from auditor.extract.numbering import KANJI_NUMERAL, kanji_to_int

Modality = Literal["must", "should", "may", "must_not", "not_required", "none"]

_TAIL_CLEAN = re.compile(r"[。\.\s)」』]+$")


def _ending(words: str, suffix: str = "") -> re.Pattern[str]:
    """A pattern for any of the space-separated ``words`` at the end of a sentence (optionally + ``suffix``)."""
    return re.compile(f"({'|'.join(words.split())}){suffix}$")


_TAILS: tuple[tuple[Modality, re.Pattern[str]], ...] = (
    # Checked in this order against the end of the sentence (after the final 。 is dropped).
    (
        "not_required",
        _ending(
            "要しない 必要としない 必要はない 必要がない 不要とする 不要である 不要 求めない 義務付けない 問わない",
            "(ものとする)?",
        ),
    ),
    (
        "must_not",
        _ending(
            "禁止しなければならない 禁止するものとする 禁止すること てはならない ではならない "
            "禁止する 禁止とする 禁止します 禁ずる 禁じる 禁止されている 認めない 認めないものとする "
            "許可しない 行わない 行ってはならない 使用しない 利用しない させない しない できない "
            "できないものとする ないこと ないものとする 禁止 不可とする 不可 ことのないようにする "
            "ことのないようにすること",
            "(ものとする|こと)?",
        ),
    ),
    (
        "should",
        _ending(
            "望ましい 努める 努めなければならない 努めるものとする 努めること 推奨する 推奨される "
            "心掛ける 心がける 配慮する 考慮する 検討する 検討すること よう努める",
            "(ものとする|こと)?",
        ),
    ),
    (
        "may",
        _ending(
            "ことができる ことができるものとする できる できるものとする 差し支えない 妨げない "
            "してもよい 許可する 認める 認めるものとする 可能とする 可とする ことがある"
        ),
    ),
    (
        "must",
        _ending(
            "なければならない ものとする こと とする する 行う 置く 定める 講ずる 講じる 設ける "
            "実施する 確保する 徹底する 義務付ける 求める 受ける 得る 従う 遵守する 充てる "
            "記録する 保管する 管理する 制限する 報告する させる られる れる である "
            "なっている ている ておく 必須 義務 以上 以内 以下 とおり による"
        ),
    ),
)

_EXCEPTION = re.compile(
    "(この限りでない|この限りではない|(場合|とき|もの)を除き|(場合|とき|もの)を除いて|"
    "を除く。?$|前項の規定にかかわらず|例外として|特例として|やむを得ない場合は)"
)
_EXCEPTION_START = re.compile(
    "^(ただし|但し|前項の規定にかかわらず|前各項の規定にかかわらず|なお、.*(場合は|ときは).*できる)"
)
_APPROVAL = re.compile(
    "(許可|承認|承諾|認可)(を得|を受け|なく|を得ず|を得ない|を要する|を必要とする|制|した|された|"
    "を申請)|無断で|届出|届け出|申請し"
)


@dataclass(frozen=True)
class Reading:
    """The meaning of one sentence: modality, an exception in it, an approval condition."""

    modality: Modality
    exception: bool
    approval: bool
    trigger: str
    """The words that decided the modality (for the evidence's ``basis``)."""


def sentences(folded: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a normalised text (split after 。, never inside 「」 or ()))."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    for position, ch in enumerate(folded):
        if ch in "「『(":
            depth += 1
        elif ch in "」』)" and depth:
            depth -= 1
        elif ch == "。" and depth == 0:
            spans.append((start, position + 1))
            start = position + 1
    if folded[start:].strip():
        spans.append((start, len(folded)))
    return [(begin, end) for begin, end in spans if folded[begin:end].strip()]


def read(sentence: str) -> Reading:
    """The modality of a normalised sentence, read from its end; exception and approval flags."""
    tail = _TAIL_CLEAN.sub("", sentence)
    tail = re.sub(r"\([^()]*\)$", "", tail).rstrip("。 ")
    modality: Modality = "none"
    trigger = ""
    for candidate, pattern in _TAILS:
        found = pattern.search(tail)
        if found:
            modality, trigger = candidate, found.group(0)
            break
    exception = bool(_EXCEPTION.search(sentence)) or bool(_EXCEPTION_START.match(sentence.lstrip()))
    return Reading(modality=modality, exception=exception, approval=bool(_APPROVAL.search(sentence)), trigger=trigger)


def is_exception_sentence(sentence: str) -> bool:
    """A sentence that makes an exception to what precedes it (ただし…この限りでない, 前項の規定にかかわらず…)."""
    stripped = sentence.lstrip()
    return bool(_EXCEPTION_START.match(stripped)) and bool(
        _EXCEPTION.search(stripped) or "できる" in stripped or "認める" in stripped
    )


# --- numbers with units ------------------------------------------------------------------------

_UNITS = [
    "文字",
    "桁",
    "字",
    "日間",
    "日",
    "か月間",
    "ヶ月間",
    "カ月間",
    "ケ月間",
    "ヵ月間",
    "箇月間",
    "か月",
    "ヶ月",
    "カ月",
    "ケ月",
    "ヵ月",
    "箇月",
    "月間",
    "年間",
    "年度",
    "年",
    "週間",
    "週",
    "時間",
    "世代",
    "回",
    "名",
    "人",
    "分",
    "秒",
    "要素",
]
_KANJI_RUN = re.compile(rf"[{KANJI_NUMERAL}]+(?=\s*({'|'.join(_UNITS)}))")
QUALIFIERS = {
    "以上": "min",
    "を超え": "above",
    "超": "above",
    "以下": "max",
    "以内": "max",
    "未満": "below",
    "まで": "max",
}
_NUMBER = re.compile(
    rf"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)\s*({'|'.join(_UNITS)})"
    r"\s*(以上|を超え|超|以下|以内|未満|まで)?"
)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit and qualifier (min: 以上, max: 以下/以内, none), and where it stands."""

    value: float
    unit: str
    qualifier: str
    start: int
    end: int
    text: str


def kanji_numbers_to_digits(folded: str) -> str:
    """Replace 漢数字 before a unit by digits, keeping the length when possible (八文字 → 8文字)."""

    def digits(found: re.Match[str]) -> str:
        value = kanji_to_int(found.group(0))
        return found.group(0) if value is None else str(value)

    return _KANJI_RUN.sub(digits, folded)


def quantities(folded: str) -> list[Quantity]:
    """Every number with a unit in a normalised sentence (漢数字 included)."""
    text = kanji_numbers_to_digits(folded)
    found: list[Quantity] = []
    for match in _NUMBER.finditer(text):
        unit = match.group(2)
        for suffix in ("間",):
            if unit.endswith(suffix) and unit not in ("時間",):
                unit = unit[: -len(suffix)]
        qualifier = QUALIFIERS.get(match.group(3) or "", "none")
        found.append(
            Quantity(
                value=float(match.group(1)),
                unit=unit,
                qualifier=qualifier,
                start=match.start(),
                end=match.end(),
                text=match.group(0),
            )
        )
    return found


# --- frequencies ------------------------------------------------------------------------------

_FREQUENCIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("continuous", re.compile(r"常時|24時間|365日|リアルタイム")),
    ("daily", re.compile(r"毎日|日次|1日1回|1日に1回|日ごと|毎営業日")),
    ("weekly", re.compile(r"毎週|週次|週1回|週に1回|1週間に1回|週ごと")),
    ("monthly", re.compile(r"毎月|月次|月1回|月に1回|1か月に1回|1ヶ月に1回|1カ月に1回|月ごと")),
    ("quarterly", re.compile(r"四半期|3か月に1回|3ヶ月に1回|3カ月に1回|3か月ごと|3ヶ月ごと|年4回")),
    ("annual", re.compile(r"毎年度|毎年|年1回|年に1回|年度1回|年度に1回|1年に1回|1年ごと|年度ごと|各年度|年次")),
    ("ad_hoc", re.compile(r"随時|必要に応じ|適宜")),
)


def frequency(folded: str) -> tuple[str, str] | None:
    """The frequency a sentence states (value, words) or None; the first listed wins (常時 before 毎年)."""
    for value, pattern in _FREQUENCIES:
        found = pattern.search(folded)
        if found:
            return value, found.group(0)
    return None
