"""Templates compiled ahead of time: Jinja2's Python code for the report templates, shipped as modules.

Compiling ``audit.html.j2`` and ``base.html.j2`` takes Jinja2 about a tenth of a second, on the
critical path of every HTML and PDF report. ``scripts/compile_templates.py`` writes the code Jinja2
would generate into ``auditor/reporters/compiled/`` (imported like any module, so Python caches the
bytecode), together with the SHA-256 of the template source and the Jinja2 version it came from.
:class:`PrecompiledLoader` uses such a module only when both still match, so an edited template or
another Jinja2 is never served stale code: it is compiled from source as usual, just slower.
``tests/test_report_html.py`` checks that the shipped modules are current and render the same HTML.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import MutableMapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:
    from pathlib import Path

PACKAGE = "auditor.reporters.compiled"
HEADER = "# Generated from auditor/reporters/templates/{name} by scripts/compile_templates.py: do not edit.\n"


def module_name(template: str) -> str:
    """``audit.html.j2`` -> ``audit_html``."""
    return re.sub(r"\W", "_", template.removesuffix(".j2"))


def source_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def compiled_source(environment: jinja2.Environment, template: str) -> str:
    """The module text for ``template``: a header, the source digest, the Jinja2 version, the code."""
    assert environment.loader is not None
    source, filename, _ = environment.loader.get_source(environment, template)
    code = environment.compile(source, template, filename, raw=True, defer_init=True)
    return (
        HEADER.format(name=template) + "# ruff: noqa\n# mypy: ignore-errors\n"
        f"SOURCE_SHA256 = {source_digest(source)!r}\nJINJA2_VERSION = {jinja2.__version__!r}\n{code}"
    )


def compiled_path(directory: Path, template: str) -> Path:
    return directory / f"{module_name(template)}.py"


class PrecompiledLoader(jinja2.FileSystemLoader):
    """A file-system loader that takes a template's code from :data:`PACKAGE` when it is current."""

    def load(
        self, environment: jinja2.Environment, name: str, globals: MutableMapping[str, Any] | None = None
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        module = _module(name)
        if (
            module is None
            or getattr(module, "SOURCE_SHA256", None) != source_digest(source)
            or getattr(module, "JINJA2_VERSION", None) != jinja2.__version__
        ):
            return super().load(environment, name, globals)
        template = environment.template_class.from_module_dict(
            environment, vars(module), environment.make_globals(globals)
        )
        template.filename = filename  # error messages point at the template, not the module
        template._uptodate = uptodate
        return template


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{PACKAGE}.{module_name(name)}")
    except ImportError:
        return None


def stale(environment: jinja2.Environment, template: str) -> str | None:
    """Why the shipped module of ``template`` would not be used (or differs from a fresh compile under
    this Jinja2), or None when it is current."""
    module = _module(template)
    if module is None:
        return "no compiled module"
    assert environment.loader is not None
    source, _, _ = environment.loader.get_source(environment, template)
    if getattr(module, "SOURCE_SHA256", None) != source_digest(source):
        return "the template changed since it was compiled"
    if getattr(module, "JINJA2_VERSION", None) == jinja2.__version__ and module.__file__ is not None:
        from pathlib import Path

        if Path(module.__file__).read_text(encoding="utf-8") != compiled_source(environment, template):
            return "the module differs from what this Jinja2 generates"
    return None
