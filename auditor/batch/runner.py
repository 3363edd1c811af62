"""Auditing many policy files, sequentially or in a process pool; a bad file never stops the rest.

The catalogue is loaded and validated once, in the parent. Worker processes receive the chosen
rules once each (inherited or pickled with the pool's initializer: unpickling pydantic models does
not validate them again), audit their share of the files, optionally write each policy's own
report right there (so per-policy PDFs are rendered in parallel too), and send back only what the
comparison needs: a :class:`PolicyAudit` (the policy's identity, its counts and one status per
rule; the rules' titles and levels are the parent's :class:`RuleInfo` table). Shipping whole
results back cost more than auditing (measured: unpickling 16 results took 63 ms against 12 ms
to audit one file). Results are put back in input order, so the output never depends on ``jobs``.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.audit.results import AuditResult, PolicyInfo, Status, Summary
from auditor.audit.service import audit_loaded
from auditor.errors import InputError, Problem, SetupError
from auditor.i18n import Lang, set_language
from auditor.policy.loader import load_policy
from auditor.reporters import ReportOptions
from auditor.reporters.registry import Renderer as RegistryRenderer
from auditor.rules.catalogue import rule_sort_key
from auditor.rules.rule import Rule

AUTO_JOBS_MIN_FILES = 64
"""Below this many files a pool costs more (process start-up, imports) than it saves."""
AUTO_JOBS_MIN_HEAVY_FILES = 2
"""The same with a PDF per policy: a PDF costs about 3 s of CPU, a worker's start-up 0.3 s."""

Progress = Callable[[int], None]
"""Called with the number of files just finished (audited or found unusable)."""
Renderer = RegistryRenderer[Sequence[AuditResult], ReportOptions]
"""The ``render`` function of a single-policy report format."""


@dataclass(frozen=True)
class FileFailure:
    """A file that could not be audited, with every problem found in it."""

    file: str
    problems: tuple[Problem, ...]

    def first_line(self) -> str:
        """The first problem, ``file:line:col: message``, for the one-line-per-file error report."""
        return self.problems[0].format() if self.problems else self.file


@dataclass(frozen=True)
class PolicyReports:
    """Each policy's own reports, written next to the batch: directory, formats and file names."""

    directory: Path
    formats: tuple[str, ...]
    """Formats of ``auditor audit`` (``pdf``, ``json``, ...), each written for every policy."""
    lang: Lang
    names: dict[str, dict[str, str]]
    """Format -> input file (as displayed) -> report file name inside ``directory``."""

    @property
    def heavy(self) -> bool:
        """True when a report costs far more than the audit (a PDF: about 3 s of CPU each)."""
        return "pdf" in self.formats


@dataclass(frozen=True)
class RuleInfo:
    """What the comparison shows of a rule (the same for every policy of the batch)."""

    rule_id: str
    title: dict[str, str]
    level: str
    severity: str
    area: str
    section: str


def rule_table(rules: Sequence[Rule], edition: str) -> tuple[RuleInfo, ...]:
    """The rules in report order (the engine's order), as the comparison shows them."""
    return tuple(
        RuleInfo(rule.id, rule.title.as_dict(), rule.level, rule.severity, rule.area, rule.section_in(edition))
        for rule in sorted(rules, key=rule_sort_key)
    )


@dataclass(frozen=True)
class PolicyAudit:
    """What the batch keeps of one audit: identity, counts, and each rule's status in table order."""

    policy: PolicyInfo
    summary: Summary
    statuses: tuple[Status, ...]


