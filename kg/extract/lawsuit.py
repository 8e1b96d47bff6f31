"""Frame reader: lawsuit (see :mod:`kg.extract`)."""

from __future__ import annotations

from . import frame


@frame("lawsuit")
def read(reader, sent) -> None:
    """Emit observations of this frame from one sentence (nothing yet)."""
    return None
