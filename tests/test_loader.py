"""The loader: safe YAML, positions, all errors at once with file:line:col, did-you-mean, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor import exitcodes
from auditor.errors import InputError
from auditor.i18n import set_language
from auditor.policy.entity import code_check_digit
from auditor.policy.loader import load_policy, parse_policy
from tests.helpers import run_cli

MINIMAL = """\
entity:
  name: 例示市
  code: '019992'
  type: municipality
policy:
  guideline_edition: R7.3
network:
  model: alpha
"""


@pytest.fixture(autouse=True)
def _japanese() -> None:
    set_language("ja")


def _problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_policy(text, "p.yaml")
    return [p.format() for p in caught.value.problems]


def test_minimal_policy_loads_with_positions() -> None:
    loaded = parse_policy(MINIMAL, "p.yaml")
    assert loaded.policy.entity.name == "例示市"
    position = loaded.document.position(("network", "model"))
    assert position is not None and (position.line, position.column) == (8, 3)
    # an undeclared path is located at its nearest declared ancestor
    nearest = loaded.document.position(("network", "segments", "mynumber"))
    assert nearest is not None and nearest.line == 7


def test_all_validation_errors_are_reported_at_once_with_lines() -> None:
    text = MINIMAL.replace("model: alpha", "model: gamma") + "organisation:\n  cisoo:\n    appointed: yes\n"
    problems = _problems(text)
    assert len(problems) == 2
    assert problems[0].startswith("p.yaml:8:3: 'network.model'")
    assert "alpha" in problems[0]
    assert problems[1].startswith("p.yaml:10:3:")
    assert "cisoo" in problems[1] and "'ciso'" in problems[1]  # did you mean


def test_duplicate_keys_are_an_error_naming_both_lines() -> None:
    problems = _problems(MINIMAL + "network:\n  model: beta\n")
    assert problems == ["p.yaml:9:1: キー 'network' が重複しています（最初の定義は 7 行目）"]


def test_wrong_types_are_not_coerced() -> None:
    text = MINIMAL + "organisation:\n  ciso:\n    appointed: 'true'\n"
    assert "真偽値" in _problems(text)[0]


@pytest.mark.parametrize(
    ("code", "fragment"),
    [("019991", "検査数字"), ("489992", "01〜47"), ("12345", "6 桁"), ("010006", "都道府県のコード")],
)
def test_local_government_code_is_validated(code: str, fragment: str) -> None:
    problems = _problems(MINIMAL.replace("'019992'", f"'{code}'"))
    assert problems and fragment in problems[0]
    assert problems[0].startswith(("p.yaml:3:", "p.yaml:4:"))  # the code, or the type it contradicts


def test_check_digit_of_known_codes() -> None:
    # 札幌市 011002, 東京都 130001, 千代田区 131016, 大阪府 270008
    assert [code_check_digit(c) for c in ("01100", "13000", "13101", "27000")] == [2, 1, 6, 8]


def test_unsafe_tags_are_refused() -> None:
    problems = _problems(MINIMAL + "x: !!python/object/apply:os.system ['echo hacked']\n")
    assert "!!python/object/apply:os.system" in problems[0]


def test_alias_bomb_is_bounded() -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        refs = ",".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    problems = _problems(MINIMAL + "\n".join(lines) + "\n")
    assert "エイリアス" in problems[0]


def test_shift_jis_file_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "sjis.yaml"
    path.write_bytes(MINIMAL.encode("cp932"))
    with pytest.raises(InputError) as caught:
        load_policy(path)
    assert "Shift_JIS" in str(caught.value)


def test_cli_reports_every_problem_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace("model: alpha", "model: gamma") + "foo: 1\n", encoding="utf-8")
    result = run_cli("validate", path)
    assert result.code == exitcodes.USAGE_OR_INPUT
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(str(path) in line for line in lines)
    assert "Traceback" not in result.stderr


def test_english_messages(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL + "foo: 1\n", encoding="utf-8")
    result = run_cli("validate", path, "--lang", "en")
    assert "unknown key 'foo'" in result.stderr
