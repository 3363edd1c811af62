"""The worst realistic inputs of the report benchmarks, written as policy files.

* :func:`undeclared_policy`: only the header every policy must have (entity, guideline edition,
  network model), so nearly every rule fails as 未宣言.
* :func:`contrary_policy`: ``auditor init --example`` (compliant by construction) with every
  declared value turned against the guideline (booleans negated, numbers set to 1, lists emptied), so
  most rules fail on a declared value: one finding card each.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

HEADER: dict[str, Any] = {
    "schema_version": 1,
    "entity": {"name": "ひかり村", "code": "019992", "type": "municipality"},
    "policy": {"guideline_edition": "R7.3"},
    "network": {"model": "alpha"},
}
KEPT = frozenset({"schema_version", "entity", "policy.guideline_edition", "network.model"})
"""What :func:`contrary_policy` leaves as it is: the identity and the model the rules select by."""


def undeclared_policy(directory: Path) -> Path:
    """A policy declaring only the mandatory header."""
    target = directory / "worst-undeclared.yaml"
    target.write_text(yaml.safe_dump(HEADER, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def contrary_policy(directory: Path) -> Path:
    """The compliant example with every value made wrong (see the module docstring)."""
    example = directory / "compliant-example.yaml"
    subprocess.run(
        [sys.executable, "-m", "auditor", "init", "--example", "--force", "-o", str(example)],
        check=True,
        capture_output=True,
    )
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    data["entity"]["name"] = "ひかり村"
    target = directory / "worst-contrary.yaml"
    target.write_text(yaml.safe_dump(_contrary(data, ""), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _contrary(value: Any, path: str) -> Any:
    if path in KEPT:
        return value
    if isinstance(value, dict):
        return {key: _contrary(item, f"{path}.{key}" if path else key) for key, item in value.items()}
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return 1  # most figures are minimums; 0 is out of the schema
    if isinstance(value, list):
        return []
    return value
