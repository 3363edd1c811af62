"""The PDF worker process: get weasyprint ready at once, then turn one HTML request into a PDF.

Run as ``python -P -m auditor.reporters.pdf_worker`` by :class:`auditor.reporters.visual.PdfWorker`.
It reads one JSON request from stdin (HTML, whether it carries its own stylesheet, metadata,
variant, attachments, identifier) and writes the PDF to stdout; an empty stdin means the parent no
longer needs it. The rendering is the same function the main process would call, so the bytes are
the same.

Order of work: import weasyprint, register the fonts and parse the report stylesheet
(:class:`~auditor.reporters.visual.PdfLayout`); then, if the request has not arrived yet and a core
seems idle, lay out a few words to load the faces into Pango and HarfBuzz
(:meth:`~auditor.reporters.visual.PdfLayout.warm_up`); then read the request. The cyclic
garbage collector is off: the process does one job and exits, and collecting the many short-lived
layout objects would cost about a tenth of the layout time for memory that is freed at exit anyway.
"""

from __future__ import annotations

import base64
import gc
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.reporters.visual import PdfLayout


def worth_warming_up() -> bool:
    """Whether to warm up: the request has not arrived yet (warming up would only delay it) and a core
    is probably idle (on a busy machine the warm-up would take CPU from the parent's audit)."""
    import os
    import select

    try:
        ready, _, _ = select.select([sys.stdin], [], [], 0)
        busy = os.getloadavg()[0] > (os.cpu_count() or 1) - 1
    except (OSError, ValueError, AttributeError):  # no select() on this stdin or no load average (Windows)
        return False
    return not ready and not busy


def main() -> int:
    """Serve one request; exit 0 with the PDF on stdout, or 1 with one line on stderr."""
    gc.disable()
    layout: PdfLayout | None = None
    try:
        from auditor.reporters.visual import DocumentMeta, PdfAttachment, PdfLayout

        layout = PdfLayout()  # imports weasyprint: the point of the worker is to do it while the parent audits
        if worth_warming_up():
            layout.warm_up()
        raw = sys.stdin.buffer.read()
        if not raw:
            return 0
        request = json.loads(raw)
        attachments = [
            PdfAttachment(
                name=item["name"],
                data=base64.b64decode(item["data"]),
                description=item["description"],
                relationship=item["relationship"],
            )
            for item in request["attachments"]
        ]
        identifier = request["identifier"].encode("ascii") if request["identifier"] else None
        pdf = layout.write_pdf(
            request["html"],
            meta=DocumentMeta(**request["meta"]),
            variant=request["variant"],
            attachments=attachments,
            identifier=identifier,
            styled=request["styled"],
        )
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # reported by the parent as one line
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        if layout is not None:
            layout.close()
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
