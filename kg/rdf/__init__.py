"""RDF: namespaces and term helpers (:mod:`kg.rdf.terms`), the ABox writer with
IRI minting, graph parts and serialization (:mod:`kg.rdf.indexed`), and the
on-disk Oxigraph store (:mod:`kg.rdf.store`).

Reads an extraction's dataclasses but never imports spaCy (a test checks it).
"""
