"""The message tables, one module per concern, merged into one ``key -> {ja, en}`` table.

Keys are prefixed by concern (``file.``, ``outcome.``, ``report.`` …); a key defined in two
tables is an error caught at import, so tables can grow independently.
"""

from __future__ import annotations

from auditor.i18n.messages import (
    audit,
    batch,
    checklist,
    cli,
    config,
    diff,
    evidence,
    extract,
    files,
    help,
    options,
    oscal,
    progress,
    reports,
    rules,
    values,
)

_TABLES = (
    files.MESSAGES,
    rules.MESSAGES,
    audit.MESSAGES,
    diff.MESSAGES,
    reports.MESSAGES,
    batch.MESSAGES,
    cli.MESSAGES,
    config.MESSAGES,
    extract.MESSAGES,
    evidence.MESSAGES,
    help.MESSAGES,
    options.MESSAGES,
    progress.MESSAGES,
    checklist.MESSAGES,
    oscal.MESSAGES,
    values.MESSAGES,
)


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in _TABLES:
        twice = merged.keys() & table.keys()
        if twice:
            raise RuntimeError(f"message keys defined twice: {sorted(twice)}")
        merged.update(table)
    return merged


MESSAGES: dict[str, dict[str, str]] = _merge()
