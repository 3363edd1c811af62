"""Loading a policy file: safe YAML, then the pydantic policy model, every error located."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditor.errors import InputError
from auditor.policy import Policy
from auditor.validation import problems_from_validation
from auditor.yamlsource import YamlDocument, load_yaml, parse_yaml


@dataclass(frozen=True)
class LoadedPolicy:
    """A validated policy, its plain data (for rule paths) and where each value sits in the file."""

    policy: Policy
    data: dict[str, Any]
    document: YamlDocument

    @property
    def file(self) -> str:
        """The file name as given by the user."""
        return self.document.file


def validate_policy(document: YamlDocument) -> LoadedPolicy:
    """Validate parsed YAML as a policy; raise :class:`InputError` listing every problem."""
    try:
        policy = Policy.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, document, Policy)) from None
    return LoadedPolicy(policy=policy, data=document.data, document=document)


def load_policy(path: Path, display: str | None = None) -> LoadedPolicy:
    """Read, parse and validate one policy file."""
    return validate_policy(load_yaml(path, display))


def parse_policy(text: str, name: str) -> LoadedPolicy:
    """Parse and validate policy text (used for ``git show`` content and tests)."""
    import hashlib

    document = parse_yaml(text, name)
    document.sha256 = hashlib.sha256(text.encode()).hexdigest()
    return validate_policy(document)
