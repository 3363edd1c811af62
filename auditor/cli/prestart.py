"""Slow set-up a command will need, started before click has even parsed the command line.

``auditor audit … --format pdf`` needs weasyprint, whose import takes about half a second; the PDF
worker process (:func:`auditor.reporters.visual.start_pdf_worker`) does it on another core while this
process audits. Started from here, before this process imports the policy models and loads the rules
(about a third of a second), the worker is ready by the time the audit is. The scan of the raw
arguments is only a guess: a wrong guess starts a worker that is killed at exit, or starts none, and
then the worker starts when the format is chosen, as it would without this module.
"""

from __future__ import annotations

from collections.abc import Sequence

EARLY_COMMANDS = frozenset({"audit"})
"""Commands whose PDF output is laid out by the worker."""


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


def prestart(args: Sequence[str], commands: Sequence[str]) -> None:
    """Start the PDF worker now if ``args`` run one of :data:`EARLY_COMMANDS` with the ``pdf`` format.

    ``commands`` are the CLI's command names: the first argument that is one of them is the command.
    """
    command = next((arg for arg in args if arg in commands), None)
    if command in EARLY_COMMANDS and "pdf" in requested_formats(args):
        from auditor.reporters.visual import start_pdf_worker

        start_pdf_worker()
