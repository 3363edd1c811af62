"""The Excel checklist round trip: the sheet's layout, and a filled sheet read back into evidence.

:mod:`auditor.checklist.layout` defines the columns, the dropdowns and the hidden key column that
ties each row to its rule, the body and the version of the policy it was exported from; the xlsx
reporter writes that layout. :mod:`auditor.checklist.importer` reads what staff filled in on the
要確認 rows (result, method, evidence, reviewer, date) into evidence records, refusing every bad
cell with its sheet and cell, and never half-writing the evidence file.
"""
