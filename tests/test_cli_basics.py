"""The CLI's contract: version, exit codes, python -m (help: test_cli_help.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from auditor import __version__, exitcodes
from tests.helpers import run_cli, run_installed


def test_version() -> None:
    result = run_cli("--version")
    assert result.code == 0
    assert __version__ in result.stdout


def test_python_dash_m() -> None:
    done = subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert __version__ in done.stdout


def test_installed_console_script_runs() -> None:
    result = run_installed("--version")
    assert result.code == 0
    assert __version__ in result.stdout


def test_unknown_option_is_a_usage_error() -> None:
    result = run_cli("audit", "--no-such-option", "x.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "Traceback" not in result.stderr


def test_missing_file_is_input_error_naming_the_file() -> None:
    result = run_cli("audit", "does-not-exist.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "does-not-exist.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_internal_error_is_exit_3_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.audit.service

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(auditor.audit.service, "audit_files", broken)
    result = run_cli("audit", "x.yaml")
    assert result.code == exitcodes.INTERNAL
    assert "boom" in result.stderr
    assert "Traceback" not in result.stderr
    debug = run_cli("audit", "x.yaml", "--debug")
    assert "Traceback" in debug.stderr


def test_interrupt_is_130(monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.audit.service

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(auditor.audit.service, "audit_files", interrupted)
    result = run_cli("audit", "x.yaml")
    assert result.code == exitcodes.INTERRUPTED
