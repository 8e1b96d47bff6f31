"""Mint IRIs and clean labels.

IRIs are minted deterministically from normalized names, so the same input
gives the same graph, byte for byte, whatever the file order or hash seed:

- entities: ``kgr:<slug of the merge key>`` (``https://w3id.org/kg-news/id/acme``);
- articles: ``kgr:article/<slug of the file stem>``;
- facts: ``kgr:fact/<kind>-<slug of the key labels>``;
- evidence: ``kgr:evidence/<sha1 of fact, article and offsets>``;
- anonymous sources: ``kgr:source/<article slug>--<label slug>``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib import URIRef

from ..io.invisible import INVISIBLE as _CONTROL  # control, zero-width, bidi, BOM
from ..schema import fact_kinds
from .namespaces import KGR

if TYPE_CHECKING:  # kg.extract.extraction imports spaCy; minting IRIs does not need it
    from ..extract.extraction import Fact

def slug(text: str) -> str:
    """IRI-safe local name: NFKC, case folded, non-alphanumerics as ``-``,
    non-ASCII letters percent-encoded (RFC 3987 compatible).

    >>> slug("Widget Pro")
    'widget-pro'
    """
    text = _CONTROL.sub("", unicodedata.normalize("NFKC", text)).casefold()
    text = re.sub(r"[^\w]+|_", "-", text).strip("-") or "x"
    return quote(text, safe="-")


#: Characters XML 1.0 does not allow (https://www.w3.org/TR/xml/#charsets), and lone surrogates.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids (most C0 controls, U+FFFE,
    U+FFFF, lone surrogates of undecodable file names) replaced by U+FFFD, so
    that every RDF syntax, RDF/XML included, can carry it. Length is kept, so
    offsets into the text still hold.

    >>> xml_safe("a\x01b")
    'a\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def clean_label(text: str) -> str:
    """A label without control, zero-width or bidi characters."""
    return xml_safe(" ".join(_CONTROL.sub("", text).split()))


def entity_iri(ent) -> URIRef:
    """IRI of an entity, minted from its merge key."""
    return KGR[slug(ent.key)]


def fact_iri(fact: Fact) -> URIRef:
    """IRI of a fact, from its kind and key labels (a hash keeps it short and unique)."""
    parts = [fact.kind] + [r.key for r in fact.roles.values()]
    parts += [fact.attrs[a][0] for a in fact_kinds()[fact.kind].key_attributes]
    digest = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:8]
    readable = "--".join(slug(r.key) for r in fact.roles.values())[:80]
    return KGR[f"fact/{fact.kind}-{readable}-{digest}"]


def anonymous_source(ev) -> tuple[URIRef, str]:
    """IRI and label of the anonymous source a piece of evidence is attributed
    to (PROV-O ``prov:wasAttributedTo``, https://www.w3.org/TR/prov-o/#wasAttributedTo):
    one ``kgo:AnonymousSource`` per article and wording,
    ``kgr:source/<article slug>--<label slug>``."""
    label = clean_label(ev.attributed_to)
    return KGR[f"source/{slug(ev.article)}--{slug(label)}"], label


def source_iri(ev) -> URIRef:
    """IRI of the agent a piece of evidence is attributed to: an entity, or an
    anonymous source (:func:`anonymous_source`)."""
    src = ev.attributed_to
    if not isinstance(src, str):
        return entity_iri(src)
    return anonymous_source(ev)[0]
