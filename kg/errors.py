"""Errors raised by kg, each with a code, the file concerned and how to fix it.

Codes follow spaCy's habit of numbered messages (``E001``...). The CLI turns a
:class:`KgError` into one line on stderr and exit code 2.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: a problem the user can fix.

    Args:
        code: stable message code such as ``"E001"``.
        message: one human sentence saying what is wrong and how to fix it.
    """

    def __init__(self, code: str, message: str):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class InputError(KgError):
    """Bad input: an unreadable corpus, article, graph or query file."""


class ResourceError(KgError):
    """A resource kg needs is missing: the spaCy model, an ontology or data file."""
