"""Fixtures and hooks of the test suite; shared helpers live in :mod:`tests.helpers`."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    # Appended, not prepended: `tests` and `bench` become importable while `auditor` still
    # resolves to the installed package, which is what the suite must test.
    sys.path.append(str(REPO))


def missing_prerequisites(items: list[pytest.Item]) -> list[str]:
    """One line per system program or library the collected tests need and this machine lacks."""
    import ctypes.util

    missing = []
    if ctypes.util.find_library("pango-1.0") is None:
        missing.append("Pango (weasyprint's text layout, for every PDF test): Debian `apt-get install libpango-1.0-0`")
    if any(item.get_closest_marker("chromium") for item in items) and not (
        shutil.which("chromium") or shutil.which("chromium-browser")
    ):
        missing.append(
            "chromium (the HTML report tests open pages in it): Debian `apt-get install chromium`"
            " (bash scripts/test.sh installs it when run as root), or deselect them with -m 'not chromium'"
        )
    return missing


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Said once, before any test runs, instead of as a bare assert inside each test that needs it.
    missing = missing_prerequisites(items)
    if missing:
        raise pytest.UsageError("missing on this machine: " + "; ".join(missing))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when goldens should be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))
