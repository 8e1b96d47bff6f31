"""RDF: the graph side of a build, one module per job, imports flowing down this list:

- :mod:`kg.rdf.terms`: small name helpers shared by the query side (no rdflib);
- :mod:`kg.rdf.namespaces`: kg's namespaces, the ontology's closed namespace, prefixes, JSON-LD context;
- :mod:`kg.rdf.mint`: IRIs minted from names, labels cleaned for every RDF syntax;
- :mod:`kg.rdf.abox`: the triples of an extraction (header, articles, entities, facts, evidence);
- :mod:`kg.rdf.indexed`: :class:`~kg.rdf.indexed.IndexedGraph`, the dict-indexed graph parts and pySHACL use;
- :mod:`kg.rdf.parts`: the ABox as one graph or cut into parts (``GraphPlan``, ``graph_parts``);
- :mod:`kg.rdf.serialize`: deterministic serialization (canonical N-Triples, Turtle, RDF/XML, JSON-LD);
- :mod:`kg.rdf.store`: the on-disk Oxigraph store.

Reads an extraction's dataclasses but never imports spaCy (a test checks it).
"""
