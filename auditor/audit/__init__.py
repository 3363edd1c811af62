"""Auditing: one policy against the rules of an edition, and deciding what the result means for CI.

The engine gives one outcome per rule (pure, no I/O); around it sit the audit context, the
results model, waivers (例外措置) and their register, baselines, the exit-code gate, and the
use cases the commands share (load, choose the edition, audit).
"""
