"""Files in and out: bounded, safe reading of YAML and git revisions, located problems, atomic writing.

Everything between the bytes a user hands over and plain Python data (and back to a report on
disk) lives here: size and encoding limits, the event-driven YAML composer with positions,
``git show`` of a revision, pydantic errors turned into ``file:line:col`` problems, neutralising
untrusted text for terminals, and writing reports atomically without ever replacing an input.
"""
