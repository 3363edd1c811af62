"""What auditor's OSCAL documents share: the version, deterministic identifiers, metadata and props.

The documents follow OSCAL 1.2.1 (NIST's JSON Schemas of that release validate each of them in
the tests, ``tests/data/oscal/``). Every identifier is a uuid5 under :data:`NAMESPACE` of a name
made from the inputs (rule ids, the policy's SHA-256, the edition, the audit date, the language),
and every timestamp is a date at midnight in Japan, so the same input gives byte-identical
output. auditor's own properties carry :data:`NS`; the texts are in one language per document
(OSCAL has no field for the language: it is the ``lang`` property of the metadata).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from typing import Any

from auditor import __version__

OSCAL_VERSION = "1.2.1"
NS = "urn:auditor:oscal"
"""The namespace of auditor's OSCAL properties (``props[].ns``)."""
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, NS)
JST = dt.timezone(dt.timedelta(hours=9))
MIC = {"ja": "総務省", "en": "Ministry of Internal Affairs and Communications (総務省)"}


def uuid_of(*parts: str) -> str:
    """The deterministic identifier of the object named by ``parts``."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def timestamp(day: dt.date, *, end_of_day: bool = False) -> str:
    """``day`` at 00:00:00 (or 23:59:59) Japan time, as OSCAL's date-time with a time zone."""
    moment = dt.time(23, 59, 59) if end_of_day else dt.time(0, 0, 0)
    return dt.datetime.combine(day, moment, JST).isoformat()


def line(text: str) -> str:
    """``text`` as one line without outer spaces (OSCAL titles and property values)."""
    return " ".join(str(text).split()) or "-"


def prop(name: str, value: object, *, cls: str | None = None, standard: bool = False) -> dict[str, Any]:
    """One property; ``standard`` for OSCAL's own names (``label``, ``sort-id``), else in :data:`NS`."""
    item: dict[str, Any] = {"name": name, "value": line(str(value))}
    if not standard:
        item["ns"] = NS
    if cls is not None:
        item["class"] = cls
    return item


def clean(value: Any) -> Any:
    """``value`` without ``None`` members and empty lists or objects (OSCAL arrays hold at least one item)."""
    if isinstance(value, Mapping):
        cleaned = {key: clean(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item is not None and item != [] and item != {}}
    if isinstance(value, list):
        return [clean(item) for item in value if item is not None]
    return value


def metadata(
    title: str, day: dt.date, lang: str, *, props: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    """The metadata every document has: title, date, version (auditor's), OSCAL version, language."""
    return {
        "title": line(title),
        "last-modified": timestamp(day),
        "version": __version__,
        "oscal-version": OSCAL_VERSION,
        "props": [prop("lang", lang), prop("generator", f"auditor {__version__}"), *(props or [])],
        **extra,
    }


def document(model: str, body: dict[str, Any]) -> str:
    """The JSON text of one OSCAL document (``{model: body}``), stable for the same content."""
    return json.dumps({model: clean(body)}, ensure_ascii=False, indent=2) + "\n"