@dataclass(frozen=True)
class BatchRun:
    """What a batch produced, in input order: the audits and the files that could not be audited."""

    rules: tuple[RuleInfo, ...]
    audits: list[PolicyAudit]
    failures: list[FileFailure]
    files: int

    def outcomes(self, audited: PolicyAudit) -> Iterator[tuple[RuleInfo, Status]]:
        """Each rule of the table with its status in ``audited``."""
        return zip(self.rules, audited.statuses, strict=True)

    def gate_input(self) -> Iterator[tuple[str, str, str]]:
        """``(status, severity, level)`` of every outcome of every audit, for the CI gate."""
        for audited in self.audits:
            for rule, status in self.outcomes(audited):
                yield status, rule.severity, rule.level

    def duplicate_codes(self) -> list[tuple[str, list[str]]]:
        """団体コード declared by more than one file (a copied policy left unedited), with the files."""
        files: dict[str, list[str]] = {}
        for audited in self.audits:
            files.setdefault(audited.policy.entity_code, []).append(audited.policy.file)
        return [(code, names) for code, names in sorted(files.items()) if len(names) > 1]


class _Auditor:
    """Audits one file at a time with fixed rules, edition and date (in-process or in a worker)."""

    def __init__(
        self, rules: Sequence[Rule], edition: str, today: dt.date, lang: Lang, reports: PolicyReports | None
    ) -> None:
        self.rules = rules
        self.edition = edition
        self.today = today
        self.lang = lang
        self.reports = reports
        self.rule_ids = tuple(rule.id for rule in sorted(rules, key=rule_sort_key))
        self.renderers = _renderers(reports.formats) if reports is not None else {}

    def __call__(self, path: Path) -> PolicyAudit | FileFailure:
        name = str(path)
        try:
            loaded = load_policy(path, name)
        except InputError as exc:
            return FileFailure(name, tuple(exc.problems))
        try:
            # The policy's own waivers, with the register the per-policy report shows.
            result = audit_loaded(loaded, self.rules, edition=self.edition, today=self.today)
            if self.reports is not None:
                _write_reports(result, self.reports, self.renderers)
        except InputError as exc:  # e.g. the report directory became unwritable
            return FileFailure(name, tuple(exc.problems))
        except SetupError:  # e.g. no Pango for the PDF reports: the machine's, not this file's
            raise
        except Exception as exc:  # a bug: name the file, keep the exception's own one-line text
            raise RuntimeError(f"{name}: {type(exc).__name__}: {exc}") from exc
        if tuple(outcome.rule_id for outcome in result.outcomes) != self.rule_ids:
            raise RuntimeError(f"{name}: outcomes out of rule order")  # a bug, never user input
        return PolicyAudit(result.policy, result.summary, tuple(o.status for o in result.outcomes))


def _renderers(formats: Sequence[str]) -> dict[str, Renderer]:
    """The single-policy reporters' ``render`` functions, imported once per process.

    No PDF worker is started for them: every process lays out its many PDFs itself (weasyprint is
    imported once per process, and the processes already run in parallel).
    """
    from auditor.reporters import FORMATS

    return {fmt: FORMATS.renderer(fmt) for fmt in formats}


def _write_reports(result: AuditResult, reports: PolicyReports, renderers: dict[str, Renderer]) -> None:
    from auditor.errors import OutputError
    from auditor.files.paths import reason, write_report

    for fmt, render in renderers.items():
        payload = render([result], ReportOptions(lang=reports.lang))
        target = reports.directory / reports.names[fmt][result.policy.file]
        try:
            write_report(target, payload)
        except OutputError as exc:
            raise InputError.of(str(target), exc.reason or str(exc)) from None
        except OSError as exc:  # a FIFO whose reader went away
            raise InputError.of(str(target), reason(exc)) from None


_worker: _Auditor | None = None


def _init_worker(
    rules: Sequence[Rule], edition: str, today: dt.date, lang: Lang, reports: PolicyReports | None
) -> None:
    global _worker
    # Ctrl-C goes to the whole process group: only the parent handles it (and stops the pool),
    # so the terminal shows one "interrupted" line rather than a traceback per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_language(lang)
    pdf_worker = sys.modules.get("auditor.reporters.pdf.worker")
    if pdf_worker is not None:  # a forked child must never talk to the parent's PDF worker
        pdf_worker.forget_pdf_worker()
    _worker = _Auditor(rules, edition, today, lang, reports)


