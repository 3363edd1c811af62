"""The library's own exceptions; the CLI turns them into one-line messages and exit codes.

Every user-facing problem is a :class:`Problem` (file, line, column, message). An
:class:`InputError` carries one or more of them so that all validation errors are reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from auditor.files.textsafe import printable


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one input file, located as precisely as the input allows."""

    file: str
    line: int | None
    column: int | None
    message: str

    def format(self) -> str:
        """Render as ``file:line:col: message`` (the shape editors and CI logs recognise)."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        # One line per problem, whatever the input contained.
        text = " ".join(self.message.split())
        return printable(f"{where}: {text}")


class AuditorError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(AuditorError):
    """An input file (policy, rule, baseline, waiver file) is unusable; exit code 2."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=_problem_key)
        super().__init__("\n".join(p.format() for p in self.problems))

    @classmethod
    def of(cls, file: str, message: str, *, line: int | None = None, column: int | None = None) -> InputError:
        """An error with a single problem: the usual case of a file that cannot be used at all."""
        return cls([Problem(file, line, column, message)])


Item = TypeVar("Item")
Read = TypeVar("Read")


def read_all(items: Iterable[Item], read: Callable[[Item], Read]) -> list[Read]:
    """``read`` each item; every item's problems are collected and raised as one :class:`InputError`."""
    done: list[Read] = []
    problems: list[Problem] = []
    for item in items:
        try:
            done.append(read(item))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return done


class UsageError(AuditorError):
    """The command line asks for something impossible (e.g. an unknown rule id); exit code 2."""


class OutputError(UsageError, OSError):
    """A report cannot be written where asked (no such directory, no permission, disk full); exit code 2.

    Also an :class:`OSError`, so code that writes on a best-effort basis (the rule cache) can
    keep ignoring write failures as it did before. ``reason`` is the cause alone (e.g. "disk
    full"), for messages that name the file themselves.
    """

    reason: str = ""


class SetupError(UsageError):
    """This machine lacks something a run needs, e.g. a system library of weasyprint; exit code 2.

    The user's set-up, not a bug: the message names what is missing and how to install it.
    """


def _problem_key(problem: Problem) -> tuple[str, int, int]:
    return (problem.file, problem.line or 0, problem.column or 0)
