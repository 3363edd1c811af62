"""Mutation fuzzer of the loader and engine: no input may crash them, hang them or break a message.

Seeds are the hostile-input corpus (tests/data/bad), the example policies, ``auditor init --example``
templates and the built-in rule files. Each iteration mutates a seed (bytes, YAML tokens, lines,
splices of two seeds, or a value of the parsed data re-dumped as YAML), writes it to a temporary
file and runs the real library path on it: ``load_policy`` then the engine over every rule and
the JSON and table reporters, or ``load_rule_file`` for rule-shaped input. Allowed: a clean audit or
:class:`~auditor.errors.InputError` whose problems each format to one line. Anything else is a
crash; an input taking longer than ``--slow`` seconds is a hang. Both are saved for replay.

Usage::

    python bench/fuzz.py [--iterations 20000] [--seed 1] [--slow 2.0] [--save DIR]
    python bench/fuzz.py --replay DIR        # re-run saved inputs (e.g. after a fix)

Exit code 0 when there was no crash and no hang, 1 otherwise.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO

TOKENS = [
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: *a",
    "<<: [*a, *b]",
    "? ",
    "|",
    ">-",
    "#",
    "'",
    '"',
    "\\",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "!!python/object/apply:os.system ",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!!set ",
    "!!map ",
    "!local ",
    "!<tag:yaml.org,2002:str> ",
    "~",
    "null",
    "true",
    "yes",
    "no",
    "on",
    ".inf",
    ".nan",
    "0x1F",
    "0o17",
    "012",
    "1_000",
    "1:30:00",
    "2025-02-30",
    "2025-04-01",
    "2025-04-01T09:00:00+09:00",
    "9" * 80,
    "\t",
    "\r\n",
    "\r",
    "\x00",
    "\x85",
    "\u2028",
    "\ufeff",
    "\x1b[2J",
    "\u202e",
    "例示市",
    "全国地方公共団体コード",
    "　",
    "\n  ",
    "\n    - ",
    "entity:",
    "network:",
    "policy:",
    "waivers:",
    "check:",
    "all:",
    "any:",
    "not:",
    "path: ",
    "op: ",
    "value: ",
]
BYTE_TOKENS = [b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\x82\xa0", b"\xa4\xa2", b"\xc0\x80", b"\xed\xa0\x80"]


def seeds() -> list[bytes]:
    """Every seed input, as bytes."""
    from auditor.policy.template import render_template

    found: list[bytes] = []
    for pattern in (
        "tests/data/bad/policies/*.yaml",
        "tests/data/bad/rules/*/*.yaml",
        "policies/examples/*.yaml",
        "rules/**/*.yaml",
    ):
        found.extend(path.read_bytes() for path in sorted(REPO.glob(pattern)) if path.is_file())
    for model in ("alpha", "alpha_prime", "beta", "beta_prime"):
        for entity in ("municipality", "prefecture"):
            found.append(render_template(model, entity).encode("utf-8"))
    return found


# --- mutators --------------------------------------------------------------------------------


def _at(data: bytes, rng: random.Random, index: int | None = None) -> int:
    """A position in ``data``, usually moved to a UTF-8 character boundary.

    Most seeds are Japanese text; cutting characters in half would make nearly every input fail
    as "not UTF-8" and never reach the YAML or schema layers (1 in 10 still may).
    """
    index = rng.randrange(len(data) + 1) if index is None else index
    if rng.random() < 0.9:
        while index < len(data) and data[index] & 0xC0 == 0x80:
            index += 1
    return index


def _flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    index = rng.randrange(len(data))
    if data[index] >= 0x80 and rng.random() < 0.9:
        return _insert_token(data, rng)
    return data[:index] + bytes([data[index] ^ (1 << rng.randrange(8))]) + data[index + 1 :]


def _insert_token(data: bytes, rng: random.Random) -> bytes:
    token = rng.choice(BYTE_TOKENS) if rng.random() < 0.05 else rng.choice(TOKENS).encode("utf-8")
    index = _at(data, rng)
    return data[:index] + token + data[index:]


def _delete(data: bytes, rng: random.Random) -> bytes:
    if len(data) < 2:
        return data
    start = _at(data, rng)
    end = _at(data, rng, min(len(data), start + rng.randrange(1, 65)))
    return data[:start] + data[end:]


def _duplicate(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    start = _at(data, rng)
    chunk = data[start : _at(data, rng, min(len(data), start + rng.randrange(1, 200)))]
    index = _at(data, rng)
    return data[:index] + chunk * rng.choice((1, 2, 10, 100)) + data[index:]


def _lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    if len(lines) < 2:
        return data
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    action = rng.randrange(4)
    if action == 0:
        lines[i], lines[j] = lines[j], lines[i]
    elif action == 1:
        lines.insert(j, lines[i])
    elif action == 2:
        lines[i] = b" " * rng.choice((1, 2, 3, 4, 8)) + lines[i]
    else:
        lines[i] = lines[i].lstrip(b" ")
    return b"\n".join(lines)


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    kinds: list[Callable[[], Any]] = [
        lambda: None,
        lambda: rng.choice((True, False)),
        lambda: rng.randint(-10, 10**6),
        lambda: rng.choice(("", "x", "例示", "R7.3", "beta_prime", "municipality", "019992", "MN-001", "true")),
        lambda: dt.date(rng.randint(1990, 2040), rng.randint(1, 12), rng.randint(1, 28)),
        lambda: rng.random() * 10,
    ]
    if depth < 3:
        kinds.append(lambda: [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))])
        kinds.append(
            lambda: {
                rng.choice(("entity", "isolated", "model", "path", "op", "x", "all")): _random_value(rng, depth + 1)
                for _ in range(rng.randrange(3))
            }
        )
    return rng.choice(kinds)()


def _structured(data: bytes, rng: random.Random) -> bytes:
    """Parse, change one value or key somewhere, dump: mutations that get past the YAML layer."""
    import yaml

    from auditor.errors import InputError
    from auditor.files.yamlsource import decode, parse_yaml

    try:  # our bounded reader, not yaml.safe_load: the seeds include merge-key bombs
        tree: Any = parse_yaml(decode(data, "seed"), "seed").data
    except InputError:  # the seed is already broken: mutate its bytes instead
        return _insert_token(data, rng)
    if not tree:
        return _insert_token(data, rng)
    tree = copy.deepcopy(tree)
    node: Any = tree
    for _ in range(rng.randrange(1, 6)):
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
            if rng.random() < 0.25 or not isinstance(node[key], dict | list):
                if rng.random() < 0.2:
                    node[str(key)[:-1] + rng.choice("sxe_")] = node.pop(key)  # a misspelt key
                else:
                    node[key] = _random_value(rng)
                break
            node = node[key]
        elif isinstance(node, list) and node:
            index = rng.randrange(len(node))
            if rng.random() < 0.3 or not isinstance(node[index], dict | list):
                node[index] = _random_value(rng)
                break
            node = node[index]
        else:
            break
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")


def _policy_fields() -> list[tuple[str, Any, list[Any]]]:
    """Every leaf field of the policy model: (dotted path, annotation, constraints)."""
    import types
    import typing

    from pydantic import BaseModel

    from auditor.policy import Policy

    found: list[tuple[str, Any, list[Any]]] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            annotation = info.annotation
            if typing.get_origin(annotation) in (typing.Union, types.UnionType):
                args = [a for a in typing.get_args(annotation) if a is not type(None)]
                annotation = args[0] if len(args) == 1 else annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                walk(annotation, f"{prefix}{name}.")
            elif name not in ("entity", "waivers"):
                found.append((f"{prefix}{name}", annotation, list(info.metadata)))

    walk(Policy, "")
    return found


_FIELDS: list[tuple[str, Any, list[Any]]] = []


def _valid_value(annotation: Any, metadata: list[Any], rng: random.Random) -> Any:
    import typing

    if typing.get_origin(annotation) is typing.Literal:
        return rng.choice(typing.get_args(annotation))
    if typing.get_origin(annotation) is list:
        item = typing.get_args(annotation)[0]
        values = [_valid_value(item, [], rng) for _ in range(rng.randrange(4))]
        return list(dict.fromkeys(values))
    if annotation is bool:
        return rng.choice((True, False))
    if annotation is int:
        low = next((m.ge for m in metadata if hasattr(m, "ge")), 0)
        high = next((m.le for m in metadata if hasattr(m, "le")), 1000)
        return rng.choice((low, high, rng.randint(low, high)))
    if annotation is dt.date:
        return dt.date(2026, 11, 22) - dt.timedelta(days=rng.choice((0, 1, 30, 364, 365, 366, 800, -1)))
    return rng.choice(("例示", "x", "https://www.example.lg.jp/"))


def _policy_value(data: bytes, rng: random.Random) -> bytes:
    """Set (or remove) one field of a policy to a value its type allows: valid input, deeper engine paths."""
    import yaml

    from auditor.errors import InputError
    from auditor.files.yamlsource import decode, parse_yaml

    try:
        tree: Any = parse_yaml(decode(data, "seed"), "seed").data
    except InputError:
        return _insert_token(data, rng)
    if "entity" not in tree:
        return _structured(data, rng)
    if not _FIELDS:
        _FIELDS.extend(_policy_fields())
    tree = copy.deepcopy(tree)
    for _ in range(rng.randint(1, 8)):
        path, annotation, metadata = rng.choice(_FIELDS)
        node = tree
        parts = path.split(".")
        for part in parts[:-1]:
            if not isinstance(node.get(part), dict):
                node[part] = {}
            node = node[part]
        if rng.random() < 0.15:
            node.pop(parts[-1], None)
        else:
            node[parts[-1]] = _valid_value(annotation, metadata, rng)
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")


MUTATORS: list[Callable[[bytes, random.Random], bytes]] = [
    _flip,
    _insert_token,
    _insert_token,
    _delete,
    _duplicate,
    _lines,
    _structured,
    _structured,
    _policy_value,
    _policy_value,
    _policy_value,
]


def mutate(pool: list[bytes], rng: random.Random, valid: list[bytes] | None = None) -> bytes:
    """One fuzz input: a seed, optionally spliced with another, with one to four mutations.

    ``valid`` (policies that audit cleanly) are chosen often, so the engine sees plenty of input.
    """
    data = rng.choice(valid) if valid and rng.random() < 0.4 else rng.choice(pool)
    if rng.random() < 0.1:
        other = rng.choice(pool)
        data = data[: _at(data, rng)] + other[_at(other, rng) :]
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(MUTATORS)(data, rng)
    return data[: 2 * 1024 * 1024]


# --- the target --------------------------------------------------------------------------------


@dataclass
class Report:
    """What a fuzz run did and found."""

    iterations: int = 0
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)
    crashes: list[tuple[bytes, str]] = field(default_factory=list)
    hangs: list[tuple[bytes, float]] = field(default_factory=list)


class Target:
    """Runs one input through the real loader, validator, engine and reporters."""

    def __init__(self, directory: Path) -> None:
        from auditor.rules.catalogue import load_catalogue

        self.path = directory / "fuzz-input.yaml"
        self.catalogue = load_catalogue(use_cache=False)
        self.today = dt.date(2026, 11, 22)

    def run(self, data: bytes) -> str:
        """Classify the outcome; raise on a crash or a broken invariant."""
        from auditor import reporters
        from auditor.audit.engine import audit
        from auditor.errors import InputError
        from auditor.files.yamlsource import load_yaml
        from auditor.policy.loader import load_policy
        from auditor.rules.catalogue import load_rule_file

        self.path.write_bytes(data)
        try:
            document = load_yaml(self.path, "fuzz.yaml")
            if "id" in document.data and "entity" not in document.data:
                load_rule_file(self.path, "fuzz.yaml")
                return "valid rule"
            loaded = load_policy(self.path, "fuzz.yaml")
        except InputError as error:
            for problem in error.problems:
                text = problem.format()
                assert "\n" not in text and text.startswith("fuzz.yaml"), f"bad message: {text!r}"
                assert len(text) < 2000, f"message of {len(text)} characters"
            return "input error: " + _message_kind(error.problems[0].message)
        editions = self.catalogue.editions()
        edition = editions[len(data) % len(editions)]
        rules = self.catalogue.for_edition(edition)
        result = audit(loaded, rules, edition=edition, today=self.today)
        assert len(result.outcomes) == len(rules)
        options = reporters.ReportOptions(lang="ja", color=False)
        for name in ("json", "table"):
            reporters.FORMATS.renderer(name)([result], options)
        return "audited"


def _message_kind(message: str) -> str:
    words = message.replace("'", " ").split()
    return " ".join(words[:3]) if words else "?"


def fuzz(iterations: int, seed: int, slow: float, *, progress: bool = False) -> Report:
    """Run ``iterations`` mutated inputs (deterministic for a given ``seed``)."""
    from auditor.i18n import language, set_language

    previous = language()
    set_language("en")
    try:
        return _fuzz(iterations, seed, slow, progress)
    finally:
        set_language(previous)


def _fuzz(iterations: int, seed: int, slow: float, progress: bool) -> Report:
    rng = random.Random(seed)
    pool = seeds()
    valid = [data for data in pool if data.startswith(b"# yaml-language-server")]  # init templates
    valid += [path.read_bytes() for path in sorted((REPO / "policies" / "examples").glob("*.yaml"))]
    report = Report()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="auditor-fuzz-") as directory:
        target = Target(Path(directory))
        for iteration in range(iterations):
            data = mutate(pool, rng, valid)
            begin = time.monotonic()
            try:
                kind = target.run(data)
            except Exception:
                report.crashes.append((data, traceback.format_exc()))
                kind = "CRASH"
            elapsed = time.monotonic() - begin
            if elapsed > slow:
                report.hangs.append((data, elapsed))
            report.kinds[kind] += 1
            if kind == "audited" and rng.random() < 0.05 and len(valid) < 500:
                valid.append(data)  # valid mutants become seeds: policies drift further over time
            if progress and (iteration + 1) % 1000 == 0:
                print(f"{iteration + 1} iterations, {len(report.crashes)} crashes", file=sys.stderr)
    report.iterations = iterations
    report.seconds = time.monotonic() - started
    return report


def save(report: Report, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for data, trace in report.crashes:
        name = hashlib.sha256(data).hexdigest()[:16]
        (directory / f"crash-{name}.yaml").write_bytes(data)
        (directory / f"crash-{name}.txt").write_text(trace, encoding="utf-8")
    for data, seconds in report.hangs:
        name = hashlib.sha256(data).hexdigest()[:16]
        (directory / f"slow-{name}.yaml").write_bytes(data)
        (directory / f"slow-{name}.txt").write_text(f"{seconds:.2f} s\n", encoding="utf-8")


def replay(directory: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="auditor-fuzz-") as work:
        target = Target(Path(work))
        failures = 0
        for path in sorted(directory.glob("*.yaml")):
            begin = time.monotonic()
            try:
                kind = target.run(path.read_bytes())
            except Exception:
                failures += 1
                kind = "CRASH\n" + traceback.format_exc()
            print(f"{path.name}: {kind} ({time.monotonic() - begin:.2f} s)")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=2.0, help="seconds after which one input counts as a hang")
    parser.add_argument("--save", type=Path, default=Path("fuzz-findings"), help="where crashes and hangs go")
    parser.add_argument("--replay", type=Path, default=None, help="re-run the inputs saved in this directory")
    args = parser.parse_args()
    if args.replay:
        return replay(args.replay)
    report = fuzz(args.iterations, args.seed, args.slow, progress=True)
    print(
        f"iterations {report.iterations} (seed {args.seed}) in {report.seconds:.1f} s "
        f"({report.iterations / report.seconds:.0f}/s); crashes {len(report.crashes)}; "
        f"inputs over {args.slow} s {len(report.hangs)}"
    )
    for kind, count in report.kinds.most_common(25):
        print(f"  {count:7d}  {kind}")
    if report.crashes or report.hangs:
        save(report, args.save)
        print(f"saved to {args.save}/ ; first crash:\n{report.crashes[0][1] if report.crashes else ''}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