def _audit_numbered_chunk(chunk: tuple[int, list[Path]]) -> tuple[int, list[PolicyAudit | FileFailure]]:
    assert _worker is not None, "worker not initialised"
    start, paths = chunk
    return start, [_worker(path) for path in paths]


def resolve_jobs(jobs: int, files: int, *, heavy: bool = False) -> int:
    """The number of processes to use: ``jobs`` when given (>= 1), else automatic (0).

    ``heavy``: each file also gets a costly report (PDF), so a pool pays from two files on.
    """
    if jobs > 0:
        return min(jobs, max(files, 1))
    if files < (AUTO_JOBS_MIN_HEAVY_FILES if heavy else AUTO_JOBS_MIN_FILES):
        return 1
    return max(1, min(os.cpu_count() or 1, 8, files))


def run_batch(
    paths: Sequence[Path],
    rules: Sequence[Rule],
    *,
    edition: str,
    today: dt.date,
    lang: Lang,
    jobs: int = 1,
    reports: PolicyReports | None = None,
    progress: Progress | None = None,
) -> BatchRun:
    """Audit every file in ``paths``; files that cannot be audited become :class:`FileFailure`."""
    processes = resolve_jobs(jobs, len(paths), heavy=reports is not None and reports.heavy)
    if processes == 1:
        auditor = _Auditor(rules, edition, today, lang, reports)
        outcomes: list[PolicyAudit | FileFailure] = []
        for path in paths:
            outcomes.append(auditor(path))
            if progress is not None:
                progress(1)
    else:
        outcomes = _run_pool(paths, rules, edition, today, lang, reports, processes, progress)
    audits = [item for item in outcomes if isinstance(item, PolicyAudit)]
    failures = [item for item in outcomes if isinstance(item, FileFailure)]
    return BatchRun(rule_table(rules, edition), audits, failures, len(paths))


def _chunks(paths: Sequence[Path], processes: int) -> Iterator[tuple[int, list[Path]]]:
    # Several files per task amortise the inter-process round trip; enough tasks per process
    # keep both the load balanced and the progress bar moving.
    size = max(1, min(16, len(paths) // (processes * 8)))
    for start in range(0, len(paths), size):
        yield start, list(paths[start : start + size])


def _run_pool(
    paths: Sequence[Path],
    rules: Sequence[Rule],
    edition: str,
    today: dt.date,
    lang: Lang,
    reports: PolicyReports | None,
    processes: int,
    progress: Progress | None,
) -> list[PolicyAudit | FileFailure]:
    import multiprocessing

    slots: list[PolicyAudit | FileFailure | None] = [None] * len(paths)
    # multiprocessing.Pool rather than concurrent.futures: leaving the ``with`` block terminates
    # the workers at once, so Ctrl-C stops a national run now rather than after the queued work.
    with multiprocessing.Pool(
        processes, initializer=_init_worker, initargs=(list(rules), edition, today, lang, reports)
    ) as pool:
        for start, items in pool.imap_unordered(_audit_numbered_chunk, _chunks(paths, processes)):
            slots[start : start + len(items)] = items
            if progress is not None:
                progress(len(items))
    assert all(item is not None for item in slots)
    return [item for item in slots if item is not None]


def report_names(files: Sequence[Path], extension: str) -> dict[str, str]:
    """A distinct report file name per input: its stem, or its whole path when stems collide."""
    stems: dict[str, int] = {}
    for path in files:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    names: dict[str, str] = {}
    taken: set[str] = set()
    for path in files:
        base = path.stem if stems[path.stem] == 1 else _flatten(path)
        name = f"{base}.{extension}"
        counter = 2
        while name in taken:  # only for pathological names such as "a__b/c" next to "a/b__c"
            name = f"{base}-{counter}.{extension}"
            counter += 1
        taken.add(name)
        names[str(path)] = name
    return names


def _flatten(path: Path) -> str:
    parts = [part for part in path.with_suffix("").parts if part not in ("/", ".", "..")]
    return "__".join(parts) or path.stem
