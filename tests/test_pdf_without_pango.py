"""Without Pango (e.g. a slim Python image), a PDF run is the user's set-up to fix, not a bug: exit 2, one line.

The library is made really unloadable, not mocked: the test runs the installed console script in
a private mount namespace (``unshare --mount``) in which the very file the dynamic loader maps for
Pango is covered by ``/dev/null``, so weasyprint's ``dlopen`` fails as it does where Pango is not
installed. Nothing outside that namespace sees the change.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import AUDIT_DATE, EXAMPLES, installed_script

POLICY = EXAMPLES / "alpha-town.yaml"
INSTALL_LINE = "apt-get install libpango-1.0-0 libpangoft2-1.0-0"


def pango_file() -> str:
    """The Pango library file this machine's loader uses (as mapped into this process by weasyprint)."""
    import weasyprint  # noqa: F401  (loads Pango)

    for line in Path("/proc/self/maps").read_text(encoding="utf-8").splitlines():
        path = line.split()[-1]
        if "/libpango-1.0.so" in path:
            return path
    raise AssertionError("Pango is not mapped into this process")


def unshare_command() -> list[str]:
    """``unshare`` for a private mount namespace: as root, or in a user namespace of one's own."""
    if shutil.which("unshare") is None:
        pytest.skip("needs util-linux's unshare to hide Pango from one process tree")
    command = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--map-root-user", "--mount"]
    probe = subprocess.run([*command, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a mount namespace here: {probe.stderr.decode(errors='replace').strip()}")
    return command


def run_without_pango(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = 'mount --bind /dev/null "$0" && exec "$@"'
    return subprocess.run(
        [*unshare_command(), "sh", "-c", script, pango_file(), installed_script(), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (("audit", POLICY, "--format", "pdf", "-o", "out/r.pdf"), "ja"),
        (("audit", POLICY, "--format", "pdf", "-o", "out/r.pdf", "--lang", "en"), "en"),
        (("audit", POLICY, "--format", "pdf", "-o", "-"), "ja"),
        (("batch", EXAMPLES, "--format", "pdf", "-o", "out/b.pdf"), "ja"),
        (("batch", EXAMPLES, "--per-policy-reports", "out", "--per-policy-format", "pdf", "--jobs", "2"), "ja"),
    ],
    ids=["audit", "audit-en", "audit-stdout", "batch", "batch-per-policy"],
)
def test_a_pdf_without_pango_names_the_library_and_the_install_line(
    args: tuple[str | Path, ...], lang: str, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    done = run_without_pango(*args, "--date", AUDIT_DATE, "--fail-on", "none", cwd=tmp_path)
    lines = done.stderr.splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1, done.stderr
    line = lines[0]
    assert "Traceback" not in done.stderr and "不具合" not in line and "bug" not in line
    assert "libpango-1.0-0" in line and INSTALL_LINE in line
    if lang == "ja":
        assert line.startswith("エラー: ") and "システムライブラリ" in line
    else:
        assert line.startswith("error: ") and "system library" in line
    assert done.stdout == ""  # weasyprint's own advice does not end up in a report sent to stdout
    assert not [path for path in (tmp_path / "out").iterdir() if path.suffix == ".pdf"]


def test_with_pango_the_same_run_writes_the_pdf(tmp_path: Path) -> None:
    """Control: the same way of running, with Pango left visible, makes the PDF."""
    arguments = ["audit", POLICY, "--format", "pdf", "-o", tmp_path / "r.pdf", "--date", AUDIT_DATE]
    done = subprocess.run(
        [*unshare_command(), installed_script(), *arguments, "--fail-on", "none"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
