"""auditor: audits a local government's declared security policy against the MIC guideline.

The package is a library (policy model, loader, rule catalogue, engine, reporters) with a thin
click CLI in :mod:`auditor.cli`. Nothing outside ``auditor.cli`` imports click.
"""

__version__ = "0.1.0"
