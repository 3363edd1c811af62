"""Safe, bounded reading of YAML files with the line and column of every value.

This module owns everything between a file's bytes (read by :mod:`auditor.files.paths`: regular
files only, never blocking) and plain Python data: size limit, encoding detection (UTF-8 only;
Shift_JIS/CP932, EUC-JP and UTF-16 are recognised and named), safe parsing with libyaml,
duplicate-key detection, a whitelist of YAML tags, limits on nesting depth and on the number of
values (aliases expanded), and a map from each value's path to its position.

Documents are built from libyaml's *event* stream by an iterative composer (:class:`_Composer`),
never by libyaml's own recursive composer: that one overflows the C stack (a segmentation fault)
on a few hundred thousand nested block sequences, and spends seconds in the garbage collector on
large files. Building from events lets every limit stop the work as soon as it is crossed, so the
cost of a hostile file is bounded by the limits, not by its size.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError, Problem
from auditor.files.paths import read_file
from auditor.files.textsafe import clip
from auditor.i18n import t

MAX_BYTES = int(os.environ.get("AUDITOR_MAX_BYTES", str(5 * 1024 * 1024)))
"""Largest input accepted; a policy is a few tens of kilobytes, so 5 MiB is generous."""

MAX_DEPTH = 64
"""Deepest nesting of collections accepted; the policy schema itself is under ten levels deep."""

MAX_NODES = 100_000
"""Most values (keys included) built from one file, aliases expanded: stops 'billion laughs'.

A complete policy has about two thousand; the limit also bounds the time a large file can cost."""

MAX_NUMBER_CHARS = 64
"""Longest number literal converted; longer ones (e.g. a million digits, or YAML 1.1 base-60
``1:2:3:...`` chains whose conversion is quadratic) are refused instead of hanging the run."""

PathKey = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_SEQ_TAG = f"{_TAG}seq"
_MAP_TAG = f"{_TAG}map"
_MERGE_TAG = f"{_TAG}merge"
_NUMBER_TAGS = {f"{_TAG}int", f"{_TAG}float"}

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_LIBYAML_DEPTH_LIMIT = "exceeded maximum nesting depth"
"""How libyaml (0.2.5 as bundled with PyYAML 6.0.4) words its own nesting limit."""


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


STDIN = "-"
"""The file name that stands for standard input (``auditor audit -``)."""

STDIN_NAME = "<stdin>"
"""How standard input is named in messages and reports."""


def read_text(path: Path, display: str | None = None) -> tuple[str, str]:
    """Read the regular file ``path`` (``-``: standard input) as UTF-8 text within :data:`MAX_BYTES`.

    Returns (text, sha256 of the bytes).
    """
    if str(path) == STDIN:
        name = STDIN_NAME if display in (None, STDIN) else display
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise InputError.of(name, t("file.too_large", size=len(raw), limit=MAX_BYTES))
        return decode(raw, name), hashlib.sha256(raw).hexdigest()
    name = display or str(path)
    raw = read_file(path, name, limit=MAX_BYTES)
    return decode(raw, name), hashlib.sha256(raw).hexdigest()


def decode(raw: bytes, name: str) -> str:
    """Decode ``raw`` as UTF-8 (an optional BOM is dropped) or say precisely why not."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(raw):
        raise InputError.of(name, t("file.utf16"))
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError.of(name, t("file.binary"), line=line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if _looks_japanese(raw, "cp932"):
            raise InputError.of(name, t("file.sjis"), line=line) from None
        if _looks_japanese(raw, "euc_jp"):
            raise InputError.of(name, t("file.eucjp"), line=line) from None
        raise InputError.of(name, t("file.not_utf8", offset=exc.start), line=line) from None


def _looks_utf16(raw: bytes) -> bool:
    # ASCII-heavy UTF-16 without a BOM has a NUL in every other byte.
    sample = raw[:200]
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)


