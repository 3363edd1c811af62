"""Rebuild the Japanese fonts bundled for the PDF/HTML reports from the upstream BIZ UDPGothic files.

Source: BIZ UDPGothic 1.05 (Morisawa, SIL Open Font License 1.1, no Reserved Font Name), as shipped
by Debian's ``fonts-morisawa-bizud-gothic`` package (upstream: googlefonts/morisawa-biz-ud-gothic).
Get it with ``apt-get download fonts-morisawa-bizud-gothic && dpkg-deb -x *.deb src`` and run::

    python scripts/subset_fonts.py src/usr/share/fonts/truetype/bizud-gothic

Every character of the font is kept; what goes is what a report never uses and what makes
embedding slow or large: TrueType hinting programs, vertical metrics and the layout (GSUB/GPOS)
tables. The result is about two thirds of the original size and subsets faster at PDF time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

TARGET = Path(__file__).resolve().parent.parent / "auditor" / "reporters" / "assets" / "fonts"
FACES = ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf")


def slim(source: Path, target: Path) -> None:
    """Write ``source`` without hinting, layout and vertical tables, keeping every character."""
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["GSUB", "GPOS", "vhea", "vmtx", "DSIG", "meta", "gasp"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    # recalcTimestamp=False keeps the upstream dates, so a rebuild is byte-identical.
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=set(font.getBestCmap()))
    subsetter.subset(font)
    font.save(target, reorderTables=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    source_dir = Path(argv[1])
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in FACES:
        slim(source_dir / name, TARGET / name)
        print(f"{TARGET / name}: {(TARGET / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
