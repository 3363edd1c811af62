"""The evidence model shared by ``auditor extract`` and the evidence register.

Two kinds of evidence, one vocabulary:

- a :class:`~auditor.evidence.model.Citation` points at a clause of a body's own document (file,
  page, clause label such as 第12条第2項, and a verbatim quote of its text);
- an :class:`~auditor.evidence.model.ExtractedValue` is a policy value that ``auditor extract``
  read from such a clause (the path, the value, the citation, a confidence and what decided it);
- an :class:`~auditor.evidence.model.EvidenceRecord` is evidence a person reviewed for a rule:
  what, where, who, when, how (閲覧/聴取/実地確認/設定確認), the result
  (確認済み/確認できない/一部確認) and until when it holds.

All are plain frozen dataclasses (no pydantic on the hot path) with ``to_json``/``from_json``;
:mod:`auditor.evidence.io` reads and writes the evidence file, refusing malformed input with one
located message per problem.
"""

from auditor.evidence.model import (
    METHODS,
    RESULTS,
    Citation,
    DocumentSource,
    EvidenceFile,
    EvidenceRecord,
    ExtractedValue,
)

__all__ = ["METHODS", "RESULTS", "Citation", "DocumentSource", "EvidenceFile", "EvidenceRecord", "ExtractedValue"]
