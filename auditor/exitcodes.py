"""Process exit codes, the contract with CI pipelines (documented in README.md).

A crash or an interruption must never look like "non-compliant" (1), so each cause has its own code.
"""

OK = 0
"""The audit ran and nothing failed at or above ``--fail-on``."""

FINDINGS = 1
"""The audit ran and at least one requirement failed at or above ``--fail-on``."""

USAGE_OR_INPUT = 2
"""Bad usage or unusable input (unreadable, malformed or invalid files): nothing trustworthy was audited."""

INTERNAL = 3
"""An internal error (a bug in auditor); a one-line message, the traceback only with ``--debug``."""

INTERRUPTED = 130
"""Interrupted (Ctrl-C / SIGINT)."""
