"""The shared evidence model: a file written by ``auditor extract`` reads back; malformed ones are refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.evidence import Citation, EvidenceFile, EvidenceRecord, ExtractedValue
from auditor.evidence.io import dumps, load

CITATION = Citation(
    file="対策基準.pdf",
    page=8,
    clause="第12条第2項",
    quote="パスワードは12文字以上とすること。",
    title="みどり市情報セキュリティ対策基準",
    caption="パスワード",
)


def test_round_trip_and_review(tmp_path: Path) -> None:
    value = ExtractedValue("human.credentials.password_min_length", 12, CITATION, 0.9, "義務", ("HUM-023",))
    records = value.reviewed("山田", dt.date(2026, 4, 1))
    evidence = EvidenceFile(generator="test", values=(value,), records=records, created_on=dt.date(2026, 4, 1))
    path = tmp_path / "evidence.json"
    path.write_text(dumps(evidence), encoding="utf-8")
    again = load(path)
    assert again == evidence
    assert again.records[0].method == "閲覧" and again.records[0].result == "確認済み"
    assert again.records[0].expires_on() == dt.date(2027, 4, 1)
    record = again.records[0]
    assert record.is_current(dt.date(2027, 3, 31)) and not record.is_current(dt.date(2027, 4, 2))
    expected = "みどり市情報セキュリティ対策基準 第12条第2項（p.8）「パスワードは12文字以上とすること。」"
    assert CITATION.label() == expected


def _record(**changes: object) -> dict[str, object]:
    record = EvidenceRecord(
        rule_id="AUD-002", what="監査報告書", reviewed_on=dt.date(2026, 5, 1), method="閲覧", result="確認済み"
    ).to_json()
    record.update(changes)
    return record


@pytest.mark.parametrize(
    ("change", "member"),
    [
        ({"method": "電話"}, "records[0].method"),
        ({"result": "たぶん"}, "records[0].result"),
        ({"reviewed_on": "2026-13-01"}, "records[0].reviewed_on"),
        ({"valid_until": "2026-01-01"}, "records[0].valid_until"),
        ({"rule_id": ""}, "records[0].rule_id"),
    ],
)
def test_malformed_records_name_the_member(change: dict[str, object], member: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"schema_version": 1, "kind": "auditor-evidence", "generator": "x", "records": [_record(**change)]}),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load(path)
    message = str(caught.value)
    assert str(path) in message and member in message and len(message.splitlines()) == 1


@pytest.mark.parametrize("text", ["{", "[]", '{"kind": "other"}', '\ufeff{"kind": "auditor-evidence"}', "[" * 100_000])
def test_not_an_evidence_file(text: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(path)
    assert str(path) in str(caught.value) and len(str(caught.value).splitlines()) == 1
