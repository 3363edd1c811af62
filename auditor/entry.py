"""The ``auditor`` console script: start the slow set-up a command will need, then run the CLI.

``auditor audit … --format pdf`` needs weasyprint, whose import takes about half a second; the PDF
worker process (:func:`auditor.reporters.visual.start_pdf_worker`) does it on another core while this
process audits. Started from here, before this process has imported click, the policy models or the
rules, the worker is ready by the time the audit is. This module imports nothing else of the package
until the worker is started.

The command is guessed from the raw arguments: the first one that is neither an option nor the
value of ``--lang`` (the group's only option with a value). A wrong guess only costs time: a worker
that is killed at exit, or none, and then the worker starts when the format is chosen, as it would
without this module.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

EARLY_COMMANDS = frozenset({"audit"})
"""Commands whose PDF output is laid out by the worker."""


def main() -> None:
    """Console-script entry point: :func:`prestart`, then :func:`auditor.cli.main`; never returns."""
    prestart(sys.argv[1:])
    from auditor.cli import main as cli_main

    cli_main()


def command_of(args: Sequence[str]) -> str | None:
    """The subcommand in ``args``: the first argument that is not an option or the value of ``--lang``."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def requested_formats(args: Sequence[str]) -> set[str]:
    """The format names given with ``-f``/``--format`` anywhere in ``args`` (``pdf,json`` counts both)."""
    formats: set[str] = set()
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg in ("-f", "--format"):
            value = args[index + 1] if index + 1 < len(args) else ""
        elif arg.startswith("--format="):
            value = arg.partition("=")[2]
        elif arg.startswith("-f") and not arg.startswith("--"):
            value = arg[2:]
        else:
            continue
        formats.update(name.strip() for name in value.split(",") if name.strip())
    return formats


def prestart(args: Sequence[str]) -> None:
    """Start the PDF worker now if ``args`` run one of :data:`EARLY_COMMANDS` with the ``pdf`` format."""
    if command_of(args) in EARLY_COMMANDS and "pdf" in requested_formats(args):
        from auditor.reporters.visual import start_pdf_worker

        start_pdf_worker()
