"""Jinja2 code of the report templates, written by ``scripts/compile_templates.py`` (see
:mod:`auditor.reporters.precompiled`); one module per template, never edited by hand."""
