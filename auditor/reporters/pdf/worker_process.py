"""The PDF worker process: get weasyprint ready at once, then turn one request into a PDF.

Run as ``python -P -m auditor.reporters.pdf.worker_process`` by
:class:`auditor.reporters.pdf.worker.PdfWorker`, whose docstring describes the protocol. The
rendering is the same method the main process would call, so the bytes are the same.

Order of work: import weasyprint, register the fonts and parse the report stylesheet
(:class:`~auditor.reporters.pdf.layout.PdfLayout`); then, if the request has not arrived yet and a
core seems idle, lay out a few words to load the faces into Pango and HarfBuzz
(:meth:`~auditor.reporters.pdf.layout.PdfLayout.warm_up`); then wait for the request, lay it out
and write the PDF. The cyclic garbage collector is off, and the process ends without the
interpreter's teardown: it does one job, and collecting the many layout objects would cost time
(about a tenth of the layout) the parent would wait for, for memory that is freed at exit anyway.

The worker never outlives its parent: the :class:`Lifeline` thread owns standard input, reads the
request and then goes on reading. The end of the input before the answer is written means the
parent is gone (or no longer needs a PDF), and the thread ends the process at once, whatever the
main thread is doing. weasyprint's temporary files (its copies of the fonts for fontconfig) are
made in a directory of this process's own, so that one removal leaves nothing behind; the programs
it runs meanwhile put theirs there too.
"""

from __future__ import annotations

import base64
import gc
import json
import os
import shutil
import sys
import tempfile
import threading

from auditor.reporters.pdf.worker import LENGTH_BYTES

CHUNK = 1 << 20


class Lifeline(threading.Thread):
    """Reads the request from standard input, then ends the process when the input ends."""

    def __init__(self, scratch: str) -> None:
        super().__init__(name="pdf-worker-lifeline", daemon=True)
        self.scratch = scratch
        self.files_lock = threading.Lock()
        """Held while weasyprint creates files in ``scratch``, so that the removal misses none."""
        self._arrived = threading.Event()
        self._request = b""

    def run(self) -> None:
        header = _read_exactly(LENGTH_BYTES)
        body = _read_exactly(int.from_bytes(header, "big")) if header is not None else None
        if body is not None:
            self._request = body
            self._arrived.set()
            while _read_some():
                pass  # nothing more is sent: this only waits for the end of the input
        with self.files_lock:
            self.clean_up()
            os._exit(0)  # from this thread: the main thread may be deep in weasyprint

    def arrived(self) -> bool:
        return self._arrived.is_set()

    def request(self) -> bytes:
        """The request, once it has arrived (if the input ends first, the process ends instead)."""
        self._arrived.wait()
        return self._request

    def clean_up(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)


def _read_exactly(size: int) -> bytes | None:
    """``size`` bytes from standard input, or None when it ends first."""
    parts: list[bytes] = []
    missing = size
    while missing:
        part = _read_some(min(missing, CHUNK))
        if not part:
            return None
        parts.append(part)
        missing -= len(part)
    return b"".join(parts)


def _read_some(size: int = CHUNK) -> bytes:
    # The descriptor, not sys.stdin: a daemon thread blocked inside a buffered stream would make
    # the interpreter's shutdown abort on that stream's lock.
    try:
        return os.read(0, size)
    except OSError:
        return b""


def worth_warming_up(lifeline: Lifeline) -> bool:
    """Whether to warm up: the request has not arrived yet (warming up would only delay it) and a core
    is probably idle (on a busy machine the warm-up would take CPU from the parent's audit)."""
    if lifeline.arrived():
        return False
    try:
        return os.getloadavg()[0] <= (os.cpu_count() or 1) - 1
    except (OSError, AttributeError):  # no load average (Windows)
        return False


def main() -> int:
    """Serve one request; exit 0 with the PDF on stdout, or 1 with nothing on stdout."""
    gc.disable()
    scratch = tempfile.mkdtemp(prefix="auditor-pdf-")
    # Where weasyprint's mkdtemp() puts the font copies, and where the programs run while it loads
    # its libraries (ctypes.util.find_library runs the C compiler) put their temporary files.
    tempfile.tempdir = os.environ["TMPDIR"] = scratch
    lifeline = Lifeline(scratch)
    lifeline.start()
    try:
        from auditor.reporters.page import DocumentMeta
        from auditor.reporters.pdf.layout import PdfAttachment, PdfLayout, load_weasyprint

        load_weasyprint()  # the point of the worker: done while the parent audits
        with lifeline.files_lock:
            layout = PdfLayout()
        if worth_warming_up(lifeline):
            layout.warm_up()
        request = json.loads(lifeline.request())
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
        )
    except KeyboardInterrupt:
        return 130
    except Exception:  # the parent lays the PDF out itself, where a real error is reported
        return 1
    finally:
        with lifeline.files_lock:
            lifeline.clean_up()
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # no teardown (see the module docstring); stdout is flushed
