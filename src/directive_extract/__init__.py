"""Structured records of the directives in Vietnamese government news and documents.

>>> from directive_extract import extract
>>> doc = extract("Thủ tướng giao Bộ Y tế khẩn trương hoàn thành đề án trước ngày 20/7/2024.")
>>> [(d.lead[0].name, d.deadline.due) for d in doc.directives]
[('Bộ Y tế', '2024-07-20')]
"""

from directive_extract.models import Agency, Deadline, Directive, Document, Figure
from directive_extract.pipeline import extract, extract_file
from directive_extract.run.batch import extract_folder

__all__ = [
    "Agency",
    "Deadline",
    "Directive",
    "Document",
    "Figure",
    "extract",
    "extract_file",
    "extract_folder",
]
__version__ = "0.1.0"