def _looks_japanese(raw: bytes, encoding: str) -> bool:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def load_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file (``-``: standard input) into a mapping with positions; raise :class:`InputError`."""
    name = STDIN_NAME if str(path) == STDIN and display in (None, STDIN) else display or str(path)
    text, digest = read_text(path, name)
    doc = parse_yaml(text, name)
    doc.sha256 = digest
    return doc


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML ``text`` (one document, a mapping at the top) safely, keeping positions."""
    loader = _Loader(text)
    composer = _Composer(name, loader)
    try:
        data = composer.document()
    except yaml.MarkedYAMLError as exc:
        raise InputError([_problem_from_yaml_error(exc, name)]) from None
    except yaml.reader.ReaderError as exc:  # e.g. control characters; the offset is in UTF-8 bytes
        raise InputError([_problem_from_reader_error(exc, text, name)]) from None
    except yaml.YAMLError as exc:
        raise InputError.of(name, t("yaml.syntax", detail=str(exc))) from None
    finally:
        loader.dispose()
    return YamlDocument(file=name, data=data, positions=composer.positions)


def _problem_from_yaml_error(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    detail = " ".join(part for part in (exc.context, exc.problem) if part)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    if _LIBYAML_DEPTH_LIMIT in detail:
        # libyaml from PyYAML 6.0.4 on caps flow nesting in its scanner, which reads ahead of the
        # events, so its limit can fire before ours: report it as our own limit, whichever library.
        return Problem(name, line, column, t("yaml.too_deep", limit=MAX_DEPTH))
    return Problem(name, line, column, t("yaml.syntax", detail=detail))


def _problem_from_reader_error(exc: yaml.reader.ReaderError, text: str, name: str) -> Problem:
    before = text.encode("utf-8")[: max(0, exc.position)].decode("utf-8", "replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return Problem(name, line, column, t("yaml.control_character", code=f"U+{character:04X}"))


@dataclass
class _Frame:
    """An open collection while its events are read."""

    kind: str  # "map" or "seq"
    value: Any
    path: PathKey
    anchor: str | None
    mark: Any
    size: int = 1
    key: str | None = None  # mapping: the key whose value comes next
    key_mark: Any = None
    merging: bool = False  # mapping: the value that comes next is a '<<' merge source
    merged: list[tuple[str, Any]] = field(default_factory=list)
    first_line: dict[str, int] = field(default_factory=dict)


class _Composer:
    """Builds plain data from libyaml events iteratively, enforcing every limit as it goes."""

    def __init__(self, name: str, loader: Any) -> None:
        self.name = name
        self.loader = loader
        self.positions: dict[PathKey, Position] = {}
        self.count = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.constructor = yaml.constructor.SafeConstructor()

    def _fail(self, mark: Any, message: str) -> InputError:
        return InputError.of(self.name, message, line=mark.line + 1, column=mark.column + 1)

    def document(self) -> dict[str, Any]:
        """The single document of the stream, which must be a mapping."""
        loader = self.loader
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            raise InputError.of(self.name, t("yaml.empty"))
        start = loader.get_event()  # DocumentStart
        root, mark = self._compose()
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            following = loader.peek_event().start_mark
            raise InputError.of(self.name, t("yaml.multiple_documents"), line=following.line + 1)
        if root is None:
            raise InputError.of(self.name, t("yaml.empty"))
        if not isinstance(root, dict):
            raise self._fail(mark or start.start_mark, t("yaml.not_mapping"))
        return root

    def _compose(self) -> tuple[Any, Any]:
        """Read the events of one node (the document's root); return its value and start mark."""
        loader = self.loader
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent):
                parent = self.stack[-1] if self.stack else None
                if parent is not None and parent.kind == "map" and parent.key is None and not parent.merging:
                    self._key(parent, event)
                    continue
                value = self._scalar(event)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
                done = self._deliver(value, event.start_mark, 1)
            elif isinstance(event, yaml.AliasEvent):
                done = self._deliver(*self._alias(event))
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                self._open(event)
                continue
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                frame = self.stack.pop()
                value = self._close(frame)
                if frame.anchor is not None:
                    self.open_anchors.discard(frame.anchor)
                done = self._deliver(value, frame.mark, frame.size)
            else:  # pragma: no cover - libyaml emits nothing else inside a document
                raise self._fail(event.start_mark, t("yaml.syntax", detail=type(event).__name__))
            if done is not None:
                return done

    def _count(self, mark: Any, size: int) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise self._fail(mark, t("yaml.too_many_nodes", limit=MAX_NODES))

    def _open(self, event: Any) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        mark = event.start_mark
        if event.tag not in (None, "!", _MAP_TAG if is_map else _SEQ_TAG):
            raise self._fail(mark, t("yaml.tag", tag=_short(event.tag)))
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.kind == "map" and parent.key is None and not parent.merging:
            raise self._fail(mark, t("yaml.bad_key"))  # a collection used as a mapping key
        if len(self.stack) >= MAX_DEPTH:
            raise self._fail(mark, t("yaml.too_deep", limit=MAX_DEPTH))
        self._count(mark, 1)
        path = self._child_path(parent)
        self.positions.setdefault(path, Position(mark.line + 1, mark.column + 1))
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame("map" if is_map else "seq", {} if is_map else [], path, event.anchor, mark))

    def _child_path(self, parent: _Frame | None) -> PathKey:
        if parent is None:
            return ()
        if parent.kind == "seq":
            return (*parent.path, len(parent.value))
        return (*parent.path, parent.key if parent.key is not None else "<<")

    def _close(self, frame: _Frame) -> Any:
        if frame.kind == "map":
            for key, value in frame.merged:  # explicit keys win over merged ones, as YAML specifies
                frame.value.setdefault(key, value)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.value, frame.size)
        return frame.value

    def _alias(self, event: Any) -> tuple[Any, Any, int]:
        mark = event.start_mark
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.kind == "map" and parent.key is None and not parent.merging:
            raise self._fail(mark, t("yaml.bad_key"))  # an alias used as a mapping key
        if event.anchor in self.open_anchors:
            raise self._fail(mark, t("yaml.recursive_alias", anchor=clip(event.anchor)))
        if event.anchor not in self.anchors:
            raise self._fail(mark, t("yaml.undefined_alias", anchor=clip(event.anchor)))
        # The value is shared, not copied (the data is only ever read), but it counts in full.
        value, size = self.anchors[event.anchor]
        self._count(mark, size)
        return value, mark, size

    def _deliver(self, value: Any, mark: Any, size: int) -> tuple[Any, Any] | None:
        """Hand a finished value to the enclosing collection; return (value, mark) for the root."""
        if not self.stack:
            return value, mark
        parent = self.stack[-1]
        parent.size += size
        if parent.kind == "seq":
            self.positions.setdefault((*parent.path, len(parent.value)), Position(mark.line + 1, mark.column + 1))
            parent.value.append(value)
        elif parent.merging:
            parent.merging = False
            for source in value if isinstance(value, list) else [value]:
                if not isinstance(source, dict):
                    raise self._fail(mark, t("yaml.merge"))
                parent.merged.extend(source.items())
                for key in source:
                    self.positions.setdefault((*parent.path, key), parent.key_mark)
        else:
            parent.value[parent.key] = value
            parent.key = None
        return None

    def _key(self, parent: _Frame, event: Any) -> None:
        """A mapping key: a plain string as written (``1:`` is the key "1"), or '<<' for a merge."""
        mark = event.start_mark
        self._count(mark, 1)
        parent.size += 1
        position = Position(mark.line + 1, mark.column + 1)
        if event.tag is None and event.implicit[0] and event.value == "<<":
            parent.merging = True
            parent.key_mark = position
            return
        if event.tag not in (None, "!", f"{_TAG}str"):
            raise self._fail(mark, t("yaml.bad_key"))
        key = event.value
        if event.anchor is not None:
            self.anchors[event.anchor] = (key, 1)
        if key in parent.first_line:
            raise self._fail(mark, t("yaml.duplicate_key", key=clip(key), first=parent.first_line[key]))
        parent.first_line[key] = position.line
        parent.key = key
        self.positions[(*parent.path, key)] = position

    def _scalar(self, event: Any) -> Any:
        mark = event.start_mark
        self._count(mark, 1)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag not in _SCALAR_TAGS:
            raise self._fail(mark, t("yaml.tag", tag=_short(tag)))
        if tag in _NUMBER_TAGS and len(event.value) > MAX_NUMBER_CHARS:
            raise self._fail(mark, t("yaml.number_too_long", limit=MAX_NUMBER_CHARS))
        node = yaml.ScalarNode(tag, event.value, mark, event.end_mark, event.style)
        try:
            value = self.constructor.yaml_constructors[tag](self.constructor, node)
        except Exception as exc:  # e.g. 2025-02-30, or !!int "abc": a located input error, not a crash
            detail = str(getattr(exc, "problem", None) or exc)
            raise self._fail(
                mark, t("yaml.bad_scalar", tag=_short(tag), value=clip(event.value), detail=detail)
            ) from None
        return value


def _short(tag: str | None) -> str:
    return (tag or "?").replace(_TAG, "!!")
