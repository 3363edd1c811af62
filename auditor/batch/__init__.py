"""Prefecture-wide audits: many policies at once, compared chapter by chapter.

:mod:`~auditor.batch.discover` turns the command line's directories and globs into files,
:mod:`~auditor.batch.runner` audits them (sequentially or in a process pool, one unusable file
never stopping the others), :mod:`~auditor.batch.summary` builds the comparison (matrix, most
failed requirements, ranking by urgent gaps) and :mod:`auditor.batch.reporters` renders it.
"""
