"""Targets: which figures a directive sets out to reach, with their year.

Contract used by the pipeline:

- ``mark_targets(text, clauses, figures, ref) -> list[list[Figure]]``.
"""
