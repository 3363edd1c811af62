"""The README's architecture table matches the package tree, and the layers hold: no package imports a later one."""

from __future__ import annotations

import ast
import re

from tests.helpers import REPO

PACKAGE = REPO / "auditor"
TOP_MODULES = {"__init__", "__main__", "errors", "exitcodes", "vocab"}
"""Modules at the top of ``auditor/``: the version, entry points, exceptions, exit codes, shared vocabularies."""


def _layers() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Architecture") : text.index("## Development")]
    return re.findall(r"^\| `auditor/([a-z0-9_]+)/` \|", section, flags=re.MULTILINE)


def test_the_architecture_table_lists_every_package_and_nothing_else() -> None:
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert sorted(_layers()) == packages


def test_the_top_of_the_package_stays_small() -> None:
    assert sorted(p.stem for p in PACKAGE.glob("*.py")) == sorted(TOP_MODULES)


def test_no_package_imports_a_later_layer_at_module_level() -> None:
    order = {name: index for index, name in enumerate(_layers())}
    crossings = []
    for package, rank in order.items():
        if package == "cli":
            continue
        for path in (PACKAGE / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:  # module level only: a late import inside a function is a deliberate seam
                names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
                names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                for name in names:
                    parts = name.split(".")
                    if parts[0] == "auditor" and len(parts) > 1 and order.get(parts[1], -1) > rank:
                        crossings.append(f"{path.relative_to(REPO)} imports {name}")
    assert crossings == []
