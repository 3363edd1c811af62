"""The PDF worker process: import weasyprint at once, then turn one HTML request into a PDF.

Run as ``python -m auditor.reporters.pdf_worker`` by :class:`auditor.reporters.visual.PdfWorker`.
It reads one JSON request from stdin (HTML, metadata, variant, attachments, identifier) and writes
the PDF to stdout; an empty stdin means the parent no longer needs it. The rendering is the same
function the main process would call, so the bytes are the same.
"""

from __future__ import annotations

import base64
import json
import sys


def main() -> int:
    """Serve one request; exit 0 with the PDF on stdout, or 1 with one line on stderr."""
    try:
        import weasyprint  # noqa: F401  (the point of the worker: load it while the parent audits)

        from auditor.reporters.visual import DocumentMeta, PdfAttachment, html_to_pdf

        raw = sys.stdin.buffer.read()
        if not raw:
            return 0
        request = json.loads(raw)
        attachments = [PdfAttachment(name=item["name"], data=base64.b64decode(item["data"]),
                                     description=item["description"], relationship=item["relationship"])
                       for item in request["attachments"]]
        identifier = request["identifier"].encode("ascii") if request["identifier"] else None
        pdf = html_to_pdf(request["html"], meta=DocumentMeta(**request["meta"]), variant=request["variant"],
                          attachments=attachments, identifier=identifier)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # reported by the parent as one line
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
