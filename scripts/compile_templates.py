"""Write the Jinja2 code of the report templates into ``auditor/reporters/compiled/``.

Run after editing a template in ``auditor/reporters/templates/`` (``--check`` only compares and
exits 1 when a module is missing or stale). See :mod:`auditor.reporters.precompiled`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from auditor.reporters.precompiled import compiled_path, compiled_source  # noqa: E402
from auditor.reporters.visual import PACKAGE_DIR, TEMPLATES_DIR, environment  # noqa: E402

TARGET = PACKAGE_DIR / "compiled"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if anything is out of date")
    args = parser.parse_args()
    outdated = 0
    for template in sorted(path.name for path in TEMPLATES_DIR.glob("*.j2")):
        text = compiled_source(environment(), template)
        path = compiled_path(TARGET, template)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        outdated += 1
        if args.check:
            print(f"out of date: {path.relative_to(REPO)}", file=sys.stderr)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(REPO)}")
    return 1 if args.check and outdated else 0


if __name__ == "__main__":
    raise SystemExit(main())
