"""Schemas of the policy and rule files: the published JSON Schemas and the compiled core schemas.

``publish`` generates the JSON Schemas editors use from the pydantic models; ``compiled`` holds
the same models compiled for pydantic-core (``data/*.core-schema.json``), so an audit of a valid
file never builds a pydantic class.
"""
