"""The bounded YAML reader builds the same data as PyYAML on valid input, with exact positions.

auditor composes documents from libyaml events itself (libyaml's recursive composer crashed on
deep nesting), so it is checked against ``yaml.safe_load`` on valid YAML: by hand-picked features
and by round-tripping generated data through every dump style.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.errors import InputError
from auditor.files import yamlsource
from auditor.files.yamlsource import parse_yaml

VALID = {
    "anchors and aliases": "base: &b {x: 1, y: [a, b]}\ncopy: *b\nlist: [*b, *b]\n",
    "merge keys, explicit keys win": "a: &a {x: 1, y: 2}\nb:\n  <<: *a\n  y: 3\n",
    "merge of several": "a: &a {x: 1}\nb: &b {y: 2, x: 9}\nc:\n  <<: [*a, *b]\n  z: 3\n",
    "scalar anchors": "a: &v 12\nb: *v\nc: &s text\nd: [*s, *v]\n",
    "block scalars": "literal: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\nkeep: |+\n  x\n\nend: 1\n",
    "quoting": "s: 'single ''quoted'''\nd: \"tab\\there \\u00e9 \\x41\"\nplain: a b c\ncolon: 'a: b'\n",
    "scalar types": "i: 12\nneg: -3\nhex: 0x1F\noct: 0o17\nf: 1.5\nexp: 1e3\ninf: .inf\nt: true\n"
    "y: yes\nn: ~\nnull2: null\ne:\nd: 2025-04-01\nts: 2025-04-01 09:00:00\n",
    "explicit tags": "a: !!str 123\nb: !!int '7'\nc: !!float '1'\nd: !!bool 'true'\ne: !!null ''\n"
    "f: !!seq [1]\ng: !!map {k: v}\nh: !!timestamp 2025-01-02\n",
    "non-specific tag": "a: ! 12\n",
    "japanese": "団体名: 例示市\n一覧: [市長部局, 教育委員会]\n全角空白: '　'\n",
    "document markers": "---\na: 1\n...\n",
    "comments everywhere": "# head\na: 1 # trailing\n# between\nb:\n  # inside\n  - x # item\n",
    "complex scalar key": "? long key\n: value\n",
    "empty collections": "a: []\nb: {}\nc: [[], {}]\n",
    "flow in block": "a:\n  - {b: [1, 2], c: {d: e}}\n  - [x, {y: z}]\n",
    "crlf line ends": "a: 1\r\nb:\r\n  - x\r\n",
    "bom": "\ufeffa: 1\n",
}


@pytest.mark.parametrize("text", VALID.values(), ids=VALID.keys())
def test_same_data_as_pyyaml(text: str) -> None:
    assert parse_yaml(text, "t.yaml").data == yaml.safe_load(text)


def test_keys_stay_text_as_written() -> None:
    # PyYAML would make these keys True, 1 and None; in a policy a key is always a name.
    assert list(parse_yaml("yes: 1\n1: 2\n~: 3\n", "t.yaml").data) == ["yes", "1", "~"]


def test_positions_of_keys_items_and_values() -> None:
    text = "a:\n  b: 1\n  c:\n    - x\n    - {d: 2}\ne: [1, 2]\n"
    document = parse_yaml(text, "t.yaml")
    where = {path: (p.line, p.column) for path, p in document.positions.items()}
    assert where[("a",)] == (1, 1)
    assert where[("a", "b")] == (2, 3)
    assert where[("a", "c", 0)] == (4, 7)
    assert where[("a", "c", 1)] == (5, 7)
    assert where[("a", "c", 1, "d")] == (5, 8)
    assert where[("e", 1)] == (6, 8)
    nearest = document.position(("a", "c", 1, "missing"))
    assert nearest is not None and (nearest.line, nearest.column) == (5, 7)


def test_merged_keys_are_placed_at_the_merge() -> None:
    document = parse_yaml("a: &a {x: 1}\nb:\n  <<: *a\n  y: 2\n", "t.yaml")
    merged = document.position(("b", "x"))
    assert merged is not None and merged.line == 3


def _nested(depth: int) -> str:
    return "a: " + "[" * depth + "]" * depth + "\n"


def test_nesting_limit_is_exact() -> None:
    # The root mapping is one level; the flow sequences fill the rest.
    parse_yaml(_nested(yamlsource.MAX_DEPTH - 1), "t.yaml")
    with pytest.raises(InputError, match="入れ子が深すぎます"):
        parse_yaml(_nested(yamlsource.MAX_DEPTH), "t.yaml")


LOADERS = {"libyaml": getattr(yaml, "CSafeLoader", None), "pure-python": yaml.SafeLoader}


@pytest.mark.parametrize("loader", LOADERS.values(), ids=LOADERS.keys())
@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_deep_nesting_names_our_limit_with_either_loader(
    loader: type[Any] | None, opener: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libyaml from PyYAML 6.0.4 on stops deep flow nesting itself, ahead of our limit (its scanner
    # reads ahead): whatever library and version, the message is ours.
    assert loader is not None, "this PyYAML was built without libyaml"
    monkeypatch.setattr(yamlsource, "_Loader", loader)
    if opener == "- ":
        text = "a:\n" + "".join("  " * level + "- \n" for level in range(1, 3000))
    else:
        text = "a: " + opener * 20_000 + "\n"
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "t.yaml")
    (problem,) = caught.value.problems
    assert problem.line is not None and problem.message == f"入れ子が深すぎます（上限 {yamlsource.MAX_DEPTH} 段）"


def test_value_limit_counts_alias_expansions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_NODES", 49)
    # the root, key a and its list of 10 (13 values), then keys b, c, d with an alias each: 3 x 12
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: *a\nc: *a\nd: *a\n"
    assert parse_yaml(text, "t.yaml").data["d"] == list(range(1, 11))
    with pytest.raises(InputError, match="エイリアス"):
        parse_yaml(text + "e: *a\n", "t.yaml")


def test_an_alias_shares_the_value_instead_of_copying_it() -> None:
    data = parse_yaml("a: &a [1, 2]\nb: *a\n", "t.yaml").data
    assert data["a"] is data["b"]  # cheap, and the data is only ever read


# NEL and the Unicode line/paragraph separators are YAML 1.1 line breaks that PyYAML itself does not
# round-trip (safe_dump then safe_load changes them), so they are not a property of our reader.
_NOT_ROUND_TRIPPED = "\x85\u2028\u2029"
KEYS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters=_NOT_ROUND_TRIPPED),
    min_size=1,
    max_size=12,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**18), 10**18),
    st.floats(allow_nan=False, allow_infinity=True, width=64),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=_NOT_ROUND_TRIPPED),
        max_size=30,
    ),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=40,
)


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(
    data=st.dictionaries(KEYS, DATA, min_size=1, max_size=6),
    flow=st.sampled_from([None, True, False]),
    unicode=st.booleans(),
)
def test_round_trip_of_generated_data(data: dict[str, Any], flow: bool | None, unicode: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode)
    assert parse_yaml(text, "t.yaml").data == yaml.safe_load(text) == data
