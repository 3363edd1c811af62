"""The rule language and the catalogue: what a requirement is, how it is checked, and which apply.

The runtime rule (plain dataclasses) and its schema (pydantic, for validation and the JSON
Schema), declarative conditions and their evaluation, the catalogue of rule files with its
cache, checks of a rule against the policy schema, ``rules lint``, coverage of the guideline
and the differences between editions. The YAML rule files themselves ship as ``auditor/catalogue``.
"""
