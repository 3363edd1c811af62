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
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

venv="${AUDITOR_VENV:-.venv}"
python3 -m venv --clear "$venv"
venv="$(cd "$venv" && pwd)"  # absolute, whether AUDITOR_VENV was given relative or absolute
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q ".[test]"
export PATH="$venv/bin:$PATH"

ruff check auditor tests bench
mypy
# pytest's console script keeps the checkout off sys.path: tests import the installed package.
pytest -q "$@"
