"""The project configuration (:mod:`auditor.config`) as click's defaults, command by command.

click takes a ``default_map`` (command name → parameter name → value; a group nests its
commands), so a value given on the command line always wins over the configuration.
"""

from __future__ import annotations

from typing import Any

from auditor.config import ProjectConfig


def _set(**values: Any) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value not in (None, [])}


def default_map(config: ProjectConfig | None) -> dict[str, Any] | None:
    """Each command's defaults from ``config`` (``None`` without a configuration)."""
    if config is None:
        return None
    rules = list(config.rules)
    catalogue = _set(edition=config.edition, rule_dirs=rules)
    gate = _set(fail_on=config.fail_on, fail_on_level=config.fail_on_level)
    waivers = _set(waiver_file=config.waivers)
    pack = _set(rule_dirs=rules)
    return {
        "audit": {**catalogue, **gate, **waivers, **_set(baseline_file=config.baseline)},
        "diff": {**catalogue, **gate},
        "batch": {**catalogue, **gate},
        "baseline": {"create": {**catalogue, **waivers}, "update": {**catalogue, **waivers}},
        "rules": {"list": pack, "show": pack, "lint": pack, "diff": pack, "coverage": catalogue},
    }
