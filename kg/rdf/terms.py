"""Small helpers on names and RDF terms shared by the query side (explain, conflicts, provenance, stats, view).

No spaCy and no rdflib needed: importing this module is cheap.
"""

from __future__ import annotations

import re

#: A day as kg writes it in the graph: ``YYYY-MM-DD`` (``xsd:date``) or ``--MM-DD`` (``xsd:gMonthDay``);
#: groups: year (None for a month-day), month, day.
DATE_VALUE = re.compile(r"(?:(\d{4})|-)-(\d{2})-(\d{2})")


def fold(text: object) -> str:
    """A name as compared by kg's readers: case-folded, runs of white space made one space.

    >>> fold("  Harbor  Crest\\nBANK ")
    'harbor crest bank'
    """
    return " ".join(str(text).casefold().split())


def local_name(iri: object) -> str:
    """The part of an IRI after its last ``#``, else after its last ``/``.

    >>> local_name("https://w3id.org/kg-news/ontology#Company"), local_name("https://w3id.org/kg-news/id/acme")
    ('Company', 'acme')
    """
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]
