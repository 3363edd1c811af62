"""Safe, bounded reading of YAML files with the line and column of every value.

This module owns everything between bytes on disk and plain Python data: size limit, encoding
detection (UTF-8 only; Shift_JIS/CP932 and UTF-16 are recognised and named), safe parsing with
libyaml, duplicate-key detection, a whitelist of YAML tags, limits on nesting depth and on
alias expansion, and a map from each value's path to its position in the file.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError, Problem
from auditor.i18n import t

MAX_BYTES = int(os.environ.get("AUDITOR_MAX_BYTES", str(5 * 1024 * 1024)))
"""Largest input accepted; a policy is a few kilobytes, so 5 MiB is generous and bounds cost."""

MAX_DEPTH = 64
"""Deepest nesting accepted; the policy schema itself is under ten levels deep."""

MAX_NODES = 200_000
"""Most values built from one file, aliases expanded: stops 'billion laughs' alias bombs."""

PathKey = tuple[str | int, ...]

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """A parsed YAML file: the data, and where each value (by path) sits in the file."""

    file: str
    data: dict[str, Any]
    positions: dict[PathKey, Position] = field(default_factory=dict)
    sha256: str = ""

    def position(self, path: PathKey) -> Position | None:
        """Where ``path`` is declared, or the nearest declared ancestor when it is absent."""
        for cut in range(len(path), -1, -1):
            found = self.positions.get(path[:cut])
            if found is not None:
                return found
        return None


def read_text(path: Path, display: str | None = None) -> tuple[str, str]:
    """Read ``path`` as UTF-8 text within :data:`MAX_BYTES`; return (text, sha256 of the bytes)."""
    import hashlib

    name = display or str(path)
    try:
        if path.is_dir():
            raise InputError([Problem(name, None, None, t("file.is_directory"))])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError([Problem(name, None, None, t("file.too_large", size=size, limit=MAX_BYTES))])
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError([Problem(name, None, None, t("file.missing"))]) from None
    except OSError as exc:
        raise InputError([Problem(name, None, None, t("file.unreadable", reason=exc.strerror or exc))]) from None
    if len(raw) > MAX_BYTES:  # the file grew, or is a device such as /dev/zero
        raise InputError([Problem(name, None, None, t("file.too_large", size=len(raw), limit=MAX_BYTES))])
    return decode(raw, name), hashlib.sha256(raw).hexdigest()


def decode(raw: bytes, name: str) -> str:
    """Decode ``raw`` as UTF-8 (an optional BOM is dropped) or say precisely why not."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(raw):
        raise InputError([Problem(name, None, None, t("file.utf16"))])
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError([Problem(name, line, None, t("file.binary"))])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if _looks_cp932(raw):
            raise InputError([Problem(name, line, None, t("file.sjis"))]) from None
        raise InputError([Problem(name, line, None, t("file.not_utf8", offset=exc.start))]) from None


def _looks_utf16(raw: bytes) -> bool:
    # ASCII-heavy UTF-16 without a BOM has a NUL in every other byte.
    sample = raw[:200]
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)


def _looks_cp932(raw: bytes) -> bool:
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def load_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file into a mapping with positions; raise :class:`InputError`."""
    import hashlib

    name = display or str(path)
    text, digest = read_text(path, name)
    doc = parse_yaml(text, name)
    doc.sha256 = digest if digest else hashlib.sha256(text.encode()).hexdigest()
    return doc


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML ``text`` (one document, a mapping at the top) safely, keeping positions."""
    _check_flow_depth(text, name)
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.composer.ComposerError as exc:
            if "single document" in f"{exc.context} {exc.problem}":
                line = exc.problem_mark.line + 1 if exc.problem_mark else None
                raise InputError([Problem(name, line, None, t("yaml.multiple_documents"))]) from None
            raise
    except yaml.MarkedYAMLError as exc:
        raise InputError([_problem_from_yaml_error(exc, name)]) from None
    except yaml.YAMLError as exc:  # unmarked libyaml errors, e.g. control characters
        raise InputError([Problem(name, None, None, t("yaml.syntax", detail=str(exc)))]) from None
    finally:
        loader.dispose()
    if node is None:
        raise InputError([Problem(name, None, None, t("yaml.empty"))])
    if not isinstance(node, yaml.MappingNode):
        mark = node.start_mark
        raise InputError([Problem(name, mark.line + 1, mark.column + 1, t("yaml.not_mapping"))])
    builder = _Builder(name)
    data = builder.build(node, (), 0)
    return YamlDocument(file=name, data=data, positions=builder.positions)


def _problem_from_yaml_error(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    detail = " ".join(part for part in (exc.context, exc.problem) if part)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return Problem(name, line, column, t("yaml.syntax", detail=detail))


def _check_flow_depth(text: str, name: str) -> None:
    """Refuse deeply nested flow collections before libyaml spends seconds composing them."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    line = 1
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError([Problem(name, line, None, t("yaml.too_deep", limit=MAX_DEPTH))])
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n":
            line += 1


class _Builder:
    """Turns a composed node graph into plain data, enforcing the limits and recording positions."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.positions: dict[PathKey, Position] = {}
        self.count = 0
        self._scalars = yaml.constructor.SafeConstructor()

    def _fail(self, node: yaml.Node, message: str) -> InputError:
        mark = node.start_mark
        return InputError([Problem(self.name, mark.line + 1, mark.column + 1, message)])

    def build(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._fail(node, t("yaml.too_many_nodes", limit=MAX_NODES))
        if depth > MAX_DEPTH:
            raise self._fail(node, t("yaml.too_deep", limit=MAX_DEPTH))
        if path not in self.positions:
            self.positions[path] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _ALLOWED_TAGS:
            raise self._fail(node, t("yaml.tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node)
        except yaml.YAMLError as exc:
            raise self._fail(node, t("yaml.syntax", detail=getattr(exc, "problem", exc))) from None

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        merged: list[tuple[str, Any]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged.extend(self._merge_sources(value_node, path, depth))
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _ALLOWED_TAGS:
                raise self._fail(key_node, t("yaml.bad_key"))
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in first_line:
                raise self._fail(key_node, t("yaml.duplicate_key", key=key, first=first_line[key]))
            first_line[key] = line
            self.positions[(*path, key)] = Position(line, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        for key, value in merged:  # explicit keys win over merged ones, as YAML specifies
            result.setdefault(key, value)
        return result

    def _merge_sources(self, node: yaml.Node, path: PathKey, depth: int) -> Iterator[tuple[str, Any]]:
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                raise self._fail(source, t("yaml.merge"))
            yield from self._mapping(source, path, depth + 1).items()
