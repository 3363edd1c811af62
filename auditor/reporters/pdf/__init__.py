"""PDF output of the visual reports: weasyprint's layout, its fetcher, the worker process, the audit PDF report.

* :mod:`~auditor.reporters.pdf.layout`: :func:`~auditor.reporters.pdf.layout.pdf_document` lays out
  a page of :mod:`auditor.reporters.page` (plain PDF or PDF/A-3b with attachments), byte-identical
  for identical input; weasyprint is imported there, only when a PDF is made.
* :mod:`~auditor.reporters.pdf.assets`: the URL fetcher that serves the bundled fonts and nothing else.
* :mod:`~auditor.reporters.pdf.worker` and :mod:`~auditor.reporters.pdf.worker_process`: the child
  process that imports weasyprint while the audit runs, and the one place that starts it.
* :mod:`~auditor.reporters.pdf.report`: the audit report in PDF (the ``pdf`` format).

This package's own import costs nothing: the CLI imports :mod:`~auditor.reporters.pdf.worker`
before the audit.
"""
