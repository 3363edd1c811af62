"""Benchmarks: each compares auditor with a floor measured in the same run."""
