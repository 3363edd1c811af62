#!/usr/bin/env bash
# Set up and run the whole test suite: the one command in README.md, also what CI runs.
# Installs the system packages tests need (Debian), builds a fresh virtual environment,
# installs the package itself (not editable, so a data file missing from the wheel fails),
# then runs ruff, mypy and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  # weasyprint subsets the PDF fonts with HarfBuzz when present (25x faster than its fontTools fallback).
  ldconfig -p 2>/dev/null | grep 'libharfbuzz-subset\.so\.0' >/dev/null || missing+=(libharfbuzz-subset0)
  if [ ${#missing[@]} -gt 0 ]; then
    # Another apt (unattended upgrades, a parallel job) may hold the locks: wait for it instead of
    # failing. DPkg::Lock::Timeout covers dpkg's locks; `apt-get update` does not honour it for the
    # lists lock, so that step is retried while the lock is held (up to 10 minutes).
    for attempt in $(seq 120); do
      if out="$(apt-get -o DPkg::Lock::Timeout=600 update -qq 2>&1)"; then break; fi
      case "$out" in
        *"Could not get lock"*|*"Unable to lock"*) [ "$attempt" -lt 120 ] && sleep 5 && continue ;;
      esac
      printf '%s\n' "$out" >&2; exit 1
    done
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
fi

venv="${AUDITOR_VENV:-.venv}"
python3 -m venv --clear "$venv"
venv="$(cd "$venv" && pwd)"  # absolute, whether AUDITOR_VENV was given relative or absolute
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q ".[test]"
export PATH="$venv/bin:$PATH"

ruff check auditor tests bench scripts
ruff format --check auditor tests bench scripts
mypy
# pytest's console script keeps the checkout off sys.path: tests import the installed package.
pytest -q "$@"
