"""Loading a policy file: safe YAML, then the policy schema, every error located.

A valid file is accepted by the compiled schema (:mod:`auditor.schemas.compiled`) without building
the pydantic models; anything else goes to the models, which say what is wrong and where.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.errors import InputError
from auditor.files.yamlsource import YamlDocument, load_yaml, parse_yaml

if TYPE_CHECKING:
    from auditor.policy import Policy


@dataclass(frozen=True)
class LoadedPolicy:
    """A validated policy: its plain data (what rules read) and where each value sits in the file."""

    data: dict[str, Any]
    document: YamlDocument

    @property
    def file(self) -> str:
        """The file name as given by the user."""
        return self.document.file

    @functools.cached_property
    def policy(self) -> Policy:
        """The policy as pydantic models (built on first use; an audit itself needs only ``data``)."""
        from auditor.policy import Policy

        return Policy.model_validate(self.data)


def validate_policy(document: YamlDocument) -> LoadedPolicy:
    """Validate parsed YAML as a policy; raise :class:`InputError` listing every problem."""
    from auditor.schemas import compiled  # the speed seam: the schema compiled from this package's models

    if not compiled.policy_accepts(document.data):
        _explain(document)
    return LoadedPolicy(data=document.data, document=document)


def _explain(document: YamlDocument) -> None:
    """Raise the models' located problems; returns only if the models accept what the compiled schema did not."""
    from pydantic import ValidationError

    from auditor.files.validation import problems_from_validation
    from auditor.policy import Policy

    try:
        Policy.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, document, Policy)) from None


def load_policy(path: Path, display: str | None = None) -> LoadedPolicy:
    """Read, parse and validate one policy file."""
    return validate_policy(load_yaml(path, display))


def parse_policy(text: str, name: str) -> LoadedPolicy:
    """Parse and validate policy text (used for ``git show`` content and tests)."""
    import hashlib

    document = parse_yaml(text, name)
    document.sha256 = hashlib.sha256(text.encode()).hexdigest()
    return validate_policy(document)
