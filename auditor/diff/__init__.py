"""Comparing two versions of a policy (``auditor diff``): what a change does to each requirement.

``compare`` audits both versions with the same rules and classifies every change; ``report``
renders the comparison (table, JSON, Markdown, GitHub annotations).
"""
