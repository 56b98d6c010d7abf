"""Numbers with units: every percentage and every other figure.

Contract used by the pipeline:

- ``parse_number(text) -> float``: Vietnamese separators ("1.084" = 1084, "64,8" = 64.8).
- ``find_figures(text, start=0, end=None) -> list[Figure]``: role "reported", offsets absolute.
"""
