"""The PDF worker: a child process that gets weasyprint ready while this process audits.

Importing weasyprint costs about half a second of CPU. :func:`start_pdf_worker` is the one place
that starts the worker; the CLI calls it as soon as it knows that a command writes a PDF. The
child (``python -P -m auditor.reporters.pdf.worker_process``) imports weasyprint, registers the
fonts and parses the stylesheet on another core while this process loads the rules and audits,
then receives the HTML and answers with the PDF; :func:`auditor.reporters.pdf.layout.pdf_document`
hands it the job (:func:`take_pdf_worker`). It is only an optimisation: when it cannot start or
fails, the PDF is laid out in this process, with the same bytes. ``AUDITOR_PDF_WORKER=0`` turns it
off. (``-P``: a ``json.py`` or ``weasyprint.py`` in the working directory is never imported.)

The worker dies with this process. Its standard input is its lifeline: this process keeps the
write end open until it has the PDF, and the worker exits, removing its temporary files, as soon
as it reads the end of its input, which the kernel delivers the moment this process ends in any
way (SIGTERM and SIGKILL included), whether the worker is still starting or already laying out.
A forked child of this process (the batch's pool) drops its copies of the pipes
(:func:`forget_pdf_worker`), so it never keeps the worker alive.

Protocol: the request is its length (8 bytes, big-endian) followed by that many bytes of JSON; the
answer is the PDF on standard output, after which the worker exits 0 (1, with no output, when it
failed).
"""

from __future__ import annotations

import base64
import contextlib
import os
import subprocess
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.reporters.page import DocumentMeta
    from auditor.reporters.pdf.layout import PdfAttachment

WORKER_SWITCH = "AUDITOR_PDF_WORKER"
"""Set to ``0`` to lay PDFs out in the main process (no worker)."""
WORKER_MODULE = "auditor.reporters.pdf.worker_process"
LENGTH_BYTES = 8
EXIT_WAIT_SECONDS = 2.0
"""How long :meth:`PdfWorker.cancel` waits for the worker to exit on its own before killing it."""

_started: list[PdfWorker | None] = [None]


class PdfWorker:
    """This process's handle on a started worker (see the module docstring)."""

    def __init__(self) -> None:
        self.owner = os.getpid()
        # stderr: the worker's failures are not shown; the PDF is then laid out here, where a real
        # error surfaces with its own message.
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", WORKER_MODULE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def render(
        self,
        html: str,
        *,
        meta: DocumentMeta,
        variant: str | None,
        attachments: Sequence[PdfAttachment],
        identifier: bytes | None,
    ) -> bytes | None:
        """The PDF of ``html`` laid out by the worker, or None if the worker failed."""
        import json
        from dataclasses import asdict

        request = json.dumps(
            {
                "html": html,
                "meta": asdict(meta),
                "variant": variant,
                "attachments": [
                    {**asdict(item), "data": base64.b64encode(item.data).decode("ascii")} for item in attachments
                ],
                "identifier": identifier.decode("ascii") if identifier else None,
            }
        ).encode("utf-8")
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(len(request).to_bytes(LENGTH_BYTES, "big") + request)
            stdin.flush()
            output = stdout.read()  # to the end: the worker has written the PDF and is exiting
        except OSError:  # the worker died before reading its request (broken pipe)
            output = b""
        finally:
            self.cancel()
        if self.process.returncode != 0 or not output.startswith(b"%PDF-"):
            return None
        return output

    def cancel(self) -> None:
        """Let the worker go: closing its input makes it exit (at once, cleaning up after itself); it is
        killed if it has not exited within :data:`EXIT_WAIT_SECONDS`. Does nothing in a forked child."""
        if os.getpid() != self.owner:
            return
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            self.process.wait(timeout=EXIT_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_pdf_worker() -> None:
    """Start the PDF worker now, so weasyprint loads while the audit runs; once per process at most."""
    import atexit

    if _started[0] is not None or os.environ.get(WORKER_SWITCH, "1") == "0":
        return
    try:
        worker = PdfWorker()
    except OSError:  # cannot spawn: lay out in this process instead
        return
    _started[0] = worker
    atexit.register(worker.cancel)  # not needed after all (e.g. the audit failed): let it go at exit


def take_pdf_worker() -> PdfWorker | None:
    """The started worker, which the caller now owns (it serves one document), or None."""
    worker, _started[0] = _started[0], None
    return worker


def forget_pdf_worker() -> None:
    """In a forked child process: drop the parent's worker without stopping it (it is the parent's).

    The child's copies of the worker's pipes are closed, so that the worker still sees the end of
    its input when the parent goes (batch workers are forked this way).
    """
    worker, _started[0] = _started[0], None
    if worker is not None:
        for stream in (worker.process.stdin, worker.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
