"""Build an offline bundle of auditor, or install from one, for terminals without internet access.

Most 自治体 terminals sit on LGWAN or isolated segments. On a machine that can reach the package
index, ``build`` writes a directory holding the auditor wheel, a wheel of every dependency for the
named Python version and platform, and an install script; copy it over (USB media per the body's
own procedure) and run ``install`` there, which never contacts an index. Usage::

    python scripts/offline_bundle.py build -o auditor-bundle                      # this machine's Python/platform
    python scripts/offline_bundle.py build -o auditor-bundle --python 3.11 --platform win_amd64
    python scripts/offline_bundle.py install auditor-bundle --venv C:/auditor     # on the isolated terminal

Only wheels are taken (``--only-binary :all:``), so the bundle installs without a compiler.
weasyprint's PDF output also needs Pango, a system library no wheel carries (README: 導入).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MANIFEST = "bundle.json"
WHEELS = "wheels"


def build(target: Path, python: str, platforms: list[str]) -> None:
    """Write the bundle into ``target`` (created; must not exist yet or be empty)."""
    if target.exists() and any(target.iterdir()):
        raise SystemExit(f"{target}: exists and is not empty")
    wheels = target / WHEELS
    wheels.mkdir(parents=True, exist_ok=True)
    # The package itself, built from this checkout (no dependencies: those come next, for the target).
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)])
    (ours,) = wheels.glob("auditor-*.whl")
    download = [sys.executable, "-m", "pip", "download", "-q", "-d", str(wheels), "--only-binary", ":all:"]
    download += ["--python-version", python]
    for platform in platforms:
        download += ["--platform", platform]
    _run([*download, str(ours)])
    manifest = {
        "package": ours.name,
        "python": python,
        "platforms": platforms,
        "wheels": sorted(path.name for path in wheels.glob("*.whl")),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (target / "offline_bundle.py").write_bytes(Path(__file__).read_bytes())
    print(f"{target}: {len(manifest['wheels'])} wheels for Python {python} on {', '.join(platforms)}")


def install(bundle: Path, venv_dir: Path) -> None:
    """Create ``venv_dir`` and install auditor from ``bundle`` with no package index at all."""
    manifest = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))
    venv.EnvBuilder(with_pip=True, clear=False).create(venv_dir)
    scripts = "Scripts" if sys.platform == "win32" else "bin"
    python = venv_dir / scripts / ("python.exe" if sys.platform == "win32" else "python")
    wheels = bundle / WHEELS
    # Only the bundle: no index, and no pip configuration (a find-links or index of the machine's own).
    isolated = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    isolated["PIP_CONFIG_FILE"] = os.devnull
    command = [str(python), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(wheels)]
    _run([*command, str(wheels / manifest["package"])], env=isolated)
    print(f"installed {manifest['package']} into {venv_dir} (run {venv_dir / scripts / 'auditor'} --version)")


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    done = subprocess.run(command, check=False, env=env)
    if done.returncode != 0:
        raise SystemExit(f"failed (exit {done.returncode}): {' '.join(command)}")


def _this_platform() -> str:
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="download wheels into a bundle directory (needs the package index)")
    make.add_argument("-o", "--output", type=Path, required=True, help="bundle directory to create")
    make.add_argument("--python", default=f"{sys.version_info.major}.{sys.version_info.minor}", help="e.g. 3.11")
    make.add_argument(
        "--platform",
        action="append",
        dest="platforms",
        help="wheel platform tag, repeatable (default: this machine's, e.g. manylinux_2_17_x86_64 or win_amd64)",
    )
    put = commands.add_parser("install", help="install from a bundle without any package index")
    put.add_argument("bundle", type=Path)
    put.add_argument("--venv", type=Path, required=True, help="virtual environment to create")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.output, args.python, args.platforms or _default_platforms())
    else:
        install(args.bundle, args.venv)
    return 0


def _default_platforms() -> list[str]:
    platform = _this_platform()
    if platform.startswith("linux_"):
        # manylinux wheels of every glibc generation this machine can run
        arch = platform.removeprefix("linux_")
        return [f"manylinux_2_{minor}_{arch}" for minor in (17, 28, 34)] + [f"manylinux2014_{arch}"]
    return [platform]


if __name__ == "__main__":
    raise SystemExit(main())
